//! Reusable pieces of the interface. Each takes typed props and draws; none runs a kernel.

mod column_table;
pub mod download;
mod drop_zone;
pub mod fact;
mod file_facts;
pub mod format;
mod header;
mod job_download;
mod job_panel;
mod preview_table;
mod privacy_panel;
mod read_settings;
pub mod report;
pub mod samples;
mod sessions_panel;
pub mod text_file;

pub use column_table::ColumnTable;
pub use drop_zone::DropZone;
pub use file_facts::FileFacts;
pub use header::Header;
pub use job_download::DownloadJob;
pub use job_panel::JobPanel;
pub use preview_table::PreviewTable;
pub use privacy_panel::PrivacyPanel;
pub use read_settings::ReadSettings;
pub use samples::{SamplePicker, TrySample};
pub use sessions_panel::SessionsPanel;
