//! A routing instance: stops with coordinates and demands, a depot, capacity, time windows;
//! read from TSPLIB/CVRPLIB files ([`super::tsplib`]) or from a table of stops.

use super::distance::{DistanceMatrix, Metric};
use crate::table::Table;
use crate::{Allowed, Counted, Error, Result, ValueType};
use serde::{Deserialize, Serialize};

/// The time during which a stop may be served, and how long serving takes. Times are in the
/// units of travel time (distance divided by the speed in [`super::AnnealParams`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeWindow {
    /// Earliest start of service; a vehicle arriving earlier waits.
    pub ready: f64,
    /// Latest start of service; arriving later is penalised by the lateness.
    pub due: f64,
    /// Time spent at the stop.
    pub service: f64,
}

/// A set of stops to visit from one depot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// Name of the instance (file name or TSPLIB `NAME`).
    pub name: String,
    /// Stop identifiers as written in the file.
    pub ids: Vec<String>,
    /// `[x, y]` or `[latitude, longitude]` per stop.
    pub coords: Vec<[f64; 2]>,
    /// Demand per stop (0 for the depot).
    pub demand: Vec<f64>,
    /// Index of the depot among the stops.
    pub depot: usize,
    /// Vehicle capacity, if loads are limited.
    pub capacity: Option<f64>,
    /// Time windows per stop, if any stop has one.
    pub time_windows: Option<Vec<TimeWindow>>,
    /// How distances are measured.
    pub metric: Metric,
}

impl Instance {
    /// Builds an instance after checking the parts agree.
    pub fn new(
        name: String,
        ids: Vec<String>,
        coords: Vec<[f64; 2]>,
        demand: Vec<f64>,
        depot: usize,
        metric: Metric,
    ) -> Result<Instance> {
        if coords.len() < 2 {
            return Err(Error::not_enough(Counted::Stops, 2, coords.len()));
        }
        if ids.len() != coords.len() || demand.len() != coords.len() {
            return Err(Error::invalid_parameter(
                "demand",
                demand.len(),
                crate::Allowed::count(coords.len(), crate::Per::Stop),
            ));
        }
        if depot >= coords.len() {
            return Err(Error::invalid_parameter(
                "depot",
                depot,
                crate::Allowed::Below(coords.len() as f64),
            ));
        }
        Ok(Instance {
            name,
            ids,
            coords,
            demand,
            depot,
            capacity: None,
            time_windows: None,
            metric,
        })
    }

    /// Sets the vehicle capacity.
    pub fn with_capacity(mut self, capacity: Option<f64>) -> Instance {
        self.capacity = capacity;
        self
    }

    /// Number of stops, depot included.
    pub fn len(&self) -> usize {
        self.coords.len()
    }

    /// True when there are no stops (never, for a checked instance).
    pub fn is_empty(&self) -> bool {
        self.coords.is_empty()
    }

    /// All pairwise distances.
    pub fn distances(&self) -> DistanceMatrix {
        DistanceMatrix::new(&self.coords, self.metric)
    }

    /// Reads stops from a table. Columns are found by name (case-insensitive):
    /// `id` (or `name`, `stop`; else the row number), either `lat`/`latitude` and
    /// `lon`/`lng`/`longitude` (haversine, km) or `x` and `y` (Euclidean), optional `demand`,
    /// optional time window `ready`/`earliest`/`tw_start` and `due`/`latest`/`tw_end`, and
    /// optional `service`. The depot is the stop whose id is `depot`, else the first row.
    pub fn from_table(table: &Table, name: &str, depot_id: Option<&str>) -> Result<Instance> {
        let find = |names: &[&str]| {
            table.columns().iter().find(|c| {
                names
                    .iter()
                    .any(|n| c.name().trim().eq_ignore_ascii_case(n))
            })
        };
        let n = table.n_rows();
        let available: Vec<String> = table
            .columns()
            .iter()
            .map(|c| c.name().to_string())
            .collect();
        let missing = |name: &str| {
            Error::new(crate::ErrorKind::MissingColumn {
                name: name.into(),
                available: available.clone(),
            })
        };
        let (first, second, metric) = match (
            find(&["lat", "latitude"]),
            find(&["lon", "lng", "long", "longitude"]),
            find(&["x"]),
            find(&["y"]),
        ) {
            (Some(lat), Some(lon), _, _) => (lat, lon, Metric::Haversine),
            (_, _, Some(x), Some(y)) => (x, y, Metric::Euclidean),
            (Some(_), None, _, _) => return Err(missing("longitude")),
            (_, _, Some(_), None) => return Err(missing("y")),
            _ => return Err(missing("x")),
        };
        let number = |column: &crate::table::Column, row: usize| -> Result<f64> {
            column.f64(row).filter(|v| v.is_finite()).ok_or_else(|| {
                Error::new(crate::ErrorKind::BadValue {
                    line: row as u64 + 2,
                    column: column.name().to_string(),
                    value: column.display(row),
                    expected: ValueType::Number,
                })
            })
        };
        let id_column = find(&["id", "name", "stop"]);
        let demand_column = find(&["demand", "quantity", "load"]);
        let ready_column = find(&["ready", "earliest", "tw_start", "ready_time"]);
        let due_column = find(&["due", "latest", "tw_end", "due_time"]);
        let service_column = find(&["service", "service_time"]);
        let mut ids = Vec::with_capacity(n);
        let mut coords = Vec::with_capacity(n);
        let mut demand = Vec::with_capacity(n);
        let mut windows = Vec::with_capacity(n);
        for row in 0..n {
            ids.push(match id_column {
                Some(c) => c.display(row),
                None => (row + 1).to_string(),
            });
            let point = [number(first, row)?, number(second, row)?];
            if metric == Metric::Haversine && (point[0].abs() > 90.0 || point[1].abs() > 180.0) {
                return Err(Error::new(crate::ErrorKind::BadValue {
                    line: row as u64 + 2,
                    column: first.name().to_string(),
                    value: format!("{}, {}", point[0], point[1]),
                    expected: ValueType::Coordinates,
                }));
            }
            coords.push(point);
            let d = match demand_column {
                Some(c) if !c.is_missing(row) => number(c, row)?,
                _ => 0.0,
            };
            if d < 0.0 {
                return Err(Error::new(crate::ErrorKind::BadValue {
                    line: row as u64 + 2,
                    column: demand_column
                        .map(|c| c.name().to_string())
                        .unwrap_or_default(),
                    value: d.to_string(),
                    expected: ValueType::NonNegativeNumber,
                }));
            }
            demand.push(d);
            let ready = match ready_column {
                Some(c) if !c.is_missing(row) => number(c, row)?,
                _ => 0.0,
            };
            let due = match due_column {
                Some(c) if !c.is_missing(row) => number(c, row)?,
                _ => f64::INFINITY,
            };
            let service = match service_column {
                Some(c) if !c.is_missing(row) => number(c, row)?,
                _ => 0.0,
            };
            windows.push(TimeWindow {
                ready,
                due,
                service,
            });
        }
        let depot = match depot_id {
            Some(id) => ids
                .iter()
                .position(|i| i == id)
                .ok_or_else(|| Error::invalid_parameter("depot", id, Allowed::StopId))?,
            None => ids
                .iter()
                .position(|i| i.eq_ignore_ascii_case("depot"))
                .unwrap_or(0),
        };
        let mut instance = Instance::new(name.to_string(), ids, coords, demand, depot, metric)?;
        if ready_column.is_some() || due_column.is_some() || service_column.is_some() {
            instance.time_windows = Some(windows);
        }
        Ok(instance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_bytes, ReadOptions};

    fn table(text: &str) -> Table {
        read_bytes(text.as_bytes(), &ReadOptions::default()).unwrap()
    }

    #[test]
    fn reads_stops_in_both_coordinate_systems() {
        let t = table("id,lat,lon,demand\nW1,48.85,2.35,0\nA,48.86,2.30,5\nB,48.80,2.40,\n");
        let i = Instance::from_table(&t, "paris", None).unwrap();
        assert_eq!(i.metric, Metric::Haversine);
        assert_eq!(i.ids, vec!["W1", "A", "B"]);
        assert_eq!(i.demand, vec![0.0, 5.0, 0.0]);
        assert_eq!(i.depot, 0);
        assert!(i.time_windows.is_none());

        let t = table("stop,x,y,ready,due\nA,0,0,0,100\ndepot,3,4,0,1000\n");
        let i = Instance::from_table(&t, "grid", None).unwrap();
        assert_eq!((i.metric, i.depot), (Metric::Euclidean, 1));
        let tw = i.time_windows.clone().unwrap();
        assert!((tw[0].due - 100.0).abs() < 1e-12);
        assert!((i.distances().get(0, 1) - 5.0).abs() < 1e-12);
    }

    #[test]
    fn bad_stop_files_name_the_problem() {
        let e = Instance::from_table(&table("id,x\nA,1\nB,2\n"), "f", None).unwrap_err();
        assert!(e.to_string().contains("\"y\""), "{e}");
        let e = Instance::from_table(&table("id,lat,lon\nA,1,2\nB,95,2\n"), "f", None).unwrap_err();
        assert!(e.to_string().starts_with("Line 3"), "{e}");
        let e = Instance::from_table(&table("id,x,y\nA,1,2\nB,3,4\n"), "f", Some("Z")).unwrap_err();
        assert!(e.to_string().contains("depot = Z"), "{e}");
    }
}
