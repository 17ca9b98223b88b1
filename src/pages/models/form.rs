//! The Models page's form: the settings of every model kind with their defaults and help
//! texts, the feature picker with the columns left out (and why), the task, imputation,
//! stratification, and the [`TrainRequest`] they make.

use leptos::prelude::*;
use shoplens_core::learn::dataset::Task;
use shoplens_core::learn::neighbors::{Distance, Weights};
use shoplens_core::learn::preprocess::ImputeStrategy;
use shoplens_core::learn::tree::{Criterion, MaxFeatures};

use crate::i18n::models::{t, ModelText as T};
use crate::state::use_app_state;
use crate::worker::protocol::models::{PlanView, TrainRequest};
use shoplens_core::jobs::compare::{CompareJob, GridJob};
use shoplens_core::jobs::ModelData;
use shoplens_core::learn::{ModelKind, ModelParams};

/// Every setting of the form, as signals (a small `Copy` struct shared by the page's parts).
#[derive(Clone, Copy)]
pub struct FormState {
    /// The target column.
    pub target: RwSignal<String>,
    /// `auto`, `regression` or `classification`.
    pub task: RwSignal<String>,
    /// The target's feature plan from the worker.
    pub plan: RwSignal<Option<PlanView>>,
    /// The checked feature columns.
    pub features: RwSignal<Vec<String>>,
    /// The model kind key.
    pub kind: RwSignal<String>,
    /// Ridge alpha (linear).
    pub alpha: RwSignal<f64>,
    /// C (logistic).
    pub logistic_c: RwSignal<f64>,
    /// C (SVM).
    pub svm_c: RwSignal<f64>,
    /// k (KNN).
    pub k: RwSignal<usize>,
    /// `uniform` or `distance`.
    pub weights: RwSignal<String>,
    /// `euclidean` or `manhattan`.
    pub distance: RwSignal<String>,
    /// `gini` or `entropy`.
    pub criterion: RwSignal<String>,
    /// Tree depth limit.
    pub max_depth: RwSignal<Option<usize>>,
    /// Tree: rows needed to split.
    pub min_samples_split: RwSignal<usize>,
    /// Tree: rows per leaf.
    pub min_samples_leaf: RwSignal<usize>,
    /// Forest trees.
    pub n_trees: RwSignal<usize>,
    /// Forest depth limit.
    pub forest_depth: RwSignal<Option<usize>>,
    /// `default`, `sqrt`, `log2` or `all`.
    pub max_features: RwSignal<String>,
    /// Test share.
    pub test_size: RwSignal<f64>,
    /// Seed.
    pub seed: RwSignal<u64>,
    /// Stratified split.
    pub stratify: RwSignal<bool>,
    /// `mean`, `median` or `most_frequent`.
    pub impute: RwSignal<String>,
    /// Cross-validation folds.
    pub folds: RwSignal<usize>,
}

impl FormState {
    /// The defaults (the same as core's).
    pub fn new() -> FormState {
        FormState {
            target: RwSignal::new(String::new()),
            task: RwSignal::new("auto".into()),
            plan: RwSignal::new(None),
            features: RwSignal::new(Vec::new()),
            kind: RwSignal::new("linear".into()),
            alpha: RwSignal::new(0.0),
            logistic_c: RwSignal::new(1.0),
            svm_c: RwSignal::new(1.0),
            k: RwSignal::new(5),
            weights: RwSignal::new("uniform".into()),
            distance: RwSignal::new("euclidean".into()),
            criterion: RwSignal::new("gini".into()),
            max_depth: RwSignal::new(None),
            min_samples_split: RwSignal::new(2),
            min_samples_leaf: RwSignal::new(1),
            n_trees: RwSignal::new(100),
            forest_depth: RwSignal::new(None),
            max_features: RwSignal::new("default".into()),
            test_size: RwSignal::new(0.2),
            seed: RwSignal::new(42),
            stratify: RwSignal::new(false),
            impute: RwSignal::new("mean".into()),
            folds: RwSignal::new(5),
        }
    }

    /// The chosen model with its settings: the kind's defaults for the task in effect,
    /// with the form's values (core fits the criterion and seed to the task).
    pub fn choice(&self) -> ModelParams {
        let task = self.task_untracked().unwrap_or(Task::Classification);
        let seed = self.seed.get_untracked();
        let kind = ModelKind::parse(&self.kind.get_untracked()).unwrap_or(ModelKind::Forest);
        let mut params = ModelParams::defaults(kind, task, seed);
        match &mut params {
            ModelParams::Linear(p) => p.ridge_alpha = self.alpha.get_untracked(),
            ModelParams::Logistic(p) => p.c = self.logistic_c.get_untracked(),
            ModelParams::Knn(p) => {
                p.k = self.k.get_untracked();
                p.weights = if self.weights.get_untracked() == "distance" {
                    Weights::Distance
                } else {
                    Weights::Uniform
                };
                p.distance = if self.distance.get_untracked() == "manhattan" {
                    Distance::Manhattan
                } else {
                    Distance::Euclidean
                };
            }
            ModelParams::Tree(p) => {
                if task == Task::Classification {
                    p.criterion = if self.criterion.get_untracked() == "entropy" {
                        Criterion::Entropy
                    } else {
                        Criterion::Gini
                    };
                }
                p.max_depth = self.max_depth.get_untracked();
                p.min_samples_split = self.min_samples_split.get_untracked();
                p.min_samples_leaf = self.min_samples_leaf.get_untracked();
            }
            ModelParams::Forest(p) => {
                p.n_trees = self.n_trees.get_untracked();
                p.tree.max_depth = self.forest_depth.get_untracked();
                match self.max_features.get_untracked().as_str() {
                    "sqrt" => p.tree.max_features = MaxFeatures::Sqrt,
                    "log2" => p.tree.max_features = MaxFeatures::Log2,
                    "all" => p.tree.max_features = MaxFeatures::All,
                    _ => {}
                }
            }
            ModelParams::Svm(p) => p.c = self.svm_c.get_untracked(),
        }
        params
    }

    /// The task chosen in the form, or the plan's guess (untracked).
    fn task_untracked(&self) -> Option<Task> {
        match self.task.get_untracked().as_str() {
            "regression" => Some(Task::Regression),
            "classification" => Some(Task::Classification),
            _ => self.plan.with_untracked(|p| p.as_ref().map(|p| p.task)),
        }
    }

    /// The data settings the form describes (target, features, task, seed, imputation).
    pub fn data(&self) -> ModelData {
        ModelData {
            target: self.target.get_untracked(),
            // In table order, whatever order the boxes were ticked in.
            features: self.plan.with_untracked(|plan| {
                let chosen = self.features.get_untracked();
                match plan {
                    Some(plan) => plan
                        .usable
                        .iter()
                        .filter(|n| chosen.contains(n))
                        .cloned()
                        .collect(),
                    None => chosen,
                }
            }),
            exclude: Vec::new(),
            task: match self.task.get_untracked().as_str() {
                "regression" => Some(Task::Regression),
                "classification" => Some(Task::Classification),
                _ => None,
            },
            seed: self.seed.get_untracked(),
            impute: match self.impute.get_untracked().as_str() {
                "median" => ImputeStrategy::Median,
                "most_frequent" => ImputeStrategy::MostFrequent,
                _ => ImputeStrategy::Mean,
            },
        }
    }

    /// The training job the form describes.
    pub fn request(&self) -> TrainRequest {
        TrainRequest {
            data: self.data(),
            model: Some(self.choice()),
            test_size: self.test_size.get_untracked(),
            stratify: Some(self.stratify.get_untracked()),
        }
    }

    /// The comparison job the form describes.
    pub fn compare(&self) -> CompareJob {
        CompareJob {
            data: self.data(),
            folds: self.folds.get_untracked(),
        }
    }

    /// The grid job the form describes (around the chosen model).
    pub fn grid(&self) -> GridJob {
        GridJob {
            data: self.data(),
            model: Some(self.choice()),
            folds: self.folds.get_untracked(),
        }
    }

    /// Sets the data fields from `data` (the settings of a kept result).
    pub fn fill_data(&self, data: &ModelData) {
        self.features.set(data.features.clone());
        self.task.set(
            match data.task {
                Some(Task::Regression) => "regression",
                Some(Task::Classification) => "classification",
                None => "auto",
            }
            .into(),
        );
        self.seed.set(data.seed);
        self.impute.set(
            match data.impute {
                ImputeStrategy::Median => "median",
                ImputeStrategy::MostFrequent => "most_frequent",
                _ => "mean",
            }
            .into(),
        );
    }

    /// Sets every field from `request` (the settings of a kept result): the inverse of
    /// [`FormState::request`]. The target is left to the caller, which must also keep the
    /// features from being replaced by the new target's defaults.
    pub fn fill(&self, request: &TrainRequest) {
        self.fill_data(&request.data);
        self.test_size.set(request.test_size);
        self.stratify.set(request.stratify.unwrap_or(false));
        if let Some(model) = &request.model {
            self.fill_model(model);
        }
    }

    /// Sets the model fields from `model`.
    pub fn fill_model(&self, model: &ModelParams) {
        match model {
            ModelParams::Linear(p) => self.alpha.set(p.ridge_alpha),
            ModelParams::Logistic(p) => self.logistic_c.set(p.c),
            ModelParams::Knn(p) => {
                self.k.set(p.k);
                let weights = matches!(p.weights, Weights::Distance);
                self.weights
                    .set(if weights { "distance" } else { "uniform" }.into());
                let manhattan = matches!(p.distance, Distance::Manhattan);
                self.distance
                    .set(if manhattan { "manhattan" } else { "euclidean" }.into());
            }
            ModelParams::Tree(p) => {
                let entropy = matches!(p.criterion, Criterion::Entropy);
                self.criterion
                    .set(if entropy { "entropy" } else { "gini" }.into());
                self.max_depth.set(p.max_depth);
                self.min_samples_split.set(p.min_samples_split);
                self.min_samples_leaf.set(p.min_samples_leaf);
            }
            ModelParams::Forest(p) => {
                self.n_trees.set(p.n_trees);
                self.forest_depth.set(p.tree.max_depth);
                self.max_features.set(
                    match p.tree.max_features {
                        MaxFeatures::Sqrt => "sqrt",
                        MaxFeatures::Log2 => "log2",
                        MaxFeatures::All => "all",
                        _ => "default",
                    }
                    .into(),
                );
            }
            ModelParams::Svm(p) => self.svm_c.set(p.c),
        }
        self.kind.set(model.kind().as_str().into());
    }

    /// The task in effect: the override, or the plan's guess.
    pub fn effective_task(&self) -> Option<Task> {
        match self.task.get().as_str() {
            "regression" => Some(Task::Regression),
            "classification" => Some(Task::Classification),
            _ => self.plan.with(|p| p.as_ref().map(|p| p.task)),
        }
    }
}

impl Default for FormState {
    fn default() -> Self {
        FormState::new()
    }
}

fn parse_into<T: std::str::FromStr + Send + Sync + 'static>(
    ev: &leptos::ev::Event,
    signal: RwSignal<T>,
) {
    if let Ok(v) = event_target_value(ev).trim().parse::<T>() {
        signal.set(v);
    }
}

fn parse_optional(ev: &leptos::ev::Event, signal: RwSignal<Option<usize>>) {
    let text = event_target_value(ev);
    let text = text.trim();
    if text.is_empty() {
        signal.set(None);
    } else if let Ok(v) = text.parse::<usize>() {
        signal.set(Some(v.max(1)));
    }
}

/// A number input bound to `signal`.
#[component]
fn NumberField<V>(
    /// Its label.
    label: T,
    /// The value.
    value: RwSignal<V>,
    /// `data-testid`.
    test_id: &'static str,
    /// `step` attribute.
    #[prop(default = "any")]
    step: &'static str,
    /// `min` attribute.
    #[prop(default = "0")]
    min: &'static str,
) -> impl IntoView
where
    V: std::str::FromStr + ToString + Clone + Send + Sync + 'static,
{
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label)}</span>
            <input type="number" min=min step=step data-testid=test_id
                prop:value=move || value.get().to_string()
                on:change=move |ev| parse_into(&ev, value)
            />
        </label>
    }
}

/// A number input for an optional depth (empty: no limit).
#[component]
fn DepthField(label: T, value: RwSignal<Option<usize>>, test_id: &'static str) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label)}</span>
            <input type="number" min="1" step="1" data-testid=test_id
                prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                on:change=move |ev| parse_optional(&ev, value)
            />
        </label>
    }
}

/// A select bound to `value` with `(key, label)` options.
#[component]
fn SelectField(
    label: T,
    value: RwSignal<String>,
    test_id: &'static str,
    options: Vec<(&'static str, T)>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span>{move || t(lang.get(), label)}</span>
            <select data-testid=test_id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(key, text)| view! {
                    <option value=key selected=move || value.get() == key>{move || t(lang.get(), text)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The settings of the chosen model kind, each with its default and a help text.
#[component]
pub fn ModelSettings(form: FormState) -> impl IntoView {
    let lang = use_app_state().lang;
    let help = move |key: T| view! { <p class="help">{move || t(lang.get(), key)}</p> };
    let body = move || {
        match form.kind.get().as_str() {
        "linear" => view! {
            <div class="fields">
                <NumberField label=T::RidgeAlpha value=form.alpha test_id="models-alpha" />
            </div>
            {help(T::RidgeHelp)}
        }
        .into_any(),
        "logistic" => view! {
            <div class="fields">
                <NumberField label=T::LogisticC value=form.logistic_c test_id="models-c" />
            </div>
            {help(T::LogisticHelp)}
        }
        .into_any(),
        "svm" => view! {
            <div class="fields">
                <NumberField label=T::SvmC value=form.svm_c test_id="models-c" />
            </div>
            {help(T::SvmHelp)}
        }
        .into_any(),
        "knn" => view! {
            <div class="fields">
                <NumberField label=T::KnnK value=form.k test_id="models-k" step="1" min="1" />
                <SelectField label=T::KnnWeights value=form.weights test_id="models-weights"
                    options=vec![("uniform", T::WeightsUniform), ("distance", T::WeightsDistance)] />
                <SelectField label=T::KnnMetric value=form.distance test_id="models-distance"
                    options=vec![("euclidean", T::Euclidean), ("manhattan", T::Manhattan)] />
            </div>
            {help(T::KnnHelp)}
        }
        .into_any(),
        "tree" => view! {
            <div class="fields">
                <SelectField label=T::Criterion value=form.criterion test_id="models-criterion"
                    options=vec![("gini", T::Gini), ("entropy", T::Entropy)] />
                <DepthField label=T::MaxDepth value=form.max_depth test_id="models-max-depth" />
                <NumberField label=T::MinSplit value=form.min_samples_split test_id="models-min-split" step="1" min="2" />
                <NumberField label=T::MinLeaf value=form.min_samples_leaf test_id="models-min-leaf" step="1" min="1" />
            </div>
            {help(T::TreeHelp)}
        }
        .into_any(),
        _ => view! {
            <div class="fields">
                <NumberField label=T::NTrees value=form.n_trees test_id="models-n-trees" step="1" min="1" />
                <DepthField label=T::MaxDepth value=form.forest_depth test_id="models-forest-depth" />
                <SelectField label=T::MaxFeatures value=form.max_features test_id="models-max-features"
                    options=vec![
                        ("default", T::MaxFeaturesDefault),
                        ("sqrt", T::MaxFeaturesSqrt),
                        ("log2", T::MaxFeaturesLog2),
                        ("all", T::MaxFeaturesAll),
                    ] />
            </div>
            {help(T::ForestHelp)}
        }
        .into_any(),
    }
    };
    view! {
        <fieldset class="settings" data-testid="models-settings">
            <legend>{move || t(lang.get(), T::Settings)}</legend>
            {body}
        </fieldset>
    }
}

/// Task, imputation, stratification and folds.
#[component]
pub fn DataSettings(form: FormState) -> impl IntoView {
    let lang = use_app_state().lang;
    let classification = move || form.effective_task() == Some(Task::Classification);
    view! {
        <div class="fields">
            <SelectField label=T::Task value=form.task test_id="models-task"
                options=vec![
                    ("auto", T::TaskAuto),
                    ("regression", T::TaskRegression),
                    ("classification", T::TaskClassification),
                ] />
            <SelectField label=T::Impute value=form.impute test_id="models-impute"
                options=vec![
                    ("mean", T::ImputeMean),
                    ("median", T::ImputeMedian),
                    ("most_frequent", T::ImputeMostFrequent),
                ] />
            <NumberField label=T::Folds value=form.folds test_id="models-folds" step="1" min="2" />
            <Show when=classification>
                <label class="field check">
                    <input type="checkbox" data-testid="models-stratify"
                        prop:checked=move || form.stratify.get()
                        on:change=move |ev| form.stratify.set(event_target_checked(&ev)) />
                    <span>{move || t(lang.get(), T::Stratify)}</span>
                </label>
            </Show>
        </div>
    }
}

/// One checkbox per usable column, and the columns left out with the reason.
#[component]
pub fn FeaturePicker(form: FormState) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        {move || form.plan.get().map(|plan| {
            let usable = plan.usable.clone();
            let dropped = plan.dropped.clone();
            view! {
                <fieldset class="features" data-testid="models-features">
                    <legend>{move || t(lang.get(), T::Features)}</legend>
                    {usable.into_iter().map(|name| {
                        let key = name.clone();
                        let checked = move || form.features.with(|f| f.contains(&key));
                        let toggle_name = name.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" data-feature=name.clone() prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        form.features.update(|f| {
                                            f.retain(|n| *n != toggle_name);
                                            if on {
                                                f.push(toggle_name.clone());
                                            }
                                        });
                                    } />
                                <span>{name.clone()}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <Show when={
                    let empty = dropped.is_empty();
                    move || !empty
                }>
                    <details class="dropped" data-testid="models-dropped" open=true>
                        <summary>{move || t(lang.get(), T::LeftOut)}</summary>
                        <ul>
                            {dropped.clone().into_iter().map(|d| {
                                let column = d.column;
                                let reason = d.reason;
                                view! {
                                <li data-column=column.clone()><strong>{column.clone()}</strong>": "
                                    {move || reason.label(lang.get())}</li>
                                }
                            }).collect_view()}
                        </ul>
                    </details>
                </Show>
            }
        })}
    }
}
