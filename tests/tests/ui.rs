//! Compile-time behaviour of `#[derive(ApiError)]`: each `tests/ui/<rule>-<case>.rs` breaks
//! one rule and its `.stderr` is the exact diagnostic; each `tests/ui/ok-*.rs` must compile
//! and run.

use std::path::PathBuf;

fn cases(pass: bool) -> Vec<PathBuf> {
    cases_in("tests/ui", pass)
}

fn cases_in(dir: &str, pass: bool) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/ui exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or_default();
            name.starts_with("ok-") == pass
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn ui() {
    let pass = cases(true);
    let fail = cases(false);
    assert!(
        pass.len() >= 8 && fail.len() >= 25,
        "the UI cases are missing"
    );
    let t = trybuild::TestCases::new();
    for case in &pass {
        t.pass(case);
    }
    for case in &fail {
        t.compile_fail(case);
    }
    // The cases that need the framework integrations: a mistaken catalog used by handlers
    // and layers of both frameworks adds no error of theirs. (Without the features the
    // handlers do add their `Handler<_, _>` errors, as they did before the derive's stubs
    // implemented the framework traits.)
    #[cfg(all(feature = "axum", feature = "actix-web"))]
    for case in cases_in("tests/ui-frameworks", false) {
        t.compile_fail(case);
    }
}
