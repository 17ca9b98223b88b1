//! The task pages and the [`Page`] enum that routes to them.
//!
//! Routing uses the URL fragment (`#data`, `#baskets`...) so the app works from any static
//! host and under any sub-path without server rewrites. A page that is not built yet shows
//! [`coming_soon::ComingSoon`]; building one means adding its component and a match arm in
//! [`PageView`].

pub mod baskets;
pub mod coming_soon;
pub mod customers;
pub mod data;
mod data_understanding;

pub use data::restore_last_session;
pub mod models;
pub mod operations;
pub mod products;

use leptos::prelude::*;
use shoplens_core::Lang;

use crate::state::use_app_state;

/// A task page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Page {
    /// Load and inspect a file.
    #[default]
    Data,
    /// Frequent itemsets and association rules.
    Baskets,
    /// Predictive models.
    Models,
    /// Customer segmentation.
    Customers,
    /// Operations: inventory, routes, budgets.
    Operations,
    /// Products: ABC/XYZ classes and recommendations.
    Products,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 6] = [
        Page::Data,
        Page::Baskets,
        Page::Models,
        Page::Customers,
        Page::Products,
        Page::Operations,
    ];

    /// The page's name in the navigation.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Page::Data => lang.pick("数据", "Data"),
            Page::Baskets => lang.pick("购物篮分析", "Baskets"),
            Page::Models => lang.pick("预测模型", "Models"),
            Page::Customers => lang.pick("客户分群", "Customers"),
            Page::Operations => lang.pick("运营优化", "Operations"),
            Page::Products => lang.pick("商品", "Products"),
        }
    }

    /// The URL fragment naming the page, without `#`.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Data => "data",
            Page::Baskets => "baskets",
            Page::Models => "models",
            Page::Customers => "customers",
            Page::Operations => "operations",
            Page::Products => "products",
        }
    }

    /// The page a URL fragment (with or without `#`) names; the Data page for anything else.
    pub fn from_hash(hash: &str) -> Page {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Page::ALL
            .into_iter()
            .find(|page| page.slug() == slug)
            .unwrap_or_default()
    }
}

/// Shows the current page.
#[component]
pub fn PageView() -> impl IntoView {
    let state = use_app_state();
    move || match state.page.get() {
        Page::Data => view! { <data::DataPage /> }.into_any(),
        Page::Baskets => view! { <baskets::BasketsPage /> }.into_any(),
        Page::Models => view! { <models::ModelsPage /> }.into_any(),
        Page::Customers => view! { <customers::CustomersPage /> }.into_any(),
        Page::Operations => view! { <operations::OperationsPage /> }.into_any(),
        Page::Products => view! { <products::ProductsPage /> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_route_to_pages() {
        for page in Page::ALL {
            assert_eq!(Page::from_hash(&format!("#{}", page.slug())), page);
        }
        assert_eq!(Page::from_hash(""), Page::Data);
        assert_eq!(Page::from_hash("#/models"), Page::Models);
        assert_eq!(Page::from_hash("#nonsense"), Page::Data);
    }

    #[test]
    fn page_names_exist_in_both_languages() {
        for page in Page::ALL {
            assert_ne!(page.label(Lang::Zh), page.label(Lang::En));
        }
        assert_eq!(Page::Baskets.label(Lang::Zh), "购物篮分析");
    }
}
