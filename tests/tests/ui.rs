//! Compile-time behaviour of `#[derive(ApiError)]`: each `tests/ui/fail/<rule>-<case>.rs`
//! breaks one rule and its `.stderr` is the exact diagnostic; each `tests/ui/pass/*.rs` must
//! compile and run.

#[test]
fn ui() {
    // Absolute paths, so that the `.stderr` files name the case without line numbers: a case
    // can gain a line without its expected output changing.
    let t = trybuild::TestCases::new();
    t.pass(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui/pass/*.rs"));
    t.compile_fail(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ui/fail/*.rs"));
    // The cases that need the framework integrations: a mistaken catalog used by handlers
    // and layers of both frameworks adds no error of theirs. (Without the features the
    // handlers do add their `Handler<_, _>` errors, as they did before the derive's stubs
    // implemented the framework traits.)
    #[cfg(all(feature = "axum", feature = "actix-web"))]
    t.compile_fail(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/ui-frameworks/*.rs"
    ));
}
