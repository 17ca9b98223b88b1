//! The shoplens web app (Leptos, client-side rendered, built by Trunk). Being built: issue 2.
