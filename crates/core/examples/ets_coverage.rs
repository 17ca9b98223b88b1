//! Interval coverage of the multiplicative-error ETS forms on held-out windows, two ways in
//! one run: the model's own `h`-step variances (`state_space::variance`, what the product
//! uses) and the approximation used before, the additive forms' variance factors times the
//! variance of the absolute one-step errors. Protocol as the backtest's: 3 rolling origins,
//! step = horizon; each form fitted on each window's past only; pooled over held-out steps.
//!
//! Series: those of `testdata/forecast/ets_fixed.json` (AirPassengers, elnino 1950s, nile,
//! quarterly real GDP), wineind and ShampooSales from `testdata/`.
//!
//!   cargo run --release -p shoplens-core --example ets_coverage

use shoplens_core::forecast::intervals::normal_quantile;
use shoplens_core::forecast::state_space::{fit_spec, variance, Kind, Spec};

fn csv_column(text: &str) -> Vec<f64> {
    text.lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1)?.trim().parse().ok())
        .collect()
}

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/");
    let read = |p: &str| std::fs::read_to_string(format!("{root}{p}")).expect(p);
    let fixture: serde_json::Value =
        serde_json::from_str(&read("forecast/ets_fixed.json")).expect("json");
    let mut series: Vec<(String, usize, usize, Vec<f64>)> = Vec::new();
    for s in fixture["series"].as_array().expect("series") {
        let name = s["name"].as_str().unwrap().to_string();
        if name == "elnino_short" {
            continue;
        }
        let m = s["season"].as_u64().unwrap() as usize;
        let y: Vec<f64> = s["y"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        series.push((name, m, if m == 1 { 8 } else { 2 * m.max(4) }, y));
    }
    series.push((
        "wineind".into(),
        12,
        12,
        csv_column(&read("pmdarima-wineind/wineind.csv")),
    ));
    series.push((
        "shampoo".into(),
        12,
        6,
        csv_column(&read("sktime-shampoo-sales/ShampooSales.csv")),
    ));
    let forms = [
        "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM",
    ];
    let levels = [80.0, 95.0];
    // [form][level] → (inside new, inside old, total)
    let mut pooled = vec![[(0usize, 0usize, 0usize); 2]; forms.len()];
    for (_, m, h, y) in &series {
        for (fi, code) in forms.iter().enumerate() {
            let spec = Spec::parse(code).unwrap();
            if *m == 1 && spec.season != Kind::None {
                continue;
            }
            for w in (1..=3).rev() {
                let end = y.len() - w * h;
                let (train, test) = (&y[..end], &y[end..end + h]);
                let Ok(fit) = fit_spec(train, *m, spec) else {
                    continue;
                };
                let mean = fit.forecast(*h);
                let new = variance::forecast_variances(&fit, *h);
                let abs: Vec<f64> = train
                    .iter()
                    .zip(&fit.pass.fitted)
                    .map(|(a, f)| a - f)
                    .collect();
                let dof = abs.len().saturating_sub(fit.n_params - 1).max(1) as f64;
                let old_sigma2 = abs.iter().map(|e| e * e).sum::<f64>() / dof;
                let old: Vec<f64> = fit
                    .variance_factors(*h)
                    .iter()
                    .map(|v| v * old_sigma2)
                    .collect();
                for (li, level) in levels.iter().enumerate() {
                    let z = normal_quantile(0.5 + level / 200.0);
                    for i in 0..*h {
                        let inside = |v: f64| (test[i] - mean[i]).abs() <= z * v.sqrt();
                        let cell = &mut pooled[fi][li];
                        cell.0 += usize::from(inside(new[i]));
                        cell.1 += usize::from(inside(old[i]));
                        cell.2 += 1;
                    }
                }
            }
        }
    }
    // One row: (inside with the model's variances, inside before, held-out steps) per level.
    type Cells = [(usize, usize, usize); 2];
    let row = |label: &str, c: &Cells| {
        let pct = |a: usize, t: usize| 100.0 * a as f64 / t.max(1) as f64;
        println!(
            "{label:6} | {:5.1} / {:5.1}       | {:5.1} / {:5.1}       | {}",
            pct(c[0].0, c[0].2),
            pct(c[0].1, c[0].2),
            pct(c[1].0, c[1].2),
            pct(c[1].1, c[1].2),
            c[0].2
        );
    };
    println!("form   | 80 % model / before | 95 % model / before | held-out steps");
    let mut all: Cells = [(0, 0, 0); 2];
    for (code, cells) in forms.iter().zip(&pooled) {
        row(code, cells);
        for (total, cell) in all.iter_mut().zip(cells) {
            total.0 += cell.0;
            total.1 += cell.1;
            total.2 += cell.2;
        }
    }
    row("all", &all);
}
