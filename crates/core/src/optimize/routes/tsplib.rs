//! Readers for TSPLIB `.tsp` and CVRPLIB `.vrp` files (Reinelt 1991, "TSPLIB - A Traveling
//! Salesman Problem Library"; Uchoa et al. 2017 for CVRPLIB).
//!
//! Only coordinate instances with `EDGE_WEIGHT_TYPE: EUC_2D` are read (distances rounded with
//! `nint`, as the library prescribes). Header lines are `KEY: value` or `KEY : value`; the
//! sections understood are `NODE_COORD_SECTION`, `DEMAND_SECTION` and `DEPOT_SECTION`.
//! Errors name the 1-based line.

use super::distance::Metric;
use super::instance::Instance;
use crate::{Error, ErrorKind, FileFormat, FormatCause, Result};

/// An error at 1-based `line`, or about the whole file when `line` is 0.
fn format_error(line: usize, cause: FormatCause) -> Error {
    Error::new(ErrorKind::Format {
        format: FileFormat::Tsplib,
        line: (line > 0).then_some(line as u64),
        cause,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Header,
    Coords,
    Demands,
    Depots,
}

fn number(token: &str, line: usize) -> Result<f64> {
    token
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format_error(line, FormatCause::NotANumber(token.to_string())))
}

/// Parses a TSPLIB `.tsp` or CVRPLIB `.vrp` text into an [`Instance`].
///
/// The depot is the first node (or the one named in `DEPOT_SECTION`); `CAPACITY` and demands
/// are read when present.
pub fn parse_tsplib(text: &str) -> Result<Instance> {
    let mut name = String::new();
    let mut dimension: Option<usize> = None;
    let mut capacity: Option<f64> = None;
    let mut edge_type: Option<String> = None;
    let mut section = Section::Header;
    // Nodes are numbered in the file; keep (number, coordinates) and map numbers to indices.
    let mut nodes: Vec<(i64, [f64; 2])> = Vec::new();
    let mut demands: Vec<(i64, f64, usize)> = Vec::new();
    let mut depots: Vec<(i64, usize)> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line == "EOF" {
            break;
        }
        let upper = line.to_ascii_uppercase();
        if upper.ends_with("_SECTION") {
            section = match upper.as_str() {
                "NODE_COORD_SECTION" => Section::Coords,
                "DEMAND_SECTION" => Section::Demands,
                "DEPOT_SECTION" => Section::Depots,
                other => {
                    return Err(format_error(
                        line_no,
                        FormatCause::UnsupportedSection(other.to_string()),
                    ))
                }
            };
            continue;
        }
        if let Some(colon) = line.find(':') {
            {
                let key = line[..colon].trim().to_ascii_uppercase();
                let value = line[colon + 1..].trim();
                section = Section::Header;
                match key.as_str() {
                    "NAME" => name = value.to_string(),
                    "DIMENSION" => {
                        dimension = Some(value.parse().map_err(|_| {
                            format_error(line_no, FormatCause::NotACount(value.to_string()))
                        })?)
                    }
                    "CAPACITY" => capacity = Some(number(value, line_no)?),
                    "EDGE_WEIGHT_TYPE" => edge_type = Some(value.to_ascii_uppercase()),
                    "TYPE" => {
                        let t = value.to_ascii_uppercase();
                        if t != "TSP" && t != "CVRP" {
                            return Err(format_error(
                                line_no,
                                FormatCause::UnsupportedType(value.to_string()),
                            ));
                        }
                    }
                    _ => {}
                }
                continue;
            }
        }
        let tokens: Vec<&str> = line.split_whitespace().collect();
        match section {
            Section::Header => {
                return Err(format_error(
                    line_no,
                    FormatCause::UnexpectedLine(line.to_string()),
                ));
            }
            Section::Coords => {
                if tokens.len() != 3 {
                    return Err(format_error(
                        line_no,
                        FormatCause::CoordinateLine(line.to_string()),
                    ));
                }
                let id = node_id(tokens[0], line_no)?;
                nodes.push((
                    id,
                    [number(tokens[1], line_no)?, number(tokens[2], line_no)?],
                ));
            }
            Section::Demands => {
                if tokens.len() != 2 {
                    return Err(format_error(
                        line_no,
                        FormatCause::DemandLine(line.to_string()),
                    ));
                }
                let demand = number(tokens[1], line_no)?;
                if demand < 0.0 {
                    return Err(format_error(line_no, FormatCause::NegativeDemand(demand)));
                }
                demands.push((node_id(tokens[0], line_no)?, demand, line_no));
            }
            Section::Depots => {
                for token in tokens {
                    let id = node_id(token, line_no)?;
                    if id != -1 {
                        depots.push((id, line_no));
                    }
                }
            }
        }
    }
    match edge_type.as_deref() {
        Some("EUC_2D") => {}
        Some(other) => {
            return Err(format_error(
                0,
                FormatCause::UnsupportedEdgeWeight(other.to_string()),
            ))
        }
        None => return Err(format_error(0, FormatCause::NoEdgeWeight)),
    }
    if let Some(d) = dimension {
        if d != nodes.len() {
            return Err(format_error(
                0,
                FormatCause::DimensionMismatch {
                    declared: d,
                    found: nodes.len(),
                },
            ));
        }
    }
    let index_of = |id: i64, line: usize| -> Result<usize> {
        nodes
            .iter()
            .position(|(n, _)| *n == id)
            .ok_or_else(|| format_error(line, FormatCause::NoCoordinates(id)))
    };
    let mut demand = vec![0.0; nodes.len()];
    for &(id, d, line) in &demands {
        demand[index_of(id, line)?] = d;
    }
    let depot = match depots.first() {
        Some(&(id, line)) => index_of(id, line)?,
        None => 0,
    };
    Instance::new(
        name,
        nodes.iter().map(|(id, _)| id.to_string()).collect(),
        nodes.iter().map(|(_, c)| *c).collect(),
        demand,
        depot,
        Metric::Euc2dRounded,
    )
    .map(|i| i.with_capacity(capacity))
}

fn node_id(token: &str, line: usize) -> Result<i64> {
    token
        .parse()
        .map_err(|_| format_error(line, FormatCause::NotANodeNumber(token.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BERLIN52: &str = include_str!("../../../../../testdata/tsplib/berlin52.tsp");
    const EIL51: &str = include_str!("../../../../../testdata/tsplib/eil51.tsp");
    const ST70: &str = include_str!("../../../../../testdata/tsplib/st70.tsp");
    const A_N32_K5: &str = include_str!("../../../../../testdata/cvrp/A-n32-k5.vrp");

    #[test]
    fn reads_the_library_files() {
        // (text, nodes, first coordinates, last coordinates, capacity, total demand)
        let cases = [
            (BERLIN52, 52, [565.0, 575.0], [1740.0, 245.0], None, 0.0),
            (EIL51, 51, [37.0, 52.0], [30.0, 40.0], None, 0.0),
            (ST70, 70, [64.0, 96.0], [84.0, 94.0], None, 0.0),
            (A_N32_K5, 32, [82.0, 76.0], [98.0, 5.0], Some(100.0), 410.0),
        ];
        for (text, n, first, last, capacity, total) in cases {
            let inst = parse_tsplib(text).unwrap();
            assert_eq!(inst.len(), n);
            assert!(inst.coords[0]
                .iter()
                .zip(first)
                .all(|(a, b)| (a - b).abs() < 1e-12));
            assert!(inst.coords[n - 1]
                .iter()
                .zip(last)
                .all(|(a, b)| (a - b).abs() < 1e-12));
            assert_eq!(inst.capacity, capacity);
            assert!((inst.demand.iter().sum::<f64>() - total).abs() < 1e-9);
            assert_eq!(inst.depot, 0);
            assert_eq!(inst.metric, Metric::Euc2dRounded);
        }
    }

    #[test]
    fn errors_name_the_line() {
        let bad = "NAME: x\nTYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 zero 3\nEOF\n";
        let e = parse_tsplib(bad).unwrap_err().to_string();
        assert!(e.contains("line 6") && e.contains("\"zero\""), "{e}");
        let geo = "NAME: x\nTYPE: TSP\nEDGE_WEIGHT_TYPE: GEO\nNODE_COORD_SECTION\n1 0 0\n2 1 3\n";
        let e = parse_tsplib(geo).unwrap_err().to_string();
        assert!(e.contains("GEO"), "{e}");
        let short =
            "TYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 3\n";
        let e = parse_tsplib(short).unwrap_err().to_string();
        assert!(e.contains("DIMENSION says 3"), "{e}");
    }
}
