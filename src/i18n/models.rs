//! Texts of the Predictive models page, in Simplified Chinese and English (same pattern as the parent
//! module: one key, both languages side by side, a test that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the Predictive models page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelText {
    /// The page's heading.
    Title,
    /// Shown before a table is loaded.
    LoadFirst,
    /// Target label.
    Target,
    /// Model label.
    Model,
    /// Test size label.
    TestSize,
    /// Seed label.
    Seed,
    /// Train button.
    Train,
    /// Job name.
    Training,
    /// Metrics heading.
    Metrics,
    /// Coefficients heading.
    Coefficients,
    /// Intercept row.
    Intercept,
    /// Feature column header.
    Feature,
    /// Value column header.
    Value,
    /// Train/test rows.
    Rows,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: ModelText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

fn pair(key: ModelText) -> (&'static str, &'static str) {
    use ModelText::*;
    match key {
        Title => ("预测模型", "Predictive models"),
        LoadFirst => (
            "请先在数据页加载一个表格。",
            "Load a table on the Data page first.",
        ),
        Target => ("目标列", "Target column"),
        Model => ("模型", "Model"),
        TestSize => (
            "测试集比例（0 = 全部行拟合）",
            "Test share (0 = fit on all rows)",
        ),
        Seed => ("随机种子", "Seed"),
        Train => ("训练模型", "Train model"),
        Training => ("训练模型", "Training a model"),
        Metrics => ("评估指标", "Metrics"),
        Coefficients => ("系数", "Coefficients"),
        Intercept => ("截距", "Intercept"),
        Feature => ("特征", "Feature"),
        Value => ("数值", "Value"),
        Rows => ("训练行 / 测试行", "Training rows / test rows"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key; add new keys here too.
    const ALL: [ModelText; 14] = [
        ModelText::Title,
        ModelText::LoadFirst,
        ModelText::Target,
        ModelText::Model,
        ModelText::TestSize,
        ModelText::Seed,
        ModelText::Train,
        ModelText::Training,
        ModelText::Metrics,
        ModelText::Coefficients,
        ModelText::Intercept,
        ModelText::Feature,
        ModelText::Value,
        ModelText::Rows,
    ];

    #[test]
    fn every_text_exists_in_both_languages() {
        for key in ALL {
            let (zh, en) = pair(key);
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{key:?}: {zh}"
            );
        }
    }
}
