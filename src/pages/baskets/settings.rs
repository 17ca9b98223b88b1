//! The settings form: where the baskets come from (shape and columns, detected by default),
//! the search thresholds, the live hint of items passing the support, and the run button.

use std::sync::Arc;

use leptos::prelude::*;
use shoplens_core::basket::{
    Algorithm, BasketShape, CompanionParams, ExclusionReason, ItemsetKind, MinSupport,
};

use super::{use_baskets, BasketsState};
use crate::components::format::{grouped, percent};
use crate::i18n::baskets::{self as text, t, BasketText as T};
use crate::state::{results, use_app_state};
use crate::worker::page::task::run_task;
use crate::worker::protocol::baskets::{BasketJob, BasketOutput, MineSettings, Prepared};
use crate::worker::protocol::{Job, Output};

/// The suggested exclusions that are placeholders (`NONE`, `N/A`): excluded by default.
pub(super) fn placeholders(prepared: &Prepared) -> Vec<String> {
    prepared
        .suggested
        .iter()
        .filter(|(_, reason)| *reason == ExclusionReason::Placeholder)
        .map(|(name, _)| name.clone())
        .collect()
}

/// `names` with `name` (trimmed) added at the end unless blank or already there.
fn with_exclusion(mut names: Vec<String>, name: &str) -> Vec<String> {
    let name = name.trim();
    if !name.is_empty() && !names.iter().any(|n| n == name) {
        names.push(name.to_string());
    }
    names
}

/// The companion floors typed: a basket count of at least 1 and a lift of at least 0.
fn read_companions(count: &str, lift: &str) -> Option<CompanionParams> {
    let count: u64 = count.trim().parse().ok()?;
    let lift: f64 = lift.trim().parse().ok()?;
    (count >= 1 && lift.is_finite() && lift >= 0.0).then(|| CompanionParams {
        min_support: MinSupport::Count(count),
        min_lift: lift,
        ..CompanionParams::default()
    })
}

/// The form's text for the companion floors: the inverse of [`read_companions`] (a
/// fractional floor, from a job written by hand, shows as empty and the default is used).
fn companion_values(params: &CompanionParams) -> [String; 2] {
    let count = match params.min_support {
        MinSupport::Count(n) => n.to_string(),
        MinSupport::Fraction(_) => String::new(),
    };
    [count, params.min_lift.to_string()]
}

/// The support the user typed, if valid.
fn parse_support(value: &str, unit: &str) -> Option<MinSupport> {
    let value = value.trim().trim_end_matches('%');
    if unit == "count" {
        let n: u64 = value.parse().ok()?;
        (n >= 1).then_some(MinSupport::Count(n))
    } else {
        let f: f64 = value.parse().ok()?;
        (f > 0.0 && f <= 1.0).then_some(MinSupport::Fraction(f))
    }
}

/// An optional positive number: empty is `None`, anything else must parse.
fn optional<N: std::str::FromStr>(value: &str) -> Result<Option<N>, ()> {
    let value = value.trim();
    if value.is_empty() {
        Ok(None)
    } else {
        value.parse().map(Some).map_err(|_| ())
    }
}

/// Reads the form into mining settings.
fn read_settings(
    algorithm: &str,
    support: &str,
    unit: &str,
    confidence: &str,
    lift: &str,
    max_len: &str,
    target: &str,
) -> Option<MineSettings> {
    let min_support = parse_support(support, unit)?;
    let min_confidence: f64 = confidence.trim().parse().ok()?;
    if !(0.0..=1.0).contains(&min_confidence) {
        return None;
    }
    let min_lift: Option<f64> = optional(lift).ok()?;
    if min_lift.is_some_and(|l| l.is_nan() || l < 0.0) {
        return None;
    }
    let max_len: Option<usize> = optional(max_len).ok()?;
    if max_len == Some(0) {
        return None;
    }
    Some(MineSettings {
        algorithm: match algorithm {
            "apriori" => Algorithm::Apriori,
            "eclat" => Algorithm::Eclat,
            _ => Algorithm::FpGrowth,
        },
        min_support,
        min_confidence: Some(min_confidence),
        min_lift,
        max_len,
        target: match target {
            "closed" => ItemsetKind::Closed,
            "maximal" => ItemsetKind::Maximal,
            _ => ItemsetKind::All,
        },
        ..MineSettings::default()
    })
}

/// Starts a search with `settings`.
fn mine(state: BasketsState, settings: MineSettings, name: String) {
    let source = state.source.get_untracked();
    run_task(
        Job::Baskets(BasketJob::Mine { source, settings }),
        name,
        state.job,
        move |output| show_mined(state, output),
    );
}

/// Shows a search's output (fresh, or kept from before a reload).
pub(super) fn show_mined(state: BasketsState, output: Output) {
    if let Output::Baskets(BasketOutput::Mined(m)) = output {
        state.selected.set(None);
        state.behind.set(None);
        state.cell.set(None);
        state.prepared.set(Some(Arc::new(m.prepared.clone())));
        state.mined.set(Some(m));
    }
}

/// The form's text for `settings`: the inverse of [`read_settings`], to show the settings
/// of a kept search.
fn form_values(settings: &MineSettings) -> [String; 7] {
    let (support, unit) = match settings.min_support {
        MinSupport::Count(n) => (n.to_string(), "count"),
        MinSupport::Fraction(f) => (f.to_string(), "fraction"),
    };
    let algorithm = match settings.algorithm {
        Algorithm::Apriori => "apriori",
        Algorithm::Eclat => "eclat",
        _ => "fpgrowth",
    };
    let target = match settings.target {
        ItemsetKind::Closed => "closed",
        ItemsetKind::Maximal => "maximal",
        _ => "all",
    };
    [
        algorithm.to_string(),
        support,
        unit.to_string(),
        settings
            .min_confidence
            .map(|c| c.to_string())
            .unwrap_or_default(),
        settings.min_lift.map(|l| l.to_string()).unwrap_or_default(),
        settings.max_len.map(|l| l.to_string()).unwrap_or_default(),
        target.to_string(),
    ]
}

fn shape_value(shape: Option<BasketShape>) -> &'static str {
    match shape {
        None => "",
        Some(BasketShape::LinePerBasket) => "lines",
        Some(BasketShape::OrderLines) => "orders",
        Some(BasketShape::OneHot) => "onehot",
    }
}

/// The form.
#[component]
pub fn Settings() -> impl IntoView {
    let app = use_app_state();
    let lang = app.lang;
    let state = use_baskets();
    let algorithm = RwSignal::new("fpgrowth".to_string());
    let support = RwSignal::new("0.01".to_string());
    let unit = RwSignal::new("fraction".to_string());
    let confidence = RwSignal::new("0.5".to_string());
    let lift = RwSignal::new(String::new());
    let max_len = RwSignal::new(String::new());
    let target = RwSignal::new("all".to_string());
    let [default_count, default_lift] = companion_values(&CompanionParams::default());
    let companion_count = RwSignal::new(default_count);
    let companion_lift = RwSignal::new(default_lift);
    let invalid = RwSignal::new(false);
    // The settings of the kept search, if any (its results are shown by the page).
    results::restore("baskets.mine", move |job, _| {
        if let Job::Baskets(BasketJob::Mine { source, settings }) = job {
            let fields = [algorithm, support, unit, confidence, lift, max_len, target];
            for (field, value) in fields.into_iter().zip(form_values(&settings)) {
                field.set(value);
            }
            let floors = [companion_count, companion_lift];
            for (field, value) in floors
                .into_iter()
                .zip(companion_values(&settings.companions))
            {
                if !value.is_empty() {
                    field.set(value);
                }
            }
            if state.source.get_untracked() != source {
                state.source.set(source);
            }
        }
    });

    let columns = Memo::new(move |_| app.data.column_names());
    let column_select = move |label: T,
                              test_id: &'static str,
                              none: T,
                              get: fn(
        &crate::worker::protocol::baskets::BasketSource,
    ) -> Option<String>,
                              set: fn(
        &mut crate::worker::protocol::baskets::BasketSource,
        Option<String>,
    )| {
        view! {
            <label class="field">
                <span>{move || t(lang.get(), label)}</span>
                <select
                    data-testid=test_id
                    prop:value=move || state.source.with(|s| get(s).unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        state.source.update(|s| set(s, (!value.is_empty()).then_some(value)));
                    }
                >
                    <option value="">{move || t(lang.get(), none)}</option>
                    {move || {
                        columns
                            .get()
                            .into_iter()
                            .map(|c| view! { <option value=c.clone()>{c.clone()}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    let is_orders = move || {
        let chosen = state.source.with(|s| s.shape);
        let built = state.prepared.with(|p| p.as_ref().map(|p| p.report.shape));
        chosen == Some(BasketShape::OrderLines)
            || (chosen.is_none() && built == Some(BasketShape::OrderLines))
    };

    let hint = move || {
        let prepared = state.prepared.get()?;
        let baskets = prepared.report.baskets;
        let min = parse_support(&support.get(), &unit.get())?.min_count(baskets);
        let passing = prepared.item_counts.partition_point(|&c| c >= min);
        Some(text::items_pass(
            lang.get(),
            &grouped(passing as u64),
            &grouped(prepared.item_counts.len() as u64),
            &grouped(min),
            &percent(min as f64 * 100.0 / baskets.max(1) as f64),
        ))
    };
    let report = move || {
        let prepared = state.prepared.get()?;
        let lang = lang.get();
        let r = &prepared.report;
        Some(view! {
            <p data-testid="basket-report">{r.describe(lang)} " " {text::mean_size(lang, prepared.mean_basket_size)}</p>
            <p class="note" data-testid="basket-removed">
                {text::removed(
                    lang,
                    r.removed.cancellations + r.removed.zero_quantity,
                    r.removed.blank_items + r.removed.blank_keys,
                    r.removed.duplicate_items,
                    r.removed.empty_baskets,
                )}
            </p>
        })
    };

    // The excluded items as removable chips, each with the reason it was suggested.
    let chips = move || {
        let lang = lang.get();
        let excluded = state
            .source
            .with(|s| s.exclude_items.clone().unwrap_or_default());
        if excluded.is_empty() {
            return view! {
                <p class="note" data-testid="nothing-excluded">{t(lang, T::NothingExcluded)}</p>
            }
            .into_any();
        }
        let reasons = state
            .prepared
            .with(|p| p.as_ref().map(|p| p.suggested.clone()).unwrap_or_default());
        let chips = excluded
            .into_iter()
            .map(|name| {
                let reason = reasons
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, r)| r.label(lang));
                let remove_label = format!("{} {name}", t(lang, T::RemoveExclusion));
                let gone = name.clone();
                view! {
                    <li class="chip" data-testid="exclusion-chip" data-name=name.clone()>
                        <span class="chip-name">{name.clone()}</span>
                        {reason.map(|r| view! { <span class="chip-reason">{r}</span> })}
                        <button
                            type="button"
                            class="chip-remove"
                            data-testid="remove-exclusion"
                            aria-label=remove_label.clone()
                            title=remove_label
                            on:click=move |_| {
                                let gone = gone.clone();
                                state.source.update(|s| {
                                    s.exclude_items
                                        .get_or_insert_with(Vec::new)
                                        .retain(|n| *n != gone);
                                });
                            }
                        >
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chips" data-testid="exclusion-chips">{chips}</ul> }.into_any()
    };

    // Suggested non-products not yet excluded: one button each, and one adding them all.
    let suggestions = move || {
        let prepared = state.prepared.get()?;
        let excluded = state
            .source
            .with(|s| s.exclude_items.clone().unwrap_or_default());
        let open: Vec<(String, ExclusionReason)> = prepared
            .suggested
            .iter()
            .filter(|(name, _)| !excluded.contains(name))
            .cloned()
            .collect();
        if open.is_empty() {
            return None;
        }
        let lang = lang.get();
        let add = move |names: Vec<String>| {
            state.source.update(|s| {
                let list = s.exclude_items.take().unwrap_or_default();
                s.exclude_items = Some(names.iter().fold(list, |l, n| with_exclusion(l, n)));
            });
        };
        let names: Vec<String> = open.iter().map(|(name, _)| name.clone()).collect();
        let each = open
            .into_iter()
            .map(|(name, reason)| {
                let one = vec![name.clone()];
                let data_name = name.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="chip suggested"
                            data-testid="suggested-chip"
                            data-name=data_name
                            on:click=move |_| add(one.clone())
                        >
                            "+ " {name} <span class="chip-reason">{reason.label(lang)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="note" data-testid="suggested-exclusions">
                <span>{t(lang, T::SuggestedExclusions)}</span>
                <ul class="chips">{each}</ul>
                <button
                    type="button"
                    class="button small"
                    data-testid="add-suggested-exclusions"
                    on:click=move |_| add(names.clone())
                >
                    {t(lang, T::AddSuggestions)}
                </button>
            </div>
        })
    };
    let typed = RwSignal::new(String::new());
    let add_typed = move || {
        let name = typed.get_untracked();
        if !name.trim().is_empty() {
            state.source.update(|s| {
                let list = s.exclude_items.take().unwrap_or_default();
                s.exclude_items = Some(with_exclusion(list, &name));
            });
            typed.set(String::new());
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_settings(
            &algorithm.get_untracked(),
            &support.get_untracked(),
            &unit.get_untracked(),
            &confidence.get_untracked(),
            &lift.get_untracked(),
            &max_len.get_untracked(),
            &target.get_untracked(),
        ) {
            Some(mut settings) => {
                let Some(companions) = read_companions(
                    &companion_count.get_untracked(),
                    &companion_lift.get_untracked(),
                ) else {
                    invalid.set(true);
                    return;
                };
                settings.companions = companions;
                invalid.set(false);
                mine(
                    state,
                    settings,
                    t(lang.get_untracked(), T::MiningJob).to_string(),
                );
            }
            None => invalid.set(true),
        }
    };
    let input = |signal: RwSignal<String>| move |ev| signal.set(event_target_value(&ev));

    view! {
        <form class="basket-settings" on:submit=submit data-testid="basket-settings">
            <fieldset>
                <legend>{move || t(lang.get(), T::SourceHeading)}</legend>
                <div class="fields">
                    <label class="field">
                        <span>{move || t(lang.get(), T::Shape)}</span>
                        <select
                            data-testid="basket-shape"
                            prop:value=move || shape_value(state.source.with(|s| s.shape))
                            on:change=move |ev| {
                                let shape = match event_target_value(&ev).as_str() {
                                    "lines" => Some(BasketShape::LinePerBasket),
                                    "orders" => Some(BasketShape::OrderLines),
                                    "onehot" => Some(BasketShape::OneHot),
                                    _ => None,
                                };
                                state.source.update(|s| s.shape = shape);
                            }
                        >
                            <option value="">{move || t(lang.get(), T::ShapeAuto)}</option>
                            <option value="lines">{move || t(lang.get(), T::ShapeLines)}</option>
                            <option value="orders">{move || t(lang.get(), T::ShapeOrders)}</option>
                            <option value="onehot">{move || t(lang.get(), T::ShapeOneHot)}</option>
                        </select>
                    </label>
                    <Show when=is_orders>
                        {column_select(
                            T::BasketColumn,
                            "basket-column",
                            T::Detected,
                            |s| s.basket_columns.first().cloned(),
                            |s, v| s.basket_columns = v.into_iter().collect(),
                        )}
                        {column_select(
                            T::ItemColumn,
                            "item-column",
                            T::Detected,
                            |s| s.item_column.clone(),
                            |s, v| s.item_column = v,
                        )}
                        {column_select(
                            T::QuantityColumn,
                            "quantity-column",
                            T::NoColumn,
                            |s| s.quantity_column.clone(),
                            |s, v| s.quantity_column = v,
                        )}
                        {column_select(
                            T::PriceColumn,
                            "price-column",
                            T::NoColumn,
                            |s| s.price_column.clone(),
                            |s, v| s.price_column = v,
                        )}
                    </Show>
                </div>
                <div class="field wide exclusions" role="group" aria-labelledby="exclusions-label">
                    <span id="exclusions-label">{move || t(lang.get(), T::ExcludeItems)}</span>
                    {chips}
                    <span class="pair">
                        <input
                            type="text"
                            data-testid="exclusion-input"
                            aria-label=move || t(lang.get(), T::AddExclusion)
                            placeholder=move || t(lang.get(), T::AddExclusion)
                            prop:value=typed
                            on:input=move |ev| typed.set(event_target_value(&ev))
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                // Enter adds the item instead of submitting the search.
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    add_typed();
                                }
                            }
                        />
                        <button
                            type="button"
                            class="button small"
                            data-testid="add-exclusion"
                            on:click=move |_| add_typed()
                        >
                            {move || t(lang.get(), T::AddButton)}
                        </button>
                    </span>
                    <span class="hint">{move || t(lang.get(), T::ExcludeHint)}</span>
                </div>
                {suggestions}
                <label class="field check">
                    <input
                        type="checkbox"
                        data-testid="drop-empty-baskets"
                        prop:checked=move || state.source.with(|s| s.drop_empty_baskets)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.source.update(|s| s.drop_empty_baskets = on);
                        }
                    />
                    <span>{move || t(lang.get(), T::DropEmptyBaskets)}</span>
                </label>
                {report}
            </fieldset>
            <fieldset>
                <legend>{move || t(lang.get(), T::SearchHeading)}</legend>
                <div class="fields">
                    <label class="field">
                        <span>{move || t(lang.get(), T::Algorithm)}</span>
                        <select data-testid="algorithm" prop:value=algorithm on:change=input(algorithm)>
                            <option value="fpgrowth">"FP-Growth"</option>
                            <option value="apriori">"Apriori"</option>
                            <option value="eclat">"Eclat"</option>
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::MinSupport)}</span>
                        <span class="pair">
                            <input
                                type="text"
                                inputmode="decimal"
                                data-testid="min-support"
                                prop:value=support
                                on:input=input(support)
                            />
                            <select data-testid="support-unit" prop:value=unit on:change=input(unit)>
                                <option value="fraction">{move || t(lang.get(), T::UnitFraction)}</option>
                                <option value="count">{move || t(lang.get(), T::UnitCount)}</option>
                            </select>
                        </span>
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::MinConfidence)}</span>
                        <input
                            type="text"
                            inputmode="decimal"
                            data-testid="min-confidence"
                            prop:value=confidence
                            on:input=input(confidence)
                        />
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::MinLift)}</span>
                        <input
                            type="text"
                            inputmode="decimal"
                            data-testid="min-lift"
                            placeholder=move || t(lang.get(), T::NoLimit)
                            prop:value=lift
                            on:input=input(lift)
                        />
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::MaxLen)}</span>
                        <input
                            type="text"
                            inputmode="numeric"
                            data-testid="max-len"
                            placeholder=move || t(lang.get(), T::NoLimit)
                            prop:value=max_len
                            on:input=input(max_len)
                        />
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::Target)}</span>
                        <select data-testid="target" prop:value=target on:change=input(target)>
                            <option value="all">{move || ItemsetKind::All.label(lang.get())}</option>
                            <option value="closed">{move || ItemsetKind::Closed.label(lang.get())}</option>
                            <option value="maximal">{move || ItemsetKind::Maximal.label(lang.get())}</option>
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::CompanionMinSupport)}</span>
                        <input
                            type="text"
                            inputmode="numeric"
                            data-testid="companion-min-count"
                            prop:value=companion_count
                            on:input=input(companion_count)
                        />
                    </label>
                    <label class="field">
                        <span>{move || t(lang.get(), T::CompanionMinLift)}</span>
                        <input
                            type="text"
                            inputmode="decimal"
                            data-testid="companion-min-lift"
                            prop:value=companion_lift
                            on:input=input(companion_lift)
                        />
                    </label>
                </div>
                <p class="hint" data-testid="support-hint">{hint}</p>
                <Show when=move || invalid.get()>
                    <p class="notice warning" role="alert" data-testid="settings-invalid">
                        {move || t(lang.get(), T::BadNumber)}
                    </p>
                </Show>
                <button type="submit" class="button primary" data-testid="mine">
                    {move || t(lang.get(), T::Mine)}
                </button>
            </fieldset>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions_are_added_once_trimmed() {
        let names = with_exclusion(Vec::new(), " NONE ");
        let names = with_exclusion(names, "MUG, BLUE");
        let names = with_exclusion(names, "NONE");
        let names = with_exclusion(names, "  ");
        assert_eq!(names, ["NONE", "MUG, BLUE"]);
    }

    #[test]
    fn companion_floors_read_back_as_typed() {
        for (count, lift) in [("5", "1"), ("12", "1.5"), ("1", "0")] {
            let params = read_companions(count, lift).unwrap();
            assert_eq!(companion_values(&params), [count, lift].map(String::from));
        }
        assert!(read_companions("0", "1").is_none());
        assert!(read_companions("5", "-1").is_none());
        assert!(read_companions("x", "1").is_none());
    }

    #[test]
    fn kept_settings_fill_the_form_as_typed() {
        let cases = [
            ["apriori", "0.02", "fraction", "0.6", "1.5", "3", "closed"],
            ["fpgrowth", "12", "count", "0", "", "", "all"],
            ["eclat", "1", "fraction", "1", "0", "1", "maximal"],
        ];
        for case in cases {
            let settings = read_settings(
                case[0], case[1], case[2], case[3], case[4], case[5], case[6],
            )
            .unwrap();
            assert_eq!(form_values(&settings), case.map(String::from));
        }
    }
}
