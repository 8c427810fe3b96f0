//! Benchmarks of stytch-errors: the library target is empty; the benchmarks are in
//! `benches/errors.rs`, their inputs in `catalogs/` (written by `gen_catalog.py`), and
//! their figures in `BENCHMARKS.md` at the root of the repository.
//!
//! ```sh
//! cargo bench -p stytch-errors-benches
//! ```
