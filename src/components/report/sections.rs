//! Which analyses the report holds and where the app shows each one.
//!
//! Every kept result ([`crate::state::results`]) whose key [`section`] knows becomes one
//! section of the report: the report opens the section's page (and tab), reads the settings
//! form as a definition list and copies the result blocks. A new analysis gets its section
//! by adding one arm to [`section`].

use crate::i18n::report::ReportText;
use crate::pages::Page;

/// Where an analysis lives in the app, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The section's heading.
    pub title: ReportText,
    /// The page that shows the analysis.
    pub page: Page,
    /// The `data-testid` of the tab to open on that page, if the page has tabs.
    pub tab: Option<&'static str>,
    /// An element inside the settings form; the form is its nearest `form` or `section`
    /// (itself included).
    pub settings: Option<&'static str>,
    /// The blocks that show the result, copied in this order (missing ones are skipped).
    pub results: &'static [&'static str],
}

/// The section of the analysis kept under `key`, `None` for keys the report does not show.
pub fn section(key: &str) -> Option<Section> {
    use ReportText::*;
    Some(match key {
        "baskets.mine" => at(
            BasketsSection,
            Page::Baskets,
            None,
            "[data-testid=basket-settings]",
            &["[data-testid=baskets-results]"],
        ),
        "models.train" => at(
            ModelSection,
            Page::Models,
            None,
            "[data-testid=models-run]",
            &[
                "[data-testid=models-results]",
                "[data-testid=regression-charts]",
                "[data-testid=classification-charts]",
                "[data-testid=importance-section]",
            ],
        ),
        "models.compare" => at(
            CompareSection,
            Page::Models,
            None,
            "[data-testid=models-run]",
            &["section.card:has([data-testid=models-compare])"],
        ),
        "models.grid" => at(
            GridSection,
            Page::Models,
            None,
            "[data-testid=models-run]",
            &["section.card:has([data-testid=models-grid])"],
        ),
        "customers.rfm" => at(
            RfmSection,
            Page::Customers,
            Some("tab-rfm"),
            "[data-testid=rfm-run]",
            &["[data-testid=rfm-results]"],
        ),
        "customers.segments" => at(
            SegmentsSection,
            Page::Customers,
            Some("tab-segments"),
            "[data-testid=seg-run]",
            &["[data-testid=seg-results]"],
        ),
        "customers.churn" => at(
            ChurnSection,
            Page::Customers,
            Some("tab-churn"),
            "[data-testid=churn-run]",
            &["[data-testid=churn-results]"],
        ),
        "operations.forecast" => at(
            ForecastSection,
            Page::Operations,
            Some("tab-forecast"),
            "[data-testid=forecast-tab]",
            &["[data-testid=forecast-results]"],
        ),
        "operations.inventory" => at(
            InventorySection,
            Page::Operations,
            Some("tab-inventory"),
            "[data-testid=inventory-tab]",
            &["[data-testid=inventory-results]"],
        ),
        "operations.routes" => at(
            RoutesSection,
            Page::Operations,
            Some("tab-routes"),
            "[data-testid=routes-tab]",
            &["[data-testid=routes-results]"],
        ),
        "operations.budget" => at(
            BudgetSection,
            Page::Operations,
            Some("tab-budget"),
            "[data-testid=budget-tab]",
            &["[data-testid=budget-results]"],
        ),
        "customers.clv" => at(
            ClvSection,
            Page::Customers,
            Some("tab-clv"),
            "[data-testid=clv-run]",
            &["[data-testid=clv-results]"],
        ),
        "customers.cohort" => at(
            CohortSection,
            Page::Customers,
            Some("tab-cohorts"),
            "[data-testid=cohort-run]",
            &["[data-testid=cohort-results]"],
        ),
        "products.abc_xyz" => at(
            AbcXyzSection,
            Page::Products,
            None,
            "[data-testid=abc-run]",
            &["[data-testid=abc-results]"],
        ),
        "products.recommend" => at(
            RecommendSection,
            Page::Products,
            None,
            "[data-testid=rec-run]",
            &["[data-testid=rec-results]"],
        ),
        _ => return None,
    })
}

/// One section's description (a function, so each arm's list of blocks, whatever its
/// length, becomes a slice).
fn at(
    title: ReportText,
    page: Page,
    tab: Option<&'static str>,
    settings: &'static str,
    results: &'static [&'static str],
) -> Section {
    Section {
        title,
        page,
        tab,
        settings: Some(settings),
        results,
    }
}

/// The order sections appear in: by page, in the navigation's order, then by key.
pub fn ordered(keys: impl IntoIterator<Item = String>) -> Vec<(String, Section)> {
    let mut sections: Vec<(String, Section)> = keys
        .into_iter()
        .filter_map(|key| section(&key).map(|s| (key, s)))
        .collect();
    let rank = |page: Page| {
        Page::ALL
            .iter()
            .position(|&p| p == page)
            .unwrap_or(usize::MAX)
    };
    sections.sort_by(|a, b| rank(a.1.page).cmp(&rank(b.1.page)).then(a.0.cmp(&b.0)));
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kept_analysis_has_a_section_in_page_order() {
        let keys = [
            "operations.budget",
            "customers.rfm",
            "baskets.mine",
            "models.train",
            "nonsense",
        ];
        let got = ordered(keys.iter().map(|k| k.to_string()));
        let names: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "baskets.mine",
                "models.train",
                "customers.rfm",
                "operations.budget"
            ]
        );
        assert!(got.iter().all(|(_, s)| !s.results.is_empty()));
    }
}
