//! Texts of the "Download job" control every analysis shows, in Simplified Chinese and
//! English (same pattern as the parent module: one key, both languages side by side, a test
//! that every key is translated).

use shoplens_core::Lang;

/// A user-visible text of the "Download job" control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobText {
    /// The button.
    DownloadJob,
    /// Its tooltip: what the file is for.
    DownloadJobHint,
    /// Shown when the spec could not be made.
    DownloadJobFailed,
}

fn pair(key: JobText) -> (&'static str, &'static str) {
    match key {
        JobText::DownloadJob => ("下载任务", "Download job"),
        JobText::DownloadJobHint => (
            "把这次分析的参数（含自动选定的默认值）存为 JSON；用 shoplens run 任务.json 文件 可在命令行得到同样的结果。",
            "Save this analysis's settings (defaults included) as JSON; shoplens run JOB.json FILE gives the same result on the command line.",
        ),
        JobText::DownloadJobFailed => ("无法生成任务文件：", "Could not make the job file: "),
    }
}

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: JobText) -> &'static str {
    let (zh, en) = pair(key);
    lang.pick(zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        crate::i18n::assert_translated(
            &[
                JobText::DownloadJob,
                JobText::DownloadJobHint,
                JobText::DownloadJobFailed,
            ],
            pair,
            &[],
        );
    }
}
