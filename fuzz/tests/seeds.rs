//! The fuzz targets' checks, without the fuzzer, on a stable toolchain: on every seed (in
//! `seeds/<target>/`) and every prefix of each, as `cargo test --manifest-path
//! fuzz/Cargo.toml`; and, with `-- --ignored`, on the corpus the fuzzer has grown (in
//! `corpus/<target>/`), which can hold tens of thousands of inputs.

use std::fs;
use std::path::Path;

fn inputs(dir: &str, target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| fs::read(&path).unwrap())
        .collect()
}

/// Runs `check` on every input of `dir/target` and on every prefix of each (a truncated body
/// is the commonest malformed body).
fn run(dir: &str, target: &str, check: fn(&[u8])) {
    let inputs = inputs(dir, target);
    assert!(!inputs.is_empty(), "nothing in {dir}/{target}");
    // A debug build of syn's recursive parser needs more than a test thread's 2 MiB for the
    // nesting `expand` allows (see `MAX_NESTING`); the compiler's own thread has 8 MiB.
    let (count, runs) = std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(move || {
            let mut runs = 0usize;
            for input in &inputs {
                for end in 0..=input.len() {
                    check(&input[..end]);
                    runs += 1;
                }
            }
            (inputs.len(), runs)
        })
        .unwrap()
        .join()
        .unwrap();
    eprintln!("{dir}/{target}: {count} inputs, {runs} runs");
}

#[test]
fn parse_body() {
    run("seeds", "parse_body", stytch_errors_fuzz::parse_body);
}

#[test]
fn write_body() {
    run("seeds", "write_body", stytch_errors_fuzz::write_body);
}

#[test]
fn expand() {
    run("seeds", "expand", stytch_errors_fuzz::expand);
}

#[test]
#[ignore = "the fuzzer's corpus: run with `-- --ignored` after fuzzing"]
fn corpus_parse_body() {
    run("corpus", "parse_body", stytch_errors_fuzz::parse_body);
}

#[test]
#[ignore = "the fuzzer's corpus: run with `-- --ignored` after fuzzing"]
fn corpus_write_body() {
    run("corpus", "write_body", stytch_errors_fuzz::write_body);
}

#[test]
#[ignore = "the fuzzer's corpus: run with `-- --ignored` after fuzzing"]
fn corpus_expand() {
    run("corpus", "expand", stytch_errors_fuzz::expand);
}
