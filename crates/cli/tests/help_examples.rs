//! Every example command that `shoplens --help` lists runs from the root of the checkout
//! and succeeds, and every subcommand has one.

use std::path::PathBuf;
use std::process::Command;

fn help() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .arg("--help")
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8 help")
}

/// The example lines: `  shoplens …`, split into words after `shoplens`.
fn examples(help: &str) -> Vec<Vec<String>> {
    help.lines()
        .filter_map(|line| line.strip_prefix("  shoplens "))
        .map(|rest| rest.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// The subcommands in the help's "Commands:" list (without `help`).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next().map(str::to_string))
        .filter(|name| name != "help")
        .collect()
}

#[test]
fn every_subcommand_has_an_example() {
    let help = help();
    let listed = examples(&help);
    let commands = subcommands(&help);
    assert!(commands.len() >= 10, "{commands:?}");
    for command in &commands {
        assert!(
            listed.iter().any(|words| words.first() == Some(command)),
            "no example for `shoplens {command}` in --help"
        );
    }
}

#[test]
fn every_example_runs_from_the_checkout() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let listed = examples(&help());
    assert!(!listed.is_empty());
    // In order: `predict` and `run` read the model and the job that the `fit` and
    // `compare` examples before them save.
    for words in listed {
        let out = Command::new(env!("CARGO_BIN_EXE_shoplens"))
            .args(&words)
            .current_dir(&root)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "shoplens {}: {}",
            words.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.is_empty(),
            "shoplens {} printed nothing",
            words.join(" ")
        );
    }
}
