//! Texts of the Operations page, in Simplified Chinese and English (same pattern as the parent
//! module: one key, both languages side by side, a test that every key is translated).
//!
//! The keys are declared through [`texts!`] so the enum, the pairs and the list the test walks
//! cannot drift apart. Texts with `{name}` placeholders are filled with
//! [`crate::i18n::fill`].

use shoplens_core::Lang;

macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident => ($zh:expr, $en:expr),)*) => {
        /// A user-visible text of the Operations page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum OperationText {
            $($(#[$doc])* $key,)*
        }

        fn pair(key: OperationText) -> (&'static str, &'static str) {
            match key {
                $(OperationText::$key => ($zh, $en),)*
            }
        }

        /// Every key, for the translation test.
        #[cfg(test)]
        const ALL: &[OperationText] = &[$(OperationText::$key,)*];
    };
}

texts! {
    /// The page's heading.
    Title => ("运营优化", "Operations"),
    /// What the page is for.
    Intro => (
        "预测需求、用遗传算法调整库存策略、用模拟退火规划配送路线、在渠道间分配广告预算。全部计算都在本机浏览器中完成。",
        "Forecast demand, tune inventory policies with a genetic algorithm, plan delivery routes by simulated annealing and split an ad budget across channels. Everything is computed in this browser."
    ),
    /// Label of the tab list (screen readers).
    Tools => ("工具", "Tools"),
    /// Tab: forecasting.
    TabForecast => ("需求预测", "Demand forecast"),
    /// Tab: inventory.
    TabInventory => ("库存优化", "Inventory"),
    /// Tab: routes.
    TabRoutes => ("配送路线", "Delivery routes"),
    /// Tab: budget.
    TabBudget => ("广告预算", "Ad budget"),
    /// Field: random seed.
    Seed => ("随机种子", "Seed"),
    /// Hint next to the seed.
    SeedNote => ("相同的种子给出相同的结果", "the same seed gives the same answer"),
    /// Result line: the seed that was used.
    SeedUsed => ("所用种子", "Seed used"),
    /// The run button.
    Run => ("运行", "Run"),
    /// Result label: time taken.
    Elapsed => ("用时", "Time"),
    /// File picker button.
    ChooseFile => ("选择文件…", "Choose file…"),
    /// No file picked yet.
    NoFile => ("未选择文件", "no file chosen"),
    /// Source option: the table of the Data page.
    UseLoaded => ("使用“数据”页载入的表", "Use the table loaded on the Data page"),
    /// Source option: a file of this tab.
    UseFile => ("使用此处选择的文件", "Use the file chosen here"),
    /// Message when the tab needs the loaded table.
    NeedTable => ("请先在“数据”页载入一个文件。", "Load a file on the Data page first."),
    /// Message when a file must be picked.
    NeedFile => ("请先选择文件或示例。", "Choose a file or an example first."),
    /// Label of the built-in examples.
    Examples => ("示例", "Examples"),
    /// Message for a field that is not a valid number; `{field}`.
    BadNumber => ("“{field}”不是有效的数字。", "“{field}” is not a valid number."),
    /// Summary of a chart's table alternative.
    AsTable => ("以表格查看图中数据", "Chart data as a table"),
    /// Axis and column: generation / iteration.
    Generation => ("代数", "Generation"),
    /// Series: best cost.
    BestCost => ("最优成本", "Best cost"),
    /// Series: population mean predicted outcome.
    MeanOutcome => ("种群平均预测产出", "Population mean outcome"),
    /// Series: population mean cost.
    MeanCost => ("种群平均成本", "Mean cost"),
    /// Heading: convergence chart.
    Convergence => ("收敛过程", "Convergence"),
    /// Heading of the genetic algorithm's parameters.
    GaSettings => ("遗传算法参数", "Genetic algorithm"),
    /// Field: population size.
    Population => ("种群规模", "Population"),
    /// Field: generations.
    Generations => ("代数", "Generations"),
    /// Field: crossover rate.
    CrossoverRate => ("交叉率", "Crossover rate"),
    /// Field: mutation rate.
    MutationRate => ("变异率", "Mutation rate"),
    /// Field: elitism.
    Elitism => ("精英保留数", "Elites kept"),
    /// Field: tournament size.
    Tournament => ("锦标赛规模", "Tournament size"),
    /// Placeholder of an optional field.
    Optional => ("可选", "optional"),
    /// Placeholder of a field chosen automatically when empty.
    Auto => ("自动", "auto"),

    /// Field: date column.
    DateColumn => ("日期列", "Date column"),
    /// Field: value column.
    ValueColumn => ("数值列", "Value column"),
    /// Field: group column.
    GroupColumn => ("分组列", "Group column"),
    /// Option: no group column.
    NoGroup => ("（不分组）", "(none)"),
    /// Field: horizon.
    Horizon => ("预测步数", "Horizon"),
    /// Field: season length.
    Season => ("季节长度", "Season length"),
    /// Field: interval coverage.
    Level => ("区间覆盖率（%）", "Interval (%)"),
    /// Field: which group to show.
    Group => ("分组", "Group"),
    /// Result label: the chosen model.
    ChosenModel => ("选中的模型", "Chosen model"),
    /// Explanation of the automatic choice.
    ChoiceNote => (
        "自动选择：对 3 个滚动起点的每个回测窗口（步长 = 预测步数），只用该窗口之前的数据（在其中再做 3 次内部回测）挑选模型，再在该窗口上评分，所以显示的 MASE 是样本外误差。最终预测使用在全部历史的内部回测中最好的模型。候选表列出各模型在同一批窗口上的误差，仅供比较，并非挑选依据。",
        "Automatic choice: for each of 3 backtest windows from rolling origins (step = horizon), the model is picked using only the data before that window (three inner backtests within it), then scored on the window, so the MASE shown is out of sample. The final forecast uses the model that does best in inner backtests over the whole history. The candidates table gives each model's errors on the same windows for comparison; it did not pick the model."
    ),
    /// Column: model.
    Model => ("模型", "Model"),
    /// Heading: candidate table.
    Candidates => ("候选模型的回测误差", "Backtest errors of the candidates"),
    /// Series: history.
    History => ("历史", "History"),
    /// Series: forecast.
    Forecast => ("预测", "Forecast"),
    /// Band: prediction interval; `{level}`.
    Interval => ("{level}% 预测区间", "{level}% interval"),
    /// Column and axis: period.
    Period => ("期间", "Period"),
    /// Axis: value.
    Value => ("数值", "Value"),
    /// Column: lower bound.
    Lower => ("下界", "Lower"),
    /// Column: upper bound.
    Upper => ("上界", "Upper"),
    /// Button: export the forecast.
    ExportCsv => ("下载预测 CSV", "Download forecast CSV"),
    /// Note: candidates that could not be backtested.
    Skipped => ("无法回测的模型", "Models that could not be backtested"),
    /// Note: groups left out; `{max}`.
    Omitted => ("只预测了前 {max} 个分组。", "Only the first {max} groups were forecast."),
    /// Heading: per-window errors.
    BacktestWindows => ("各回测窗口的误差与区间覆盖率", "Errors and interval coverage of each backtest window"),
    /// Result label: empirical coverage of the prediction intervals on the backtest.
    Coverage => ("预测区间覆盖率（回测）", "Interval coverage (backtest)"),
    /// One level's coverage: `{level}` nominal percent, `{share}` percent inside,
    /// `{inside}` of `{steps}` held-out values.
    CoverageLevel => ("{level}% 区间：{share}%（{inside}/{steps}）", "{level}% interval: {share}% ({inside}/{steps})"),
    /// Coverage when the model gives no interval.
    CoverageNone => ("无：该模型不给出预测区间", "None: this model gives no prediction interval"),
    /// Column: coverage of one level's interval in a window; `{level}`.
    CoverageColumn => ("{level}% 区间覆盖", "{level}% coverage"),
    /// Explanation of the coverage figures.
    CoverageNote => (
        "区间覆盖率：回测中被留出的实际值落在预测区间内的比例，区间只用各窗口的训练部分拟合。校准良好的 80% 和 95% 区间分别约覆盖 80% 和 95%；明显偏低说明区间过窄。",
        "Interval coverage: the share of the backtest's held-out values that fall inside the prediction interval, each fitted on its window's training part only. Well-calibrated 80% and 95% intervals hold about 80% and 95% of them; far fewer means the interval is too narrow."
    ),
    /// Series: forecasts of the backtest windows.
    BacktestForecasts => ("回测窗口的预测", "Backtest forecasts"),
    /// Column: window.
    Window => ("窗口", "Window"),
    /// Column: training length.
    TrainLength => ("训练长度", "Training length"),
    /// Note under the forecast chart.
    ForecastChart => ("历史、预测与预测区间", "History, forecast and prediction interval"),

    /// Field: demand file.
    DemandFile => ("需求数据（产品、日期、数量，每日）", "Demand (product, date, quantity per day)"),
    /// Field: products file.
    ProductsFile => (
        "产品参数（单价、订货成本、持有费率、提前期、箱规、最小订量）",
        "Products (unit cost, order cost, holding rate, lead time, case pack, minimum order)"
    ),
    /// Field: product column.
    ProductColumn => ("产品列", "Product column"),
    /// Field: quantity column.
    QuantityColumn => ("数量列", "Quantity column"),
    /// Field: service level.
    ServiceLevel => ("基准服务水平", "Baseline service level"),
    /// Placeholder of the service level: blank sets it per ABC/XYZ class.
    ByClass => ("按 ABC/XYZ 类别", "by ABC/XYZ class"),
    /// Column: the product's ABC/XYZ class.
    Class => ("类别", "Class"),
    /// Column: the service level of a product's baseline.
    ServiceLevelShort => ("服务水平", "Service level"),
    /// Field: money cap.
    BudgetCap => ("资金上限", "Budget cap"),
    /// Field: space cap.
    SpaceCap => ("仓库容量", "Warehouse capacity"),
    /// Result: baseline cost.
    BaselineCost => ("基准成本（EOQ + 安全库存）", "Baseline cost (EOQ + safety stock)"),
    /// Result: optimised cost.
    OptimisedCost => ("优化后成本", "Optimised cost"),
    /// Result: saving.
    Saving => ("节省", "Saving"),
    /// Column: product.
    Product => ("产品", "Product"),
    /// Column: reorder point.
    ReorderPoint => ("再订货点 R", "Reorder point R"),
    /// Column: order quantity.
    OrderQuantity => ("订货量 Q", "Order quantity Q"),
    /// Column: fill rate.
    FillRate => ("满足率", "Fill rate"),
    /// Column: cost.
    Cost => ("成本", "Cost"),
    /// Heading and axis: stock level.
    StockLevel => ("库存水平", "Stock level"),
    /// Axis: day.
    Day => ("天", "Day"),
    /// Series: baseline.
    Baseline => ("基准", "Baseline"),
    /// Series: optimised.
    Optimised => ("优化后", "Optimised"),
    /// Warning: nothing feasible.
    Infeasible => (
        "在资金和容量上限内没有找到可行策略。",
        "No policy was found within the budget and capacity."
    ),
    /// Note: the baseline breaks a cap.
    BaselineInfeasible => ("基准策略超出了资金或容量上限。", "The baseline breaks the budget or capacity."),
    /// Heading: per-product table.
    Policies => ("各产品的策略", "Policies per product"),

    /// Field: stops file.
    StopsFile => (
        "站点文件（.tsp、.vrp，或 CSV：id、x/y 或经纬度、需求）",
        "Stops file (.tsp, .vrp, or CSV: id, x/y or lat/lon, demand)"
    ),
    /// Field: vehicles.
    Vehicles => ("车辆数", "Vehicles"),
    /// Field: vehicle capacity.
    VehicleCapacity => ("车辆容量", "Vehicle capacity"),
    /// Field: depot id.
    DepotId => ("仓库站点编号（CSV）", "Depot id (CSV)"),
    /// Heading: temperature schedule.
    Schedule => ("退火温度计划", "Temperature schedule"),
    /// Field: levels.
    Levels => ("温度级数", "Temperature levels"),
    /// Field: moves per level.
    MovesPerLevel => ("每级尝试次数", "Moves per level"),
    /// Field: initial temperature.
    InitialTemperature => ("初始温度", "Initial temperature"),
    /// Field: final temperature ratio.
    FinalRatio => ("终止温度 / 初始温度", "Final / initial temperature"),
    /// Result: total length.
    Length => ("总长度", "Length"),
    /// Result: construction.
    StartLength => ("初始解长度", "Start length"),
    /// Column: route.
    Route => ("路线", "Route"),
    /// Column: load.
    Load => ("载重", "Load"),
    /// Column: stops.
    Stops => ("站点", "Stops"),
    /// Label of the map.
    RouteMap => ("路线图：方块为仓库，每条路线一种颜色", "Route map: the square is the depot, one colour per route"),
    /// Warning: capacity or vehicle count not met.
    RouteInfeasible => ("无法满足车辆数或容量限制。", "The vehicle count or capacity could not be met."),
    /// Result: lateness.
    Lateness => ("时间窗总延误", "Total lateness at time windows"),
    /// Axis: temperature level.
    TemperatureLevel => ("温度级", "Temperature level"),
    /// Series: current solution length.
    CurrentLength => ("当前解", "Current"),
    /// Series: best solution length.
    BestLength => ("最优解", "Best"),
    /// Result: instance.
    Instance => ("实例", "Instance"),

    /// Field: history file.
    HistoryFile => (
        "投入与产出历史（长表：channel、spend、outcome；或宽表：每个渠道一列投入加一列产出）",
        "Spend and outcome history (long: channel, spend, outcome; or wide: one spend column per channel and an outcome column)"
    ),
    /// Field: outcome column of a wide file.
    OutcomeColumn => ("产出列（宽表）", "Outcome column (wide file)"),
    /// Field: total budget.
    Total => ("总预算", "Total budget"),
    /// Placeholder: total defaults to the mean spend.
    TotalAuto => ("默认：历史平均每期投入", "default: mean spend per period"),
    /// Field: response curve.
    CurveChoice => ("响应曲线", "Response curve"),
    /// Option: best per channel.
    CurveBest => ("带延续效应的 Hill 饱和曲线（默认）", "Hill saturation with carry-over (default)"),
    /// Option: logarithmic.
    CurveLog => ("对数曲线（下限为 0，逐渠道）", "logarithmic, floored at 0, per channel"),
    /// Option: Hill.
    CurveHill => ("带延续效应的 Hill 饱和曲线", "Hill saturation with carry-over"),
    /// Column: channel.
    Channel => ("渠道", "Channel"),
    /// Column: minimum.
    Min => ("下限", "Minimum"),
    /// Column: maximum.
    Max => ("上限", "Maximum"),
    /// Note on limits.
    LimitsNote => ("渠道上下限在下次运行时生效。", "Channel limits apply on the next run."),
    /// Column: current split.
    Current => ("当前分配", "Current split"),
    /// Column: greedy.
    Greedy => ("贪心（边际收益）", "Greedy (marginal return)"),
    /// Column: genetic algorithm.
    Genetic => ("遗传算法", "Genetic algorithm"),
    /// Row: predicted outcome.
    Predicted => ("预测产出", "Predicted outcome"),
    /// Row: uplift.
    Uplift => ("相对当前的提升", "Uplift over current"),
    /// Axis: spend.
    Spend => ("投入", "Spend"),
    /// Axis: outcome.
    Outcome => ("产出", "Outcome"),
    /// Heading: fitted curves.
    Fits => ("拟合的响应曲线", "Fitted response curves"),
    /// Heading: allocation.
    Allocation => ("预算分配", "Allocation"),
    /// Series: observed points.
    Observed => ("观测值", "Observed"),
    /// Series: log curve.
    LogCurve => ("对数曲线", "Log curve"),
    /// Series: Hill curve.
    HillCurve => ("Hill 曲线", "Hill curve"),
    /// Column: chosen curve.
    Chosen => ("选用", "Chosen"),

    /// Products source: build from the demand file when it is an order export.
    BuildFromOrders => ("根据已载入的订单导出生成", "Build from the loaded order export"),
    /// What building the products does.
    BuildNote => (
        "单位成本取每个商品按数量加权的平均售价（乘以下面的成本占比），其余各项对所有商品先用下面的默认值；只保留销量最高的若干商品。下载生成的商品文件，逐个商品改正后再作为“商品文件”载入。",
        "Unit cost is each product's quantity-weighted mean price (times the cost share below); every other field starts from the defaults below, the same for every product; only the best sellers are kept. Download the built products file, correct it product by product, and load it back as the products file."
    ),
    /// Field: price column.
    PriceColumn => ("价格列", "Price column"),
    /// Field: unit cost as a share of price.
    CostShare => ("单位成本占售价比例", "Unit cost as a share of price"),
    /// Field: cost of one order.
    OrderCost => ("每次订货费用", "Cost of placing one order"),
    /// Field: holding rate.
    HoldingRate => ("年持有成本率（占单位成本）", "Holding cost per year (share of unit cost)"),
    /// Field: lead time.
    LeadTime => ("交货期（天）", "Lead time (days)"),
    /// Field: case pack.
    CasePack => ("每箱件数", "Units per case"),
    /// Field: minimum order.
    MinOrder => ("最小订货量（件）", "Minimum order (units)"),
    /// Field: products kept.
    MaxProducts => ("保留的商品数（按销量）", "Products kept (best sellers)"),
    /// Button: the products file template.
    DownloadTemplate => ("下载商品文件模板（CSV）", "Download the products file template (CSV)"),
    /// Button: the products file the plan used.
    DownloadProducts => ("下载本次使用的商品文件（CSV）", "Download the products file used (CSV)"),
    /// Heading: what each column of the products file means.
    TemplateColumns => ("商品文件各列（列名保持英文）", "Columns of the products file (keep the English names)"),
    /// Products column: product.
    ColProduct => ("商品编号，与需求文件中的商品列一致", "product id, as in the demand's product column"),
    /// Products column: unit cost.
    ColUnitCost => ("单位进货成本", "purchase cost of one unit"),
    /// Products column: order cost.
    ColOrderCost => ("每下一次订单的固定费用（运费、手续费）", "fixed cost of placing one order (shipping, handling)"),
    /// Products column: holding rate.
    ColHoldingRate => ("一年的持有成本占单位成本的比例（0.25 即 25 %）", "holding cost per year as a share of unit cost (0.25 = 25 %)"),
    /// Products column: lead time.
    ColLeadTime => ("从下单到到货的天数（整数）", "days from order to delivery (whole number)"),
    /// Products column: case pack.
    ColCasePack => ("每箱件数，订货按整箱（可选，默认 1）", "units per case; orders are whole cases (optional, default 1)"),
    /// Products column: minimum order.
    ColMinOrder => ("最小订货量（件，可选，默认 0）", "smallest order in units (optional, default 0)"),
    /// Products column: stockout cost.
    ColStockoutCost => ("缺货时每件损失（可选，默认等于单位成本）", "cost of a unit of lost demand (optional, default the unit cost)"),
    /// Products column: volume.
    ColVolume => ("每件占用的仓储空间（可选，默认 1）", "warehouse space one unit takes (optional, default 1)"),
    /// Disclosure: advanced settings.
    Advanced => ("高级设置", "Advanced"),
    /// Field: share of days held out.
    Holdout => ("留出检验的天数比例（末尾）", "Share of days held out for checking (at the end)"),
    /// Field: cyclic shifts.
    Shifts => ("留出期的循环平移次数", "Cyclic shifts of the held-out days"),
    /// Heading: in-sample against out-of-sample.
    SampleHeading => ("样本内与样本外", "In sample and out of sample"),
    /// Column: in sample.
    InSample => ("样本内：前 {days} 天（用于调优）", "In sample: first {days} days (tuned on)"),
    /// Column: out of sample.
    OutOfSample => ("样本外：后 {days} 天（未参与调优）", "Out of sample: last {days} days (not tuned on)"),
    /// Column: the measure.
    Measure => ("指标", "Measure"),
    /// Row: baseline fill rate.
    BaselineFill => ("基准策略满足率", "Baseline fill rate"),
    /// Row: optimised fill rate.
    OptimisedFill => ("优化策略满足率", "Optimised fill rate"),
    /// Row: saving against the baseline.
    SavingVsBaseline => ("相对基准的节省", "Saving vs the baseline"),
    /// The spread over cyclic shifts.
    ShiftsSummary => (
        "把留出期循环平移 {count} 次重放：平均节省 {mean}，最差 {worst}；有 {worse} 次比基准更贵；优化策略满足率低于 99 % 的有 {below} 次（基准 {base_below} 次）。",
        "Replayed from {count} cyclic shifts of the held-out days: mean saving {mean}, worst {worst}; costlier than the baseline in {worse}; optimised fill rate below 99 % in {below} (baseline: {base_below})."
    ),
    /// Verdict: keep the baseline.
    RecommendBaseline => (
        "样本外，调优后的策略并不比基准更省：建议继续使用基准策略（经济订货量 + 安全库存）。",
        "Out of sample the tuned policies are no cheaper than the baseline: keep the baseline policies (EOQ + safety stock)."
    ),
    /// Verdict: use the tuned policies.
    RecommendOptimised => (
        "样本外，调优后的策略仍比基准更省：可以采用，但请关注满足率。",
        "Out of sample the tuned policies still cost less than the baseline: use them, and watch the fill rate."
    ),
    /// No holdout possible.
    InSampleOnly => (
        "仅样本内：历史太短，无法留出天数检验（需要 {days} 天）。以下数字来自调优所用的同一段需求，会高估节省。",
        "In sample only: the history is too short to hold days out (it needs {days} days). The figures below come from the demand the policies were tuned on and overstate the saving."
    ),
    /// Verdict: keep today's split.
    RecommendKeep => (
        "没有哪种分配的预测产出高于当前分配：建议保持当前分配。",
        "No split predicts more than the current one: keep the current split."
    ),
    /// Verdict: a split that predicts more.
    RecommendSplit => ("建议采用：{name}，预测比当前多 {uplift}。", "Recommended: {name}, predicting {uplift} more than the current split."),
    /// Note on extrapolated spends.
    ExtrapolationNote => (
        "标 * 的花费比历史最高值高 25 % 以上或比最低值低 25 % 以上：那里的预测是外推，不可靠。",
        "Spends marked * lie more than 25 % above the highest or below the lowest spend in the history: the prediction there is extrapolation and unreliable."
    ),
    /// Result: currency and period.
    Units => ("货币与周期", "Currency and period"),
    /// No currency in the file.
    CurrencyUnstated => ("未注明货币", "currency not stated"),
    /// Field: currency.
    Currency => ("货币（如 CNY、USD）", "Currency (e.g. USD, CNY)"),
    /// Field: period.
    PeriodField => ("每行代表的周期", "What one row covers"),
    /// Period: day.
    PeriodDay => ("每天", "per day"),
    /// Period: week.
    PeriodWeek => ("每周", "per week"),
    /// Period: month.
    PeriodMonth => ("每月", "per month"),
    /// Period: quarter.
    PeriodQuarter => ("每季度", "per quarter"),
    /// Period: year.
    PeriodYear => ("每年", "per year"),
    /// Period: one row (no dates).
    PeriodRow => ("每行（一个观测，如一个市场）", "per row (one observation, e.g. a market)"),
    /// Fit check of the budget model.
    FitCheck => (
        "拟合检验：样本内 R² = {r2}；用前 {train} 行拟合、预测后 {held} 行，误差（RMSE）{rmse}，直线模型 {linear}。",
        "Fit check: in-sample R² = {r2}; fitted on the first {train} rows and scored on the last {held}, error (RMSE) {rmse} against a straight line's {linear}."
    ),
    /// Column: carry-over.
    CarryOver => ("延续效应 λ", "Carry-over λ"),
    /// Button: budget history template.
    DownloadBudgetTemplate => ("下载历史数据模板（CSV）", "Download a history template (CSV)"),
    /// Row: recommended split.
    Recommended => ("建议", "Recommended"),
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: OperationText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        assert!(ALL.len() > 50);
        crate::i18n::assert_translated(ALL, pair, &[]);
    }

    #[test]
    fn placeholders_match_across_languages() {
        for &key in ALL {
            let (zh, en) = pair(key);
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(zh), names(en), "{key:?}");
        }
    }
}
