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
    BacktestWindows => ("各回测窗口的 MASE", "MASE of each backtest window"),
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
    CurveBest => ("逐渠道选择误差最小者", "best fit per channel"),
    /// Option: logarithmic.
    CurveLog => ("对数", "logarithmic"),
    /// Option: Hill.
    CurveHill => ("Hill 饱和曲线", "Hill"),
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
