//! What is wrong with a file of a known format ([`super::ErrorKind::Format`]): which format,
//! and a typed cause rendered in both languages.
//!
//! Our own readers (the TSPLIB reader, the model header check) name every cause with a
//! variant. A third-party parser (serde_json, calamine) gives only its own English sentence;
//! that sentence is kept as [`FormatCause::Parser`], and the Chinese message then says in
//! Chinese that the parser could not read the file, and where, and shows the parser's words
//! only as a detail in brackets.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A file format core reads besides tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FileFormat {
    /// A trained model saved by shoplens (JSON).
    ModelJson,
    /// A spreadsheet workbook (XLSX, XLSB, XLS or ODS).
    Spreadsheet,
    /// A TSPLIB `.tsp` or CVRPLIB `.vrp` routing instance.
    Tsplib,
}

impl FileFormat {
    /// Every format, for tests.
    pub const ALL: [FileFormat; 3] = [
        FileFormat::ModelJson,
        FileFormat::Spreadsheet,
        FileFormat::Tsplib,
    ];

    /// The format's name in the user's language (the Chinese includes the word for
    /// "file", which the English sentence adds after the name).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FileFormat::ModelJson => lang.pick("shoplens 模型文件（JSON）", "shoplens model JSON"),
            FileFormat::Spreadsheet => lang.pick("电子表格文件（XLSX/XLS/ODS）", "XLSX/XLS/ODS"),
            FileFormat::Tsplib => lang.pick("TSPLIB 文件", "TSPLIB"),
        }
    }
}

/// What is wrong with a file of a [`FileFormat`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FormatCause {
    /// A third-party parser refused the file; its own message, in English, which no type
    /// of ours can name (serde_json's, calamine's).
    Parser {
        /// Column (1-based) of the line where the parser stopped, when it says.
        column: Option<u64>,
        /// The parser's message as it gave it.
        detail: String,
    },
    /// The JSON lacks `"format": "shoplens-model"`: it is not a saved shoplens model.
    NotShoplensModel,
    /// A model saved by a version of shoplens this one cannot read.
    UnsupportedVersion {
        /// The file's version (0 when it has none).
        version: u64,
        /// The newest version this build reads (from 1).
        newest: u64,
    },
    /// A `*_SECTION` this reader does not understand.
    UnsupportedSection(String),
    /// A problem `TYPE` other than TSP and CVRP.
    UnsupportedType(String),
    /// An `EDGE_WEIGHT_TYPE` other than `EUC_2D`.
    UnsupportedEdgeWeight(String),
    /// No `EDGE_WEIGHT_TYPE` line.
    NoEdgeWeight,
    /// A token that should be a number.
    NotANumber(String),
    /// A `DIMENSION` that is not a whole count.
    NotACount(String),
    /// A token that should be a node number.
    NotANodeNumber(String),
    /// A line outside any section that is not `KEY: value`.
    UnexpectedLine(String),
    /// A line of `NODE_COORD_SECTION` that is not `id x y` (the line as written).
    CoordinateLine(String),
    /// A line of `DEMAND_SECTION` that is not `id demand` (the line as written).
    DemandLine(String),
    /// A negative demand.
    NegativeDemand(f64),
    /// `DIMENSION` disagrees with the number of coordinates.
    DimensionMismatch {
        /// Nodes `DIMENSION` declares.
        declared: usize,
        /// Nodes `NODE_COORD_SECTION` lists.
        found: usize,
    },
    /// A node named in a demand or depot line without coordinates.
    NoCoordinates(i64),
}

impl FormatCause {
    /// The cause in the user's language (a phrase after the position).
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let pick = |zh_text: String, en_text: String| if zh { zh_text } else { en_text };
        match self {
            FormatCause::Parser { column, detail } => match column {
                Some(c) => pick(
                    format!("第 {c} 列处无法解析（解析器原文：{detail}）"),
                    format!("column {c}: {detail}"),
                ),
                None => pick(format!("无法解析（解析器原文：{detail}）"), detail.clone()),
            },
            FormatCause::NotShoplensModel => pick(
                "缺少 \"format\": \"shoplens-model\" 字段（不是 shoplens 保存的模型）".into(),
                "no \"format\": \"shoplens-model\" field (not a shoplens model file)".into(),
            ),
            FormatCause::UnsupportedVersion { version, newest } => pick(
                format!("版本为 {version}；本程序只能读取版本 1 到 {newest}"),
                format!("version {version}; this shoplens reads versions 1 to {newest}"),
            ),
            FormatCause::UnsupportedSection(section) => pick(
                format!("不支持 {section} 段（只支持坐标、需求和仓库段）"),
                format!("section {section} is not supported (only coordinates, demands, depots)"),
            ),
            FormatCause::UnsupportedType(kind) => pick(
                format!("不支持 TYPE {kind}（只支持 TSP 或 CVRP）"),
                format!("TYPE {kind} is not supported (TSP or CVRP)"),
            ),
            FormatCause::UnsupportedEdgeWeight(kind) => pick(
                format!("不支持 EDGE_WEIGHT_TYPE {kind}（只支持 EUC_2D）"),
                format!("EDGE_WEIGHT_TYPE {kind} is not supported (EUC_2D only)"),
            ),
            FormatCause::NoEdgeWeight => {
                pick("缺少 EDGE_WEIGHT_TYPE".into(), "no EDGE_WEIGHT_TYPE".into())
            }
            FormatCause::NotANumber(token) => pick(
                format!("“{token}”不是数字"),
                format!("\"{token}\" is not a number"),
            ),
            FormatCause::NotACount(value) => pick(
                format!("DIMENSION “{value}”不是个数"),
                format!("DIMENSION \"{value}\" is not a count"),
            ),
            FormatCause::NotANodeNumber(token) => pick(
                format!("“{token}”不是节点编号"),
                format!("\"{token}\" is not a node number"),
            ),
            FormatCause::UnexpectedLine(line) => pick(
                format!("无法识别的行“{line}”"),
                format!("unexpected \"{line}\""),
            ),
            FormatCause::CoordinateLine(found) => pick(
                format!("应为“编号 x y”三项，实际为“{found}”"),
                format!("expected \"id x y\", found \"{found}\""),
            ),
            FormatCause::DemandLine(found) => pick(
                format!("应为“编号 需求量”两项，实际为“{found}”"),
                format!("expected \"id demand\", found \"{found}\""),
            ),
            FormatCause::NegativeDemand(demand) => pick(
                format!("需求为负数 {demand}"),
                format!("negative demand {demand}"),
            ),
            FormatCause::DimensionMismatch { declared, found } => pick(
                format!("DIMENSION 为 {declared} 个节点，但 NODE_COORD_SECTION 有 {found} 个"),
                format!("DIMENSION says {declared} nodes but NODE_COORD_SECTION has {found}"),
            ),
            FormatCause::NoCoordinates(id) => pick(
                format!("节点 {id} 没有坐标"),
                format!("node {id} has no coordinates"),
            ),
        }
    }
}
