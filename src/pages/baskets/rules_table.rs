//! The rules table: sortable by any measure, filtered by whole item names, virtualised
//! (only the rows in view are in the DOM, so 50,000 rules scroll smoothly); the selected
//! rule's measures and the baskets behind it.
//!
//! It opens with four plain columns — the items bought together, the share of baskets
//! holding them, how often the consequent is bought when the antecedent is (confidence,
//! as a percentage like every share on the page) and the lift — and a toggle adds the
//! measures an analyst asks for. Rows are focusable: Enter or Space selects one, as a
//! click does.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use shoplens_core::basket::{Measure, Rule};

use super::item_search::ItemQuery;
use super::{rule_names, rule_text, use_baskets, BasketsState};
use crate::components::format::{grouped, share};
use crate::components::JobPanel;
use crate::i18n::baskets::{self as text, t, BasketText as T};
use crate::state::use_app_state;
use crate::worker::page::task::{cancel_task, run_task};
use crate::worker::protocol::baskets::{BasketJob, BasketOutput, Mined};
use crate::worker::protocol::{Job, Output};

/// Height of a row in CSS pixels (fixed in `style/baskets.css`).
const ROW_HEIGHT: f64 = 30.0;
/// Height of the scrolling area (as in the stylesheet).
const VIEW_HEIGHT: f64 = 480.0;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;

/// The plain measure columns, always shown.
const PLAIN: [Measure; 3] = [Measure::Support, Measure::Confidence, Measure::Lift];

/// The advanced measure columns, shown with the "Advanced measures" toggle.
const ADVANCED: [Measure; 7] = [
    Measure::Count,
    Measure::Leverage,
    Measure::Conviction,
    Measure::Zhang,
    Measure::Jaccard,
    Measure::Kulczynski,
    Measure::Certainty,
];

/// A cell's text: shares of baskets and confidence as percentages ([`share`]), lift to
/// two decimals, counts grouped, revenue to cents, the other measures to 4 decimals; an
/// undefined conviction is infinite (confidence 1).
pub(super) fn cell(measure: Measure, rule: &Rule) -> String {
    match (measure, measure.value(rule)) {
        (Measure::Count, _) => grouped(rule.count),
        (Measure::Support | Measure::Confidence, Some(v)) => share(v),
        (Measure::Lift | Measure::Revenue, Some(v)) => format!("{v:.2}"),
        (_, Some(v)) => format!("{v:.4}"),
        (Measure::Conviction, None) => "∞".into(),
        (_, None) => "—".into(),
    }
}

/// A column's heading: plain words for the plain measures.
fn heading(measure: Measure, lang: shoplens_core::Lang) -> &'static str {
    match measure {
        Measure::Support => t(lang, T::ShareOfBaskets),
        Measure::Confidence => t(lang, T::HowOften),
        _ => measure.label(lang),
    }
}

/// Rule indices matching `query` (an item of the rule is the whole query, or every word is
/// a whole word of an item of the rule; see [`ItemQuery`]) and, when given, among `only`
/// (a grouped-matrix cell's rules), ranked by `measure` (`descending` or not).
fn ordered(
    mined: &Mined,
    query: &str,
    only: Option<&[u32]>,
    measure: Measure,
    descending: bool,
) -> Vec<u32> {
    let mut allowed = vec![only.is_none(); mined.rules.len()];
    for &i in only.unwrap_or_default() {
        if let Some(a) = allowed.get_mut(i as usize) {
            *a = true;
        }
    }
    let query = ItemQuery::new(query);
    // Which items are the whole query, and which hold each word, computed once rather
    // than per rule.
    let whole: Vec<bool> = if query.is_empty() {
        Vec::new()
    } else {
        mined
            .items
            .iter()
            .map(|i| i.trim().to_lowercase() == query.whole())
            .collect()
    };
    let matching: Vec<Vec<bool>> = (0..query.word_count())
        .map(|w| {
            mined
                .items
                .iter()
                .map(|i| query.word_matches(w, i))
                .collect()
        })
        .collect();
    let holds = |r: &Rule, m: &[bool]| {
        r.antecedent
            .iter()
            .chain(&r.consequent)
            .any(|&i| m.get(i as usize).copied().unwrap_or(false))
    };
    let rows: Vec<u32> = mined
        .rules
        .iter()
        .enumerate()
        .filter(|&(i, _)| allowed[i])
        .filter(|(_, r)| {
            query.is_empty()
                || holds(r, &whole)
                || (!matching.is_empty() && matching.iter().all(|m| holds(r, m)))
        })
        .map(|(i, _)| i as u32)
        .collect();
    // Each rule's value read once, next to its index: sorting these pairs touches no rule.
    // Ties go by index, so the order is total and an unstable sort gives the only answer.
    let mut keyed: Vec<(f64, u32)> = rows
        .into_iter()
        .map(|i| (measure.rank_value(&mined.rules[i as usize]), i))
        .collect();
    keyed.sort_unstable_by(|&(va, a), &(vb, b)| {
        let order = va.total_cmp(&vb);
        let order = if descending { order.reverse() } else { order };
        order.then(a.cmp(&b))
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The table, with its search box, and the selected rule below.
#[component]
pub fn RulesTable(mined: Arc<Mined>) -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new((Measure::Lift, true));
    let scroll_top = RwSignal::new(0.0f64);
    let scroller = NodeRef::<html::Div>::new();
    let with_revenue = mined.rules.iter().any(|r| r.revenue.is_some());
    let advanced = RwSignal::new(false);
    let columns = Memo::new(move |_| {
        let mut columns: Vec<Measure> = PLAIN.to_vec();
        if advanced.get() {
            columns.extend(ADVANCED);
            columns.extend(with_revenue.then_some(Measure::Revenue));
        }
        columns
    });
    let total = mined.rules.len();

    let data = mined.clone();
    let rows = Memo::new(move |_| {
        let (measure, descending) = sort.get();
        state.cell.with(|cell| {
            let only = cell.as_ref().map(|(_, f)| f.rules.as_slice());
            Arc::new(ordered(&data, &query.get(), only, measure, descending))
        })
    });
    // Back to the top when the order or the filter changes. Not on the first run: a new
    // table starts at the top, and setting scrollTop forces a layout of the whole page in
    // the task that received the results (160 ms with 50,000 rules).
    Effect::new(move |seen: Option<()>| {
        rows.track();
        if seen.is_some() {
            if let Some(div) = scroller.get_untracked() {
                div.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });

    let window = move || {
        let n = rows.with(|r| r.len());
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let count = (VIEW_HEIGHT / ROW_HEIGHT) as usize + 2 * OVERSCAN;
        (first.min(n), (first + count).min(n), n)
    };

    let headers = move || {
        columns
            .get()
            .into_iter()
            .map(|m| {
                let mark = move || match sort.get() {
                    (s, true) if s == m => " ▼",
                    (s, false) if s == m => " ▲",
                    _ => "",
                };
                let aria = move || match sort.get() {
                    (s, true) if s == m => "descending",
                    (s, false) if s == m => "ascending",
                    _ => "none",
                };
                view! {
                    <th class="num" aria-sort=aria>
                        <button
                            type="button"
                            class="sort"
                            data-testid=format!("sort-{}", m.name())
                            on:click=move |_| {
                                sort.update(|(s, d)| {
                                    if *s == m {
                                        *d = !*d;
                                    } else {
                                        *s = m;
                                        *d = true;
                                    }
                                })
                            }
                        >
                            {move || heading(m, lang.get())}
                            {mark}
                        </button>
                    </th>
                }
            })
            .collect_view()
    };

    let body_data = mined.clone();
    let body = move || {
        let (first, last, n) = window();
        let order = rows.get();
        let body_columns = columns.get();
        let visible = order[first..last]
            .iter()
            .map(|&i| {
                let i = i as usize;
                let rule = &body_data.rules[i];
                let (a, c) = rule_names(&body_data, i);
                let (a, c) = (a.join(", "), c.join(", "));
                let together = format!("{a} → {c}");
                let cells = body_columns
                    .iter()
                    .map(|&m| {
                        view! { <td class=format!("num {}", m.name())>{cell(m, rule)}</td> }
                    })
                    .collect_view();
                // Selection is read per row, so selecting does not re-render the rows
                // (which would drop the keyboard focus).
                let selected = move || state.selected.get() == Some(i);
                view! {
                    <tr
                        class="rule-row"
                        class:selected=selected
                        aria-selected=move || selected().to_string()
                        tabindex="0"
                        data-testid="rule-row"
                        on:click=move |_| state.selected.set(Some(i))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                state.selected.set(Some(i));
                            }
                        }
                    >
                        <td class="items together" title=together>
                            <span class="antecedent">{a}</span>
                            " → "
                            <span class="consequent">{c}</span>
                        </td>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let top = format!("{}px", first as f64 * ROW_HEIGHT);
        let bottom = format!("{}px", (n - last) as f64 * ROW_HEIGHT);
        view! {
            <tr class="spacer" aria-hidden="true" style:height=top></tr>
            {visible}
            <tr class="spacer" aria-hidden="true" style:height=bottom></tr>
        }
    };

    let shown = move || {
        text::showing(
            lang.get(),
            &grouped(rows.with(|r| r.len()) as u64),
            &grouped(total as u64),
        )
    };
    let empty = total == 0;

    view! {
        <section class="rules" data-testid="rules">
            <h2>{move || t(lang.get(), T::RulesHeading)}</h2>
            {if empty {
                view! {
                    <p class="notice" data-testid="no-rules">{move || t(lang.get(), T::NoRules)}</p>
                }
                    .into_any()
            } else {
                view! {
                    <div class="rules-tools">
                        <input
                            type="search"
                            data-testid="rule-search"
                            placeholder=move || t(lang.get(), T::SearchItems)
                            aria-label=move || t(lang.get(), T::SearchItems)
                            prop:value=query
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                        <span class="count" data-testid="rules-shown">{shown}</span>
                        <label class="check">
                            <input
                                type="checkbox"
                                data-testid="advanced-measures"
                                prop:checked=advanced
                                on:change=move |ev| advanced.set(event_target_checked(&ev))
                            />
                            <span>{move || t(lang.get(), T::AdvancedMeasures)}</span>
                        </label>
                        <span class="note">{move || t(lang.get(), T::ClickHint)}</span>
                    </div>
                    {move || {
                        state
                            .cell
                            .with(|c| c.as_ref().map(|(_, f)| f.clone()))
                            .map(|filter| {
                                view! {
                                    <p class="cell-filter" data-testid="cell-filter">
                                        <span data-testid="cell-filter-label">
                                            {move || text::filtered(lang.get(), &filter.label(lang.get()))}
                                        </span>
                                        " "
                                        <button
                                            type="button"
                                            class="button small"
                                            data-testid="clear-cell-filter"
                                            on:click=move |_| state.cell.set(None)
                                        >
                                            {move || t(lang.get(), T::ClearFilter)}
                                        </button>
                                    </p>
                                }
                            })
                    }}
                    <div
                        class="rules-scroll"
                        node_ref=scroller
                        data-testid="rules-scroll"
                        on:scroll=move |_| {
                            if let Some(div) = scroller.get_untracked() {
                                scroll_top.set(f64::from(div.scroll_top()));
                            }
                        }
                    >
                        <table class="rules-table" data-testid="rules-table">
                            <thead>
                                <tr>
                                    <th>{move || t(lang.get(), T::BoughtTogether)}</th>
                                    {headers}
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
            <SelectedRule mined=mined />
        </section>
    }
}

/// The selected rule: every measure, and on request the baskets behind it.
#[component]
fn SelectedRule(mined: Arc<Mined>) -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    let cancel = Callback::new(move |()| cancel_task(state.behind_job));
    move || {
        let i = state.selected.get()?;
        let rule = mined.rules.get(i)?.clone();
        let title = rule_text(&mined, i);
        let (a, c) = rule_names(&mined, i);
        let mut items: Vec<String> = a.iter().chain(&c).map(|s| s.to_string()).collect();
        items.sort();
        let measures = shoplens_core::basket::MEASURES
            .into_iter()
            .filter(|m| *m != Measure::Revenue || rule.revenue.is_some())
            .map(|m| {
                let value = cell(m, &rule);
                view! {
                    <div class="measure">
                        <dt>{move || heading(m, lang.get())}</dt>
                        <dd data-testid=format!("selected-{}", m.name())>{value}</dd>
                    </div>
                }
            })
            .collect_view();
        let ask = items.clone();
        Some(view! {
            <div class="selected-rule" data-testid="selected-rule">
                <h3>
                    {move || t(lang.get(), T::SelectedRule)} ": "
                    <span data-testid="selected-title">{title}</span>
                </h3>
                <dl class="measures">{measures}</dl>
                <button
                    type="button"
                    class="button"
                    data-testid="show-baskets"
                    on:click=move |_| show_behind(state, ask.clone(), t(lang.get_untracked(), T::BehindJob))
                >
                    {move || t(lang.get(), T::ShowBaskets)}
                </button>
                <JobPanel on_cancel=cancel job=state.behind_job />
                <BehindList items=items />
            </div>
        })
    }
}

fn show_behind(state: BasketsState, items: Vec<String>, name: &str) {
    let source = state.source.get_untracked();
    let behind = state.behind;
    run_task(
        Job::Baskets(BasketJob::Behind { source, items }),
        name.to_string(),
        state.behind_job,
        move |output| {
            if let Output::Baskets(BasketOutput::Behind(b)) = output {
                behind.set(Some(b));
            }
        },
    );
}

/// The baskets found for `items` (shown only when they are the current rule's).
#[component]
fn BehindList(items: Vec<String>) -> impl IntoView {
    let lang = use_app_state().lang;
    let state = use_baskets();
    move || {
        let behind = state.behind.get().filter(|b| {
            let mut asked = b.items.clone();
            asked.sort();
            asked == items
        })?;
        let count = text::behind(
            lang.get(),
            &grouped(behind.total as u64),
            &grouped(behind.baskets.len() as u64),
        );
        let marked = items.clone();
        let rows = behind
            .baskets
            .into_iter()
            .map(|(number, names)| {
                let cells = names
                    .into_iter()
                    .map(|n| {
                        if marked.contains(&n) {
                            view! { <mark>{n}</mark> }.into_any()
                        } else {
                            view! { <span>{n}</span> }.into_any()
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-testid="behind-row">
                        <td class="num">{number}</td>
                        <td class="basket-items">{cells}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="behind" data-testid="behind" tabindex="0">
                <p>{count}</p>
                <table class="behind-table">
                    <thead>
                        <tr>
                            <th>{move || t(lang.get(), T::BasketNumber)}</th>
                            <th>{move || t(lang.get(), T::BasketItems)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::worker::protocol::baskets::BasketOutput;

    /// Sorting pairs of (value, index) ranks the rules exactly as comparing the rules
    /// themselves does, ties by index, in both directions and with a filter.
    #[test]
    fn ranks_as_comparing_rules_does() {
        let Output::Baskets(BasketOutput::Mined(mined)) =
            crate::worker::protocol::baskets::tests::searched()
        else {
            unreachable!()
        };
        let only: Vec<u32> = (0..mined.rules.len() as u32).step_by(3).collect();
        for measure in [
            Measure::Lift,
            Measure::Confidence,
            Measure::Count,
            Measure::Conviction,
        ] {
            for descending in [true, false] {
                for only in [None, Some(only.as_slice())] {
                    let mut expected: Vec<u32> = match only {
                        Some(only) => only.to_vec(),
                        None => (0..mined.rules.len() as u32).collect(),
                    };
                    expected.sort_by(|&a, &b| {
                        let (ra, rb) = (&mined.rules[a as usize], &mined.rules[b as usize]);
                        let order = measure.rank_value(ra).total_cmp(&measure.rank_value(rb));
                        let order = if descending { order.reverse() } else { order };
                        order.then(a.cmp(&b))
                    });
                    let got = ordered(&mined, "", only, measure, descending);
                    assert_eq!(got, expected, "{measure:?} {descending}");
                }
            }
        }
        // Ties exist, so the index order among them is checked.
        let counts: std::collections::HashSet<u64> = mined.rules.iter().map(|r| r.count).collect();
        assert!(counts.len() < mined.rules.len());
    }
}
