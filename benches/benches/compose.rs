//! Composed catalogs: `from_error_type`, `info_for` and `write_json` through transparent
//! variants, beside the wrapped catalog itself. A lookup in a composition is the enum's own
//! table, then each wrapped catalog's: its cost follows the number of levels and wrapped
//! variants, not the number of errors (164 or 1,000 here).
//!
//! Run with `cargo bench -p stytch-errors-benches --bench compose`.

use divan::{Bencher, black_box};
use stytch_errors::ApiError;

#[allow(dead_code, reason = "a catalog's variants are not all used here")]
#[rustfmt::skip]
#[path = "../catalogs/derive_1000.rs"]
mod derive_1000;
#[allow(dead_code, reason = "a catalog's variants are not all used here")]
#[rustfmt::skip]
#[path = "../catalogs/derive_164.rs"]
mod derive_164;

use derive_164::Catalog164;
use derive_1000::Catalog1000;

/// Two errors of its own and the 164 generated ones.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Wraps164 {
    /// Down.
    #[api_error(status = 503, message = "Down for maintenance.")]
    ComposedMaintenance,
    /// Gone.
    #[api_error(status = 410, message = "Gone.")]
    ComposedGone,
    /// The generated catalog's.
    #[api_error(transparent)]
    Catalog(Catalog164),
}

/// Two errors of its own and the 1,000 generated ones.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Wraps1000 {
    /// Down.
    #[api_error(status = 503, message = "Down for maintenance.")]
    ComposedMaintenance,
    /// Gone.
    #[api_error(status = 410, message = "Gone.")]
    ComposedGone,
    /// The generated catalog's.
    #[api_error(transparent)]
    Catalog(Catalog1000),
}

/// A third level: one error of its own around `Wraps1000`.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Deep1000 {
    /// Teapot.
    #[api_error(status = 418, message = "A teapot.")]
    ComposedTeapot,
    /// The level below.
    #[api_error(transparent)]
    Wraps(Wraps1000),
}

fn main() {
    divan::Divan::default()
        .sample_count(1000)
        .sample_size(1000)
        .config_with_args()
        .main();
}

const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// Every `error_type` of `E`'s catalog, from the middle on and then the rest, so that the
/// lookups cycle through own and wrapped entries alike.
fn error_types<E: ApiError>() -> Vec<&'static str> {
    let catalog = E::catalog();
    let (head, tail) = catalog.split_at(catalog.len() / 2);
    tail.iter()
        .chain(head)
        .map(|info| info.error_type)
        .collect()
}

fn cycle<T: Copy>(items: &[T]) -> impl FnMut() -> T + '_ {
    let mut next = 0;
    move || {
        let item = items[next];
        next = (next + 1) % items.len();
        black_box(item)
    }
}

/// The unit error in the middle of the wrapped catalog, through the composition.
fn sample<E: ApiError>() -> E {
    let catalog = E::catalog();
    catalog[catalog.len() / 2..]
        .iter()
        .find_map(|info| E::from_error_type(info.error_type))
        .expect("a unit variant")
}

#[divan::bench(types = [Catalog164, Wraps164, Catalog1000, Wraps1000, Deep1000])]
fn from_error_type<E: ApiError>(bencher: Bencher<'_, '_>) {
    let types = error_types::<E>();
    let mut next = cycle(&types);
    bencher.bench_local(|| E::from_error_type(next()));
}

#[divan::bench(types = [Catalog164, Wraps164, Catalog1000, Wraps1000, Deep1000])]
fn info_for<E: ApiError>(bencher: Bencher<'_, '_>) {
    let types = error_types::<E>();
    let mut next = cycle(&types);
    bencher.bench_local(|| E::info_for(next()));
}

#[divan::bench(types = [Catalog1000, Wraps1000, Deep1000])]
fn write_json<E: ApiError>(bencher: Bencher<'_, '_>) {
    let error = sample::<E>();
    let mut out = Vec::with_capacity(1024);
    bencher.bench_local(|| {
        out.clear();
        black_box(&error).write_json(black_box(REQUEST_ID), &mut out);
        black_box(&out);
    });
}
