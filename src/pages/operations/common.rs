//! Pieces the four tools share: labelled number fields, a file picker that reads text on the
//! page, the seed field, the convergence chart and its table, and input parsing.

use leptos::prelude::*;
use shoplens_core::Lang;

use crate::charts::lines::{draw_lines, LineChartData, LineSeries, Mark};
use crate::charts::CanvasChart;
use crate::components::text_file::read_picked_text;
use crate::i18n::fill;
use crate::i18n::operations::{t, OperationText};
use crate::state::use_app_state;
use crate::worker::protocol::operations::Source;
use crate::worker::protocol::WireError;

/// A picked file (or built-in example): its name and text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PickedFile {
    /// File name.
    pub name: String,
    /// Content.
    pub text: String,
}

impl PickedFile {
    /// The job source for this file.
    pub fn source(&self) -> Source {
        Source::Text {
            name: self.name.clone(),
            text: self.text.clone(),
        }
    }
}

/// The text of an optional field: empty for `None`.
pub fn opt_text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Sets a source choice and its picked file from a kept job's `source`. `examples` are the
/// built-in files as (name, text, choice); any other text was a picked file, chosen as
/// `file_choice`; the loaded table is the choice `"loaded"`.
pub fn fill_source(
    choice: RwSignal<String>,
    file: RwSignal<Option<PickedFile>>,
    source: &Source,
    examples: &[(&str, &str, &str)],
    file_choice: &str,
) {
    match source {
        Source::Loaded => choice.set("loaded".into()),
        Source::Text { name, text } => {
            let example = examples.iter().find(|(n, t, _)| n == name && t == text);
            match example {
                Some((_, _, chosen)) => choice.set(chosen.to_string()),
                None => {
                    file.set(Some(PickedFile {
                        name: name.clone(),
                        text: text.clone(),
                    }));
                    choice.set(file_choice.into());
                }
            }
        }
    }
}

/// A labelled text input bound to `value`.
#[component]
pub fn Field(
    /// The label.
    label: OperationText,
    /// The bound value.
    value: RwSignal<String>,
    /// `data-testid` of the input.
    #[prop(into)]
    test_id: String,
    /// Placeholder key (e.g. "auto", "optional").
    #[prop(optional)]
    placeholder: Option<OperationText>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span class="field-label">{move || t(lang.get(), label)}</span>
            <input
                type="text"
                inputmode="decimal"
                data-testid=test_id
                placeholder=move || placeholder.map(|p| t(lang.get(), p)).unwrap_or_default()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// A labelled `<select>` over `options` (value, shown text) bound to `value`.
#[component]
pub fn Choice(
    /// The label.
    label: OperationText,
    /// The bound value.
    value: RwSignal<String>,
    /// `(value, text)` pairs, recomputed when their signals change.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// `data-testid` of the select.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span class="field-label">{move || t(lang.get(), label)}</span>
            <select
                data-testid=test_id
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// A file picker that reads the chosen file's text on the page (files of this page are
/// small: stops, products, spend histories) and stores it in `file`.
#[component]
pub fn FilePicker(
    /// The label.
    label: OperationText,
    /// Where the picked file goes.
    file: RwSignal<Option<PickedFile>>,
    /// `data-testid` of the input.
    #[prop(into)]
    test_id: String,
    /// `accept` attribute.
    #[prop(default = ".csv,.tsv,.txt,text/csv,text/plain")]
    accept: &'static str,
    /// Called once the file has been read (to select it as the source).
    #[prop(optional)]
    on_pick: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let on_change = move |ev: web_sys::Event| {
        read_picked_text(&ev, move |name, text| {
            file.set(Some(PickedFile { name, text }));
            if let Some(callback) = on_pick {
                callback.run(());
            }
        });
    };
    view! {
        <div class="field file-field">
            <span class="field-label">{move || t(lang.get(), label)}</span>
            <div class="file-row">
                <label class="button small">
                    {move || t(lang.get(), OperationText::ChooseFile)}
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=accept
                        data-testid=test_id
                        on:change=on_change
                    />
                </label>
                <span class="file-name">
                    {move || match file.get() {
                        Some(f) => f.name,
                        None => t(lang.get(), OperationText::NoFile).to_string(),
                    }}
                </span>
            </div>
        </div>
    }
}

/// Parses an optional number field: empty is `Ok(None)`.
pub fn parse_opt<T: std::str::FromStr>(
    lang: Lang,
    label: OperationText,
    text: &str,
) -> Result<Option<T>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<T>().map(Some).map_err(|_| {
        fill(
            t(lang, OperationText::BadNumber),
            &[("field", t(lang, label).to_string())],
        )
    })
}

/// Parses a required number field.
pub fn parse_req<T: std::str::FromStr>(
    lang: Lang,
    label: OperationText,
    text: &str,
) -> Result<T, String> {
    parse_opt(lang, label, text)?.ok_or_else(|| {
        fill(
            t(lang, OperationText::BadNumber),
            &[("field", t(lang, label).to_string())],
        )
    })
}

/// A page-side error (bad input) in the shape the job panel shows.
pub fn input_error(message: String) -> WireError {
    WireError {
        zh: message.clone(),
        en: message,
    }
}

/// A number with `digits` decimals.
pub fn num(v: f64, digits: usize) -> String {
    if v.is_finite() {
        format!("{v:.digits$}")
    } else {
        "—".into()
    }
}

/// The convergence chart of a solver run: best and mean (or current) value per iteration,
/// with a table of a sample of the iterations as its text alternative.
#[component]
pub fn ConvergenceChart(
    /// Best value per iteration.
    #[prop(into)]
    best: Signal<Vec<f64>>,
    /// Mean (GA) or current (annealing) value per iteration.
    #[prop(into)]
    mean: Signal<Vec<f64>>,
    /// Label of the x axis.
    x_label: OperationText,
    /// Label of the y axis.
    y_label: OperationText,
    /// Legend of `best`.
    best_label: OperationText,
    /// Legend of `mean`.
    mean_label: OperationText,
    /// PNG file name.
    file_name: &'static str,
    /// `data-testid`.
    test_id: &'static str,
) -> impl IntoView {
    let lang = use_app_state().lang;
    let draw = Callback::new(move |plot| {
        let lang = lang.get();
        let line = |values: &[f64]| -> Vec<(f64, f64)> {
            values
                .iter()
                .enumerate()
                .map(|(i, v)| ((i + 1) as f64, *v))
                .collect()
        };
        let data = LineChartData {
            series: vec![
                LineSeries {
                    label: t(lang, mean_label).into(),
                    colour: crate::charts::canvas::category(1),
                    mark: Mark::Line,
                    points: line(&mean.get()),
                },
                LineSeries {
                    label: t(lang, best_label).into(),
                    colour: crate::charts::canvas::category(0),
                    mark: Mark::Line,
                    points: line(&best.get()),
                },
            ],
            bands: Vec::new(),
            x_title: t(lang, x_label).into(),
            y_title: t(lang, y_label).into(),
            x_labels: Vec::new(),
        };
        draw_lines(&plot, &data);
    });
    let rows = move || {
        let (best, mean) = (best.get(), mean.get());
        let n = best.len();
        let step = (n / 20).max(1);
        (0..n)
            .filter(|i| i % step == 0 || *i + 1 == n)
            .map(|i| {
                view! {
                    <tr>
                        <td class="num">{i + 1}</td>
                        <td class="num">{num(best[i], 2)}</td>
                        <td class="num">{mean.get(i).map_or(String::new(), |v| num(*v, 2))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h3>{move || t(lang.get(), OperationText::Convergence)}</h3>
        <CanvasChart
            label=Signal::derive(move || t(lang.get(), OperationText::Convergence).to_string())
            file_name=file_name
            draw=draw
            height=260.0
            test_id=test_id
        />
        <details>
            <summary>{move || t(lang.get(), OperationText::AsTable)}</summary>
            <div class="table-scroll" tabindex="0">
                <table class="grid">
                    <thead>
                        <tr>
                            <th class="num">{move || t(lang.get(), x_label)}</th>
                            <th class="num">{move || t(lang.get(), best_label)}</th>
                            <th class="num">{move || t(lang.get(), mean_label)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}

/// The genetic algorithm's parameters as text fields.
#[derive(Debug, Clone, Copy)]
pub struct GaFields {
    /// Population.
    pub population: RwSignal<String>,
    /// Generations.
    pub generations: RwSignal<String>,
    /// Crossover rate.
    pub crossover: RwSignal<String>,
    /// Mutation rate.
    pub mutation: RwSignal<String>,
    /// Elites.
    pub elitism: RwSignal<String>,
    /// Tournament size.
    pub tournament: RwSignal<String>,
    /// Seed.
    pub seed: RwSignal<String>,
}

impl GaFields {
    /// Fields holding the core defaults (the CLI's too).
    pub fn new() -> GaFields {
        let d = shoplens_core::optimize::genetic::GaParams::new();
        GaFields {
            population: RwSignal::new(d.population.to_string()),
            generations: RwSignal::new(d.generations.to_string()),
            crossover: RwSignal::new(d.crossover_rate.to_string()),
            mutation: RwSignal::new(d.mutation_rate.to_string()),
            elitism: RwSignal::new(d.elitism.to_string()),
            tournament: RwSignal::new(d.tournament.to_string()),
            seed: RwSignal::new(d.seed.to_string()),
        }
    }

    /// Sets the fields from `params` (the settings of a kept result).
    pub fn fill(&self, params: &shoplens_core::optimize::genetic::GaParams) {
        self.population.set(params.population.to_string());
        self.generations.set(params.generations.to_string());
        self.crossover.set(params.crossover_rate.to_string());
        self.mutation.set(params.mutation_rate.to_string());
        self.elitism.set(params.elitism.to_string());
        self.tournament.set(params.tournament.to_string());
        self.seed.set(params.seed.to_string());
    }

    /// The parameters, or the first field that is not a number.
    pub fn params(&self, lang: Lang) -> Result<shoplens_core::optimize::genetic::GaParams, String> {
        use OperationText as T;
        Ok(shoplens_core::optimize::genetic::GaParams {
            population: parse_req(lang, T::Population, &self.population.get_untracked())?,
            generations: parse_req(lang, T::Generations, &self.generations.get_untracked())?,
            crossover_rate: parse_req(lang, T::CrossoverRate, &self.crossover.get_untracked())?,
            mutation_rate: parse_req(lang, T::MutationRate, &self.mutation.get_untracked())?,
            elitism: parse_req(lang, T::Elitism, &self.elitism.get_untracked())?,
            tournament: parse_req(lang, T::Tournament, &self.tournament.get_untracked())?,
            seed: parse_req(lang, T::Seed, &self.seed.get_untracked())?,
        })
    }
}

/// The fields of [`GaFields`], with the seed note.
#[component]
pub fn GaSettings(
    /// The fields.
    fields: GaFields,
    /// Prefix of the inputs' `data-testid`s.
    prefix: &'static str,
) -> impl IntoView {
    let lang = use_app_state().lang;
    use OperationText as T;
    view! {
        <fieldset class="settings">
            <legend>{move || t(lang.get(), T::GaSettings)}</legend>
            <Field label=T::Population value=fields.population test_id=format!("{prefix}-population") />
            <Field label=T::Generations value=fields.generations test_id=format!("{prefix}-generations") />
            <Field label=T::CrossoverRate value=fields.crossover test_id=format!("{prefix}-crossover") />
            <Field label=T::MutationRate value=fields.mutation test_id=format!("{prefix}-mutation") />
            <Field label=T::Elitism value=fields.elitism test_id=format!("{prefix}-elitism") />
            <Field label=T::Tournament value=fields.tournament test_id=format!("{prefix}-tournament") />
            <SeedField seed=fields.seed test_id=format!("{prefix}-seed") />
        </fieldset>
    }
}

/// The seed input with its note.
#[component]
pub fn SeedField(
    /// The bound seed text.
    seed: RwSignal<String>,
    /// `data-testid`.
    #[prop(into)]
    test_id: String,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <label class="field">
            <span class="field-label">{move || t(lang.get(), OperationText::Seed)}</span>
            <input
                type="text"
                inputmode="numeric"
                data-testid=test_id
                prop:value=move || seed.get()
                on:input=move |ev| seed.set(event_target_value(&ev))
            />
            <span class="hint">{move || t(lang.get(), OperationText::SeedNote)}</span>
        </label>
    }
}

/// One labelled figure of a result summary.
#[component]
pub fn Stat(
    /// The label.
    label: OperationText,
    /// The value.
    #[prop(into)]
    value: Signal<String>,
    /// `data-testid` of the value.
    test_id: &'static str,
) -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <div class="fact">
            <dt>{move || t(lang.get(), label)}</dt>
            <dd data-testid=test_id>{move || value.get()}</dd>
        </div>
    }
}

/// The column names of a delimited text's header line (the delimiter is whichever of comma,
/// semicolon and tab the line has most of), for column choices on files picked here.
pub fn header_columns(text: &str) -> Vec<String> {
    let line = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let delimiter = [',', ';', '\t']
        .into_iter()
        .max_by_key(|d| line.matches(*d).count())
        .unwrap_or(',');
    line.split(delimiter)
        .map(|c| c.trim().trim_matches('"').to_string())
        .filter(|c| !c.is_empty())
        .collect()
}
