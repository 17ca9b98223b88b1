//! Ctrl-C end to end: a real SIGINT sent to a running `shoplens route` stops the annealing at
//! its next step, prints the best routes found so far and exits with 130. The test waits for
//! the first `--progress` line (the run has started and the handler is installed) before it
//! signals, never for a time.
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use common::repo;

#[test]
fn ctrl_c_stops_a_long_route_search_with_the_best_plan_so_far() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shoplens"))
        .args([
            "--progress",
            "route",
            &repo("testdata/tsplib/berlin52.tsp"),
            // Far more levels than could finish: only the stop request ends this run.
            "--levels",
            "1000000000",
            "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let reading = thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).unwrap();
        text
    });
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut heard = String::new();
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        heard.push_str(&line);
        if line.contains(" of 1000000000 (") {
            break;
        }
        line.clear();
    }
    assert!(
        heard.contains(" of 1000000000 ("),
        "no progress line: {heard}"
    );

    let sent = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -INT {pid} failed");

    // A broken stop would run for days: a watchdog ends the child so the test fails instead
    // of hanging (the assertions below, not this limit, decide the result).
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = thread::spawn(move || {
        if finished.recv_timeout(Duration::from_secs(600)).is_err() {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    });
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    let _ = done.send(());
    watchdog.join().unwrap();
    heard.push_str(&rest);

    assert_eq!(status.code(), Some(130), "stderr: {heard}");
    assert!(heard.contains("stopping at the next step"), "{heard}");
    assert!(heard.contains("stopped by Ctrl-C"), "{heard}");
    let printed: serde_json::Value = serde_json::from_str(&reading.join().unwrap()).unwrap();
    let length = printed["length"].as_f64().unwrap();
    // berlin52's optimum is 7542; any tour of its 52 stops is longer than that.
    assert!(length >= 7542.0, "length {length}");
    let stops: usize = printed["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_array().unwrap().len())
        .sum();
    assert!(stops >= 52, "{stops} stops in {printed}");
}
