//! Compile-time behaviour of `#[derive(ApiError)]`: each `tests/ui/<rule>-<case>.rs` breaks
//! one rule and its `.stderr` is the exact diagnostic; each `tests/ui/ok-*.rs` must compile
//! and run.

use std::path::PathBuf;

fn cases(pass: bool) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
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
    // The cases of handlers (`handlers-*`) check the stubs of the framework traits, which
    // exist with the `axum` and `actix-web` features only.
    let frameworks = cfg!(all(feature = "axum", feature = "actix-web"));
    for case in &fail {
        let of_handlers = case
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with("handlers-"));
        if frameworks || !of_handlers {
            t.compile_fail(case);
        }
    }
}
