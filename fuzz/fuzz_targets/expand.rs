//! Fuzz target: see `stytch_errors_fuzz::expand`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| stytch_errors_fuzz::expand(data));
