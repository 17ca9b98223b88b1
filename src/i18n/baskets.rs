//! Texts of the Basket analysis page, in Simplified Chinese and English (same pattern as the parent
//! module: one key, both languages side by side, a test that every key is translated).
//! Sentences with numbers in them are functions below the table.

use shoplens_core::Lang;

/// A user-visible text of the Basket analysis page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BasketText {
    /// The page's heading.
    Title,
    /// What the page does.
    Intro,
    /// Shown when no file is loaded.
    NoData,
    /// Heading of the basket source settings.
    SourceHeading,
    /// Label: the data's shape.
    Shape,
    /// Shape option: detect.
    ShapeAuto,
    /// Shape option: one basket per line.
    ShapeLines,
    /// Shape option: order lines.
    ShapeOrders,
    /// Shape option: 0/1 matrix.
    ShapeOneHot,
    /// Label: basket column.
    BasketColumn,
    /// Label: item column.
    ItemColumn,
    /// Label: quantity column.
    QuantityColumn,
    /// Label: price column.
    PriceColumn,
    /// Option: detected by name.
    Detected,
    /// Option: none.
    NoColumn,
    /// Heading of the search settings.
    SearchHeading,
    /// Label: algorithm.
    Algorithm,
    /// Label: minimum support.
    MinSupport,
    /// Support unit: a fraction of baskets.
    UnitFraction,
    /// Support unit: a basket count.
    UnitCount,
    /// Label: minimum confidence.
    MinConfidence,
    /// Label: minimum lift.
    MinLift,
    /// Label: maximum itemset length.
    MaxLen,
    /// Placeholder: no limit.
    NoLimit,
    /// Label: which itemsets to count.
    Target,
    /// The run button.
    Mine,
    /// Name of the mining job in the progress panel.
    MiningJob,
    /// Name of the basket-building job.
    BuildingJob,
    /// Name of the job listing baskets behind a rule.
    BehindJob,
    /// A setting is not a valid number.
    BadNumber,
    /// Label: items to leave out.
    ExcludeItems,
    /// Hint under the exclusion box.
    ExcludeHint,
    /// Before the list of suggested exclusions.
    SuggestedExclusions,
    /// Button: add every suggestion to the exclusions.
    AddSuggestions,
    /// Checkbox: leave empty baskets out of N.
    DropEmptyBaskets,
    /// Heading of the rules table.
    RulesHeading,
    /// Placeholder of the item search.
    SearchItems,
    /// Column: antecedent.
    Antecedent,
    /// Column: consequent.
    Consequent,
    /// No rule reached the thresholds.
    NoRules,
    /// Heading of the scatter.
    ScatterHeading,
    /// Accessible name of the scatter.
    ScatterLabel,
    /// Colour legend of the scatter.
    ColourIsLift,
    /// Summary of a chart's table alternative.
    AsTable,
    /// Heading of the selected rule.
    SelectedRule,
    /// Button: show the baskets behind the rule.
    ShowBaskets,
    /// Column: basket number.
    BasketNumber,
    /// Column: items of a basket.
    BasketItems,
    /// Heading of the companions table.
    CompanionsHeading,
    /// What the companions table is.
    CompanionsIntro,
    /// Column: product.
    Product,
    /// Column: bought with.
    BoughtWith,
    /// No companion found.
    NoCompanions,
    /// Heading of the downloads.
    Downloads,
    /// Download: rules CSV.
    RulesCsv,
    /// Download: rules JSON.
    RulesJson,
    /// Download: itemsets CSV.
    ItemsetsCsv,
    /// Download: companions CSV.
    CompanionsCsv,
    /// Hint under the table: click a row.
    ClickHint,
    /// Heading of the graph of top rules.
    GraphHeading,
    /// Accessible name of the graph.
    GraphLabel,
    /// Heading of the grouped matrix.
    MatrixHeading,
    /// Accessible name of the grouped matrix.
    MatrixLabel,
    /// Caption of the grouped matrix: what columns, rows, size and colour mean.
    MatrixCaption,
    /// Column header: antecedent group.
    Group,
    /// Column header: rule count.
    RuleCount,
    /// Legend and column header: mean support of a cell's rules.
    MeanSupport,
    /// Legend and column header: mean lift of a cell's rules.
    MeanLift,
    /// Button: show every rule again.
    ClearFilter,
    /// Progress: the search is finding frequent itemsets.
    SearchingItemsets,
    /// Progress: rules and companion lists are being derived.
    BuildingRules,
    /// Status after the user cancelled a search.
    SearchCancelled,
    /// Toggle: show the advanced measures in the rules table.
    AdvancedMeasures,
    /// Column: the rule's items (bought together).
    BoughtTogether,
    /// Column: support as a share of baskets.
    ShareOfBaskets,
    /// Column: confidence, in plain words.
    HowOften,
    /// Accessible name prefix of a chip's remove button.
    RemoveExclusion,
    /// Placeholder of the box adding an item to exclude.
    AddExclusion,
    /// Button: add the typed item to the exclusions.
    AddButton,
    /// No item is excluded.
    NothingExcluded,
    /// Heading of the companion floors.
    CompanionFloors,
    /// Label: a pair's minimum basket count.
    CompanionMinSupport,
    /// Label: a companion's minimum lift.
    CompanionMinLift,
    /// Link: skip from the settings to the results.
    SkipToResults,
    /// Button in the grouped matrix's table: list the cell's rules in the rules table.
    ListRules,
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: BasketText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

fn pair(key: BasketText) -> (&'static str, &'static str) {
    use BasketText::*;
    match key {
        Title => ("购物篮分析", "Basket analysis"),
        Intro => (
            "找出经常一起购买的商品：频繁项集、关联规则和“经常一起买”清单。全部在本机浏览器中计算。",
            "Find what sells together: frequent itemsets, association rules and a “frequently bought together” list. Everything is computed in this browser.",
        ),
        NoData => (
            "还没有载入数据：请先在“数据”页打开一个文件（每行一个购物篮，或订单明细）。",
            "No data is loaded yet: open a file on the Data page first (one basket per line, or order lines).",
        ),
        SourceHeading => ("购物篮", "Baskets"),
        Shape => ("数据形式", "Data shape"),
        ShapeAuto => ("自动识别", "detect"),
        ShapeLines => ("每行一个购物篮", "one basket per line"),
        ShapeOrders => ("订单明细", "order lines"),
        ShapeOneHot => ("0/1 矩阵", "0/1 matrix"),
        BasketColumn => ("购物篮列", "Basket column"),
        ItemColumn => ("商品列", "Item column"),
        QuantityColumn => ("数量列", "Quantity column"),
        PriceColumn => ("单价列", "Price column"),
        Detected => ("（按列名识别）", "(detect by name)"),
        NoColumn => ("（无）", "(none)"),
        SearchHeading => ("挖掘设置", "Search"),
        Algorithm => ("算法", "Algorithm"),
        MinSupport => ("最小支持度", "Minimum support"),
        UnitFraction => ("比例", "fraction"),
        UnitCount => ("购物篮数", "baskets"),
        MinConfidence => ("最小置信度", "Minimum confidence"),
        MinLift => ("最小提升度", "Minimum lift"),
        MaxLen => ("项集最多商品数", "Most items in an itemset"),
        NoLimit => ("不限", "no limit"),
        Target => ("统计的项集", "Itemsets to count"),
        Mine => ("查找规则", "Find rules"),
        MiningJob => ("关联规则挖掘", "mining rules"),
        BuildingJob => ("整理购物篮", "building baskets"),
        BehindJob => ("查找购物篮", "finding baskets"),
        ExcludeItems => ("不计入的商品", "Items to leave out"),
        ExcludeHint => (
            "这些商品从每个购物篮中去掉（名称区分大小写），随会话保存，并写入下载的任务文件。占位符（如 NONE）已自动排除。",
            "These items are removed from every basket (names are case-sensitive), kept with the session and in the downloaded job. Placeholders such as NONE are left out for you.",
        ),
        SuggestedExclusions => ("看起来不是商品：", "Look like non-products:"),
        AddSuggestions => ("全部加入", "Add them all"),
        DropEmptyBaskets => (
            "空购物篮不计入总数（默认计入，与 pyfim、mlxtend 一致）",
            "Leave empty baskets out of the count (by default they count, as in pyfim and mlxtend)",
        ),
        BadNumber => (
            "请检查设置：支持度为 (0, 1] 内的比例或至少为 1 的购物篮数，置信度在 0 到 1 之间，提升度和长度为正数。",
            "Check the settings: support is a fraction in (0, 1] or a basket count of at least 1, confidence lies between 0 and 1, lift and length are positive.",
        ),
        RulesHeading => ("关联规则", "Association rules"),
        SearchItems => ("按商品搜索…", "Search by item…"),
        Antecedent => ("前项（买了）", "If bought"),
        Consequent => ("后项（也买）", "then also"),
        NoRules => (
            "没有规则达到这些阈值：请降低支持度或置信度。",
            "No rule reaches these thresholds: lower the support or the confidence.",
        ),
        ScatterHeading => ("支持度 × 置信度", "Support × confidence"),
        ScatterLabel => (
            "关联规则散点图：横轴支持度，纵轴置信度，颜色表示提升度",
            "Scatter of the rules: support across, confidence up, colour shows lift",
        ),
        ColourIsLift => ("颜色：提升度", "Colour: lift"),
        AsTable => ("以表格查看", "Show as a table"),
        SelectedRule => ("选中的规则", "Selected rule"),
        ShowBaskets => ("查看包含这些商品的购物篮", "Show the baskets behind it"),
        BasketNumber => ("购物篮", "Basket"),
        BasketItems => ("商品", "Items"),
        CompanionsHeading => ("经常一起买", "Frequently bought together"),
        CompanionsIntro => (
            "每个商品最常一起买的商品，按购买频率（买了该商品的购物篮中也买了搭配商品的比例）排序，只列出比随机更常一起买、且出现次数足够的商品对；可直接粘贴到店铺后台。",
            "Each product's companions, ranked by how often they are bought when the product is (confidence), among pairs seen often enough and bought together more often than chance (lift): the list to paste into a shop back-end.",
        ),
        Product => ("商品", "Product"),
        BoughtWith => ("常一起买", "Bought with"),
        NoCompanions => (
            "在此支持度下没有商品对比随机更常一起出现。",
            "At this support no pair of products is bought together more often than chance.",
        ),
        Downloads => ("下载", "Download"),
        RulesCsv => ("规则 CSV", "Rules CSV"),
        RulesJson => ("规则 JSON", "Rules JSON"),
        ItemsetsCsv => ("项集 CSV", "Itemsets CSV"),
        CompanionsCsv => ("搭配清单 CSV", "Companions CSV"),
        GraphHeading => ("最强规则关系图", "Graph of the strongest rules"),
        GraphLabel => (
            "提升度最高的规则：商品为节点，箭头从前项指向后项，粗细表示支持度，颜色表示提升度",
            "The rules with the highest lift: items as nodes, arrows from antecedent to consequent, thicker with support, coloured by lift",
        ),
        MatrixHeading => ("按前项分组的规则矩阵", "Rules grouped by antecedent"),
        MatrixLabel => (
            "分组矩阵：列为前项分组，行为后项，圆的大小表示平均支持度，颜色表示平均提升度",
            "Grouped matrix: antecedent groups across, consequents down, circle size shows mean support, colour mean lift",
        ),
        MatrixCaption => (
            "列：按前项中最常见的商品把规则分组（最大的 20 组，标出组内最常见的商品）；行：提升度最高的 20 个后项。圆的面积为该格规则的平均支持度，颜色为平均提升度。点击圆圈，在规则表中只看这些规则。",
            "Columns: rules grouped by the most common item of their antecedent (the 20 largest groups, labelled by their most common items); rows: the 20 consequents with the highest lift. Circle area is the mean support of the cell's rules, colour their mean lift. Click a circle to list those rules in the table.",
        ),
        Group => ("前项分组", "Antecedent group"),
        RuleCount => ("规则数", "Rules"),
        MeanSupport => ("平均占购物篮比例", "mean share of baskets"),
        MeanLift => ("平均提升度", "mean lift"),
        ClearFilter => ("显示全部规则", "Show all rules"),
        ClickHint => (
            "点击表头排序；点击一行（或用 Tab 移到该行后按回车/空格）选中规则。",
            "Click a heading to sort; click a row (or Tab to it and press Enter or Space) to select its rule.",
        ),
        SearchingItemsets => ("正在搜索频繁项集", "Searching frequent itemsets"),
        BuildingRules => ("正在生成规则和搭配清单", "Building rules and companion lists"),
        SearchCancelled => ("已取消搜索。", "Search cancelled."),
        AdvancedMeasures => ("高级指标", "Advanced measures"),
        BoughtTogether => ("一起购买", "Bought together"),
        ShareOfBaskets => ("占购物篮比例", "Share of baskets"),
        HowOften => ("购买频率（置信度）", "How often (confidence)"),
        RemoveExclusion => ("不再排除", "Stop excluding"),
        AddExclusion => ("输入要排除的商品名", "Type an item to leave out"),
        AddButton => ("排除", "Exclude"),
        NothingExcluded => ("未排除任何商品。", "No item is left out."),
        CompanionFloors => ("搭配清单的门槛", "Floors of the companion lists"),
        CompanionMinSupport => ("商品对至少出现在（购物篮数）", "Pair in at least (baskets)"),
        CompanionMinLift => ("提升度高于", "Lift above"),
        SkipToResults => ("跳到结果", "Skip to the results"),
        ListRules => ("在规则表中列出", "List in the rules table"),
    }
}

/// "13,492 itemsets, 5,668 rules in 0.04 s".
pub fn summary(lang: Lang, itemsets: &str, rules: &str, seconds: f64) -> String {
    match lang {
        Lang::Zh => format!("{itemsets} 个项集，{rules} 条规则，用时 {seconds:.2} 秒"),
        Lang::En => format!("{itemsets} itemsets, {rules} rules in {seconds:.2} s"),
    }
}

/// The live hint: how many items pass the support threshold.
pub fn items_pass(lang: Lang, passing: &str, items: &str, min_count: &str, share: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{items} 种商品中有 {passing} 种至少出现在 {min_count} 个购物篮中（{share}）")
        }
        Lang::En => {
            format!("{passing} of {items} items are in at least {min_count} baskets ({share})")
        }
    }
}

/// What was removed while building the baskets.
pub fn removed(
    lang: Lang,
    cancellations: usize,
    blank: usize,
    repeated: usize,
    empty: usize,
) -> String {
    match lang {
        Lang::Zh => format!(
            "已去除：{cancellations} 行退货/取消，{blank} 个空商品，{repeated} 个重复商品，{empty} 个空购物篮。"
        ),
        Lang::En => format!(
            "Removed: {cancellations} cancelled lines, {blank} blank items, {repeated} repeated items, {empty} empty baskets."
        ),
    }
}

/// "Showing 12 of 5,668 rules" (after the search filter).
pub fn showing(lang: Lang, shown: &str, total: &str) -> String {
    match lang {
        Lang::Zh => format!("显示 {shown} / {total} 条规则"),
        Lang::En => format!("{shown} of {total} rules"),
    }
}

/// Note that only the best rules were kept.
pub fn capped(lang: Lang, kept: &str) -> String {
    match lang {
        Lang::Zh => format!("只列出提升度最高的 {kept} 条规则（下载同此）。"),
        Lang::En => {
            format!("Only the {kept} rules with the highest lift are listed (and downloaded).")
        }
    }
}

/// How many baskets hold a rule's items.
pub fn behind(lang: Lang, total: &str, shown: &str) -> String {
    match lang {
        Lang::Zh => format!("{total} 个购物篮包含这些商品；列出前 {shown} 个。"),
        Lang::En => format!("{total} baskets hold all these items; the first {shown} are listed."),
    }
}

/// A group of rules by its most common antecedent items: "{a, b, +3 more}".
pub fn group_label(lang: Lang, items: &str, more: usize) -> String {
    match (lang, more) {
        (_, 0) => format!("{{{items}}}"),
        (Lang::Zh, _) => format!("{{{items}，另 {more} 项}}"),
        (Lang::En, _) => format!("{{{items}, +{more} more}}"),
    }
}

/// Hover text of a grouped-matrix cell.
pub fn matrix_tip(
    lang: Lang,
    group: &str,
    group_rules: &str,
    consequent: &str,
    rules: &str,
    support: &str,
    lift: f64,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{group}：本组 {group_rules} 条规则；→ {consequent}：{rules} 条，平均占购物篮比例 {support}，平均提升度 {lift:.2}"
        ),
        Lang::En => format!(
            "{group}: {group_rules} rules in the group; → {consequent}: {rules} rules, mean share of baskets {support}, mean lift {lift:.2}"
        ),
    }
}

/// The rules table's filter from the matrix.
pub fn filtered(lang: Lang, cell: &str) -> String {
    match lang {
        Lang::Zh => format!("只显示 {cell} 的规则"),
        Lang::En => format!("Only the rules of {cell}"),
    }
}

/// Mean items per basket.
pub fn mean_size(lang: Lang, mean: f64) -> String {
    match lang {
        Lang::Zh => format!("平均每个购物篮 {mean:.2} 件商品。"),
        Lang::En => format!("{mean:.2} items per basket on average."),
    }
}

/// "Pairs in at least 95 baskets (1.0%), lift above 1": the floors a companion passed.
pub fn companion_floors(lang: Lang, baskets: &str, share: &str, lift: &str) -> String {
    match lang {
        Lang::Zh => format!("只列出至少出现在 {baskets} 个购物篮（{share}）、提升度高于 {lift} 的商品对。"),
        Lang::En => format!(
            "Only pairs in at least {baskets} baskets ({share}) with a lift above {lift} are listed."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BasketText::*;

    /// Every key; add new keys here too.
    const ALL: [BasketText; 85] = [
        Title,
        Intro,
        NoData,
        SourceHeading,
        Shape,
        ShapeAuto,
        ShapeLines,
        ShapeOrders,
        ShapeOneHot,
        BasketColumn,
        ItemColumn,
        QuantityColumn,
        PriceColumn,
        Detected,
        NoColumn,
        SearchHeading,
        Algorithm,
        MinSupport,
        UnitFraction,
        UnitCount,
        MinConfidence,
        MinLift,
        MaxLen,
        NoLimit,
        Target,
        Mine,
        MiningJob,
        BuildingJob,
        BehindJob,
        BadNumber,
        ExcludeItems,
        ExcludeHint,
        SuggestedExclusions,
        AddSuggestions,
        DropEmptyBaskets,
        RulesHeading,
        SearchItems,
        Antecedent,
        Consequent,
        NoRules,
        ScatterHeading,
        ScatterLabel,
        ColourIsLift,
        AsTable,
        SelectedRule,
        ShowBaskets,
        BasketNumber,
        BasketItems,
        CompanionsHeading,
        CompanionsIntro,
        Product,
        BoughtWith,
        NoCompanions,
        Downloads,
        RulesCsv,
        RulesJson,
        ItemsetsCsv,
        CompanionsCsv,
        ClickHint,
        GraphHeading,
        GraphLabel,
        MatrixHeading,
        MatrixLabel,
        MatrixCaption,
        Group,
        RuleCount,
        MeanSupport,
        MeanLift,
        ClearFilter,
        SearchingItemsets,
        BuildingRules,
        SearchCancelled,
        AdvancedMeasures,
        BoughtTogether,
        ShareOfBaskets,
        HowOften,
        RemoveExclusion,
        AddExclusion,
        AddButton,
        NothingExcluded,
        CompanionFloors,
        CompanionMinSupport,
        CompanionMinLift,
        SkipToResults,
        ListRules,
    ];

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(&ALL, pair, &[]);
    }

    #[test]
    fn sentences_carry_their_numbers() {
        assert_eq!(
            summary(Lang::En, "13,492", "5,668", 0.04),
            "13,492 itemsets, 5,668 rules in 0.04 s"
        );
        assert!(summary(Lang::Zh, "333", "15", 0.5).contains("333"));
        assert_eq!(
            items_pass(Lang::En, "88", "169", "99", "1.0%"),
            "88 of 169 items are in at least 99 baskets (1.0%)"
        );
    }
}
