//! The fuzz targets' checks on the seed corpus and on any corpus the fuzzer has grown (in
//! `corpus/<target>/`), and on every prefix of each: runs on a stable toolchain, without the
//! fuzzer, as `cargo test --manifest-path fuzz/Cargo.toml`.

use std::fs;
use std::path::Path;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    for dir in [
        root.join("seeds").join(target),
        root.join("corpus").join(target),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() {
                inputs.push(fs::read(&path).unwrap());
            }
        }
    }
    inputs
}

fn run(target: &str, check: fn(&[u8])) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no seeds for {target}");
    // A debug build of syn's recursive parser needs more than a test thread's 2 MiB for the
    // nesting `expand` allows (see `MAX_NESTING`); the compiler's own thread has 8 MiB.
    let runs = std::thread::Builder::new()
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
    eprintln!("{target}: {} inputs, {} runs", runs.0, runs.1);
}

#[test]
fn parse_body() {
    run("parse_body", stytch_errors_fuzz::parse_body);
}

#[test]
fn write_body() {
    run("write_body", stytch_errors_fuzz::write_body);
}

#[test]
fn expand() {
    run("expand", stytch_errors_fuzz::expand);
}
