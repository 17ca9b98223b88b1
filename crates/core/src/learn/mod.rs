//! Predictive models: preprocessing, linear and logistic regression, KNN, decision trees,
//! random forests, linear SVM, metrics and model selection. (Being built: see issue 5.)
