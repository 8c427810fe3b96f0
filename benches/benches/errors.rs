//! stytch-errors beside what a service writes without it, on `StytchError` and on generated
//! catalogs of 164 and 1,000 errors: rendering a body, looking an `error_type` up, parsing a
//! body, and (the anchors) `serde_json` on hand-written structs, strum's `from_str`, std's
//! `HashMap`, and copying pre-rendered bytes (the limit).
//!
//! Run with `cargo bench -p stytch-errors-benches`; the figures are in `BENCHMARKS.md`.

use std::collections::HashMap;
use std::str::FromStr;

use divan::{AllocProfiler, Bencher, black_box};
use stytch_errors::ApiError;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

// The catalogs, as `gen_catalog.py` writes them (`rustfmt::skip`: its `--check` compares).
#[allow(dead_code, reason = "a catalog's variants are not all used here")]
#[rustfmt::skip]
#[path = "../catalogs/derive_1000.rs"]
mod derive_1000;
#[allow(dead_code, reason = "a catalog's variants are not all used here")]
#[rustfmt::skip]
#[path = "../catalogs/derive_164.rs"]
mod derive_164;
#[allow(
    dead_code,
    clippy::too_many_lines,
    clippy::match_same_arms,
    reason = "generated: one match arm per error, as written by hand"
)]
#[rustfmt::skip]
#[path = "../catalogs/today_1000.rs"]
mod today_1000;
#[allow(
    dead_code,
    clippy::too_many_lines,
    clippy::match_same_arms,
    reason = "generated: one match arm per error, as written by hand"
)]
#[rustfmt::skip]
#[path = "../catalogs/today_164.rs"]
mod today_164;
#[allow(
    dead_code,
    clippy::too_many_lines,
    clippy::match_same_arms,
    reason = "generated: one match arm per error, as written by hand"
)]
#[rustfmt::skip]
#[path = "../catalogs/today_stytch.rs"]
mod today_stytch;
#[allow(dead_code, reason = "a catalog's variants are not all used here")]
#[rustfmt::skip]
#[path = "../catalogs/today_stytch_types.rs"]
mod today_stytch_types;

/// Every benchmark that allocates also frees within the timed call, as a server does once
/// the body is sent: divan would otherwise keep a sample's outputs alive, and the heap's
/// growth (and trimming) between samples would be timed instead.
///
/// A fixed sample size: divan's automatic one is thrown off by the noise of a shared
/// machine (a slow first run makes it time one call per sample, below the timer's
/// precision). `--sample-count` and `--sample-size` on the command line still win.
fn main() {
    divan::Divan::default()
        .sample_count(1000)
        .sample_size(1000)
        .config_with_args()
        .main();
}

/// A request id as Stytch writes them.
const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// The body a hand-written service serializes: a `#[derive(Serialize)]` struct.
#[derive(serde::Serialize)]
struct AnchorBody<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

/// The body a hand-written client parses: a `#[derive(Deserialize)]` struct that borrows.
#[derive(serde::Deserialize)]
#[allow(dead_code, reason = "the fields are parsed, not read")]
struct AnchorParsed<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

/// The unit variant in the middle of the catalog: what the render benchmarks write.
fn sample<E: ApiError>() -> E {
    let catalog = E::catalog();
    catalog[catalog.len() / 2..]
        .iter()
        .find_map(|info| E::from_error_type(info.error_type))
        .expect("a unit variant")
}

/// Every `error_type` of the catalog, in a shuffled order, for the lookups to cycle through.
fn shuffled_error_types<E: ApiError>() -> Vec<&'static str> {
    shuffled(E::catalog().iter().map(|info| info.error_type).collect())
}

/// `types` in a shuffled order.
fn shuffled(mut types: Vec<&'static str>) -> Vec<&'static str> {
    // A fixed permutation (multiplication by a unit modulo the length), so that runs agree.
    let len = types.len();
    let step = (1..len)
        .rev()
        .find(|step| gcd(*step, len) == 1 && *step < len / 2 + 1);
    if let Some(step) = step {
        types = (0..len).map(|i| types[(i * step) % len]).collect();
    }
    types
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Yields the items of `items` in turn, each behind `black_box`: the benchmarks cycle
/// through them inside the timed closure (the same few instructions for every row).
fn cycle<T: Copy>(items: &[T]) -> impl FnMut() -> T + '_ {
    let mut next = 0;
    move || {
        let item = items[next];
        next += 1;
        if next == items.len() {
            next = 0;
        }
        black_box(item)
    }
}

/// The benchmarks of one catalog: `$derive` is its `#[derive(ApiError)]` form, `$today`
/// the same catalog written with thiserror, strum, matches and a serde struct.
macro_rules! catalog_benches {
    ($module:ident, $derive:ty, $today:ty $(, $extra:ident)?) => {
        mod $module {
            use super::*;

            /// Rendering the JSON body of one error with `request_id`.
            mod render {
                use super::*;

                /// `write_json` into a buffer reused from one call to the next.
                #[divan::bench]
                fn write_json(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    let mut out = Vec::with_capacity(1024);
                    bencher.bench_local(|| {
                        out.clear();
                        black_box(&error).write_json(black_box(REQUEST_ID), &mut out);
                        black_box(&out);
                    });
                }

                /// `to_json`: a new `String`.
                #[divan::bench]
                fn to_json(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    bencher.bench_local(|| drop(black_box(black_box(&error).to_json(black_box(REQUEST_ID)))));
                }

                /// `to_http_response`: the whole response (status, headers, the body, the
                /// `RenderedError` in its extensions), as every framework path makes it.
                #[divan::bench]
                fn to_http_response(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    bencher.bench_local(|| {
                        drop(black_box(stytch_errors::to_http_response(
                            black_box(&error),
                            black_box(REQUEST_ID),
                            stytch_errors::BodyFormat::Stytch,
                        )))
                    });
                }

                /// The `Serialize` impl of an `ErrorBody` built beforehand (as the anchor's
                /// struct is) through `serde_json::to_writer`, into a reused buffer.
                #[divan::bench]
                fn serialize_body(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    let body = error.to_body(REQUEST_ID);
                    let mut out = Vec::with_capacity(1024);
                    bencher.bench_local(|| {
                        out.clear();
                        serde_json::to_writer(&mut out, black_box(&body)).expect("serializes");
                        black_box(&out);
                    });
                }

                /// `to_body` and its `Serialize` impl through `serde_json::to_writer`, into a
                /// reused buffer: `serialize_body` plus building the body from the error.
                #[divan::bench]
                fn to_body_serialize(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    let mut out = Vec::with_capacity(1024);
                    bencher.bench_local(|| {
                        out.clear();
                        let body = black_box(&error).to_body(black_box(REQUEST_ID));
                        serde_json::to_writer(&mut out, &body).expect("serializes");
                        black_box(&out);
                    });
                }

                /// Anchor: a hand-written `#[derive(Serialize)]` struct through
                /// `serde_json::to_writer`, into a reused buffer.
                #[divan::bench]
                fn anchor_serde_struct(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    let info = error.info();
                    let mut out = Vec::with_capacity(1024);
                    bencher.bench_local(|| {
                        out.clear();
                        let body = AnchorBody {
                            status_code: black_box(info.status_code),
                            request_id: black_box(REQUEST_ID),
                            error_type: black_box(info.error_type),
                            error_message: black_box(info.message_template),
                            error_url: black_box(info.error_url),
                        };
                        serde_json::to_writer(&mut out, &body).expect("serializes");
                        black_box(&out);
                    });
                }

                /// Anchor: the same struct through `serde_json::to_vec`, a new `Vec`.
                #[divan::bench]
                fn anchor_serde_struct_to_vec(bencher: Bencher<'_, '_>) {
                    let error = sample::<$derive>();
                    let info = error.info();
                    bencher.bench_local(|| {
                        let body = AnchorBody {
                            status_code: black_box(info.status_code),
                            request_id: black_box(REQUEST_ID),
                            error_type: black_box(info.error_type),
                            error_message: black_box(info.message_template),
                            error_url: black_box(info.error_url),
                        };
                        drop(black_box(serde_json::to_vec(&body).expect("serializes")));
                    });
                }

                /// The limit: the same bytes, rendered beforehand, copied into a new `Vec`.
                #[divan::bench]
                fn limit_copy_to_vec(bencher: Bencher<'_, '_>) {
                    let bytes = sample::<$derive>().to_json(REQUEST_ID).into_bytes();
                    bencher.bench_local(|| drop(black_box(black_box(bytes.as_slice()).to_vec())));
                }

                /// The limit: the same bytes, rendered beforehand, copied into a reused
                /// buffer.
                #[divan::bench]
                fn limit_copy_reused(bencher: Bencher<'_, '_>) {
                    let bytes = sample::<$derive>().to_json(REQUEST_ID).into_bytes();
                    let mut out = Vec::with_capacity(1024);
                    bencher.bench_local(|| {
                        out.clear();
                        out.extend_from_slice(black_box(bytes.as_slice()));
                        black_box(&out);
                    });
                }

                $(catalog_benches!(@$extra $derive, $today);)?
            }

            /// Mapping an `error_type` back to the catalog, cycling through all of them.
            mod lookup {
                use super::*;

                /// `from_error_type`: the derive's perfect-hash table.
                #[divan::bench]
                fn from_error_type(bencher: Bencher<'_, '_>) {
                    let types = shuffled_error_types::<$derive>();
                    let mut next = cycle(&types);
                    bencher.bench_local(|| {
                        let error_type = next();
                        <$derive>::from_error_type(error_type)
                    });
                }

                /// The harness alone: cycling through the strings, as every row here does,
                /// returning the length.
                #[divan::bench]
                fn baseline_cycle(bencher: Bencher<'_, '_>) {
                    let types = shuffled_error_types::<$derive>();
                    let mut next = cycle(&types);
                    bencher.bench_local(|| next().len());
                }

                /// `info_for`: the same table, for variants with fields too.
                #[divan::bench]
                fn info_for(bencher: Bencher<'_, '_>) {
                    let types = shuffled_error_types::<$derive>();
                    let mut next = cycle(&types);
                    bencher.bench_local(|| {
                        let error_type = next();
                        <$derive>::info_for(error_type)
                    });
                }

                /// `from_error_type` of a string in no catalog.
                #[divan::bench]
                fn from_error_type_unknown(bencher: Bencher<'_, '_>) {
                    bencher.bench_local(|| {
                        <$derive>::from_error_type(black_box("invalid_organization_slug_x"))
                    });
                }

                /// Anchor: strum's `EnumString`, a `match` on the string.
                #[divan::bench]
                fn anchor_strum_from_str(bencher: Bencher<'_, '_>) {
                    let types = shuffled_error_types::<$derive>();
                    // The two forms map the same strings.
                    for error_type in &types {
                        let today = <$today>::from_str(error_type).expect("the same catalog");
                        assert_eq!(<&'static str>::from(today), *error_type);
                    }
                    let mut next = cycle(&types);
                    bencher.bench_local(|| {
                        let error_type = next();
                        <$today>::from_str(error_type)
                    });
                }

                /// Anchor: strum's `from_str` of a string in no catalog.
                #[divan::bench]
                fn anchor_strum_from_str_unknown(bencher: Bencher<'_, '_>) {
                    bencher.bench_local(|| {
                        <$today>::from_str(black_box("invalid_organization_slug_x"))
                    });
                }

                /// Anchor: a std `HashMap` from `error_type` to catalog index.
                #[divan::bench]
                fn anchor_hash_map(bencher: Bencher<'_, '_>) {
                    let types = shuffled_error_types::<$derive>();
                    let map: HashMap<&str, usize> = <$derive>::catalog()
                        .iter()
                        .enumerate()
                        .map(|(index, info)| (info.error_type, index))
                        .collect();
                    let mut next = cycle(&types);
                    bencher.bench_local(|| {
                        let error_type = next();
                        map.get(error_type).copied()
                    });
                }
            }

            /// Parsing a body back, cycling through every error's body.
            mod parse {
                use super::*;

                /// `parse_error`: the typed parser, the `error_type` resolved to the
                /// catalog's variant.
                #[divan::bench]
                fn parse_error(bencher: Bencher<'_, '_>) {
                    let bodies = bodies::<$derive>();
                    let bodies: Vec<&[u8]> = bodies.iter().map(String::as_bytes).collect();
                    for body in &bodies {
                        let parsed = stytch_errors::parse_error::<$derive>(body).expect("parses");
                        assert!(parsed.known().is_some());
                    }
                    let mut next = cycle(&bodies);
                    bencher.bench_local(|| {
                        let body = next();
                        stytch_errors::parse_error::<$derive>(body).expect("parses")
                    });
                }

                /// Anchor: `serde_json` from the same bytes into a borrowed
                /// `#[derive(Deserialize)]` struct of `&str`s.
                #[divan::bench]
                fn anchor_serde_borrowed(bencher: Bencher<'_, '_>) {
                    let bodies = bodies::<$derive>();
                    let bodies: Vec<&[u8]> = bodies.iter().map(String::as_bytes).collect();
                    let mut next = cycle(&bodies);
                    bencher.bench_local(|| {
                        let body = next();
                        serde_json::from_slice::<AnchorParsed<'_>>(body).expect("parses")
                    });
                }

                /// Anchor: the same, the bytes checked as UTF-8 first and read as `&str`
                /// (`serde_json` then checks no string again).
                #[divan::bench]
                fn anchor_serde_borrowed_via_str(bencher: Bencher<'_, '_>) {
                    let bodies = bodies::<$derive>();
                    let bodies: Vec<&[u8]> = bodies.iter().map(String::as_bytes).collect();
                    let mut next = cycle(&bodies);
                    bencher.bench_local(|| {
                        let body = std::str::from_utf8(next()).expect("UTF-8");
                        serde_json::from_str::<AnchorParsed<'_>>(body).expect("parses")
                    });
                }

                /// `ErrorBody` (serde's borrowed `Deserialize`, `Cow` strings) through
                /// `serde_json`, from the same bytes.
                #[divan::bench]
                fn serde_error_body(bencher: Bencher<'_, '_>) {
                    let bodies = bodies::<$derive>();
                    let bodies: Vec<&[u8]> = bodies.iter().map(String::as_bytes).collect();
                    let mut next = cycle(&bodies);
                    bencher.bench_local(|| {
                        let body = next();
                        serde_json::from_slice::<stytch_errors::ErrorBody<'_>>(body)
                            .expect("parses")
                    });
                }
            }
        }
    };
    // What only the generated catalogs have: a message with a field, and the hand-written
    // `to_body` of the `today` form.
    (@generated $derive:ty, $today:ty) => {
                /// `write_json` for a variant whose message shows a field.
                #[divan::bench]
                fn write_json_with_field(bencher: Bencher<'_, '_>) {
                    let error = <$derive>::with_field();
                    let mut out = Vec::with_capacity(1024);
                    bencher.bench_local(|| {
                        out.clear();
                        black_box(&error).write_json(black_box(REQUEST_ID), &mut out);
                        black_box(&out);
                    });
                }

                /// `to_json` for a variant whose message shows a field: one allocation.
                #[divan::bench]
                fn to_json_with_field(bencher: Bencher<'_, '_>) {
                    let error = <$derive>::with_field();
                    bencher.bench_local(|| {
                        drop(black_box(black_box(&error).to_json(black_box(REQUEST_ID))));
                    });
                }

                /// Anchor: the whole hand-written path, status and URL by `match`, message
                /// by thiserror's `Display`, body by `serde_json` into a new `Vec`.
                #[divan::bench]
                fn anchor_today_to_vec(bencher: Bencher<'_, '_>) {
                    let error = <$today>::from_str(sample::<$derive>().error_type())
                        .expect("the same catalog");
                    bencher.bench_local(|| {
                        let body = black_box(&error).to_body(black_box(REQUEST_ID));
                        drop(black_box(serde_json::to_vec(&body).expect("serializes")));
                    });
                }

    };
}

/// The body of every unit variant of a catalog.
fn bodies<E: ApiError>() -> Vec<String> {
    E::catalog()
        .iter()
        .filter_map(|info| E::from_error_type(info.error_type))
        .map(|error| error.to_json(REQUEST_ID))
        .collect()
}

/// `StytchErrorType::from_str`, cycling through all of Stytch's known `error_type` names
/// (825, most without a `StytchError` entry): the derive's perfect-hash table, built over a
/// plain list.
mod stytch_types {
    mod lookup {
        use std::str::FromStr;

        use divan::{Bencher, black_box};
        use stytch_errors::StytchErrorType;

        use crate::{cycle, shuffled, today_stytch_types::StytchTypesToday};

        fn names() -> Vec<&'static str> {
            shuffled(StytchErrorType::ALL.iter().map(|t| t.as_str()).collect())
        }

        /// `StytchErrorType::from_str`.
        #[divan::bench]
        fn from_str(bencher: Bencher<'_, '_>) {
            let names = names();
            let mut next = cycle(&names);
            bencher.bench_local(|| StytchErrorType::from_str(next()));
        }

        /// The harness alone: cycling through the strings, returning the length.
        #[divan::bench]
        fn baseline_cycle(bencher: Bencher<'_, '_>) {
            let names = names();
            let mut next = cycle(&names);
            bencher.bench_local(|| next().len());
        }

        /// `from_str` of a string not in the list.
        #[divan::bench]
        fn from_str_unknown(bencher: Bencher<'_, '_>) {
            bencher.bench_local(|| {
                StytchErrorType::from_str(black_box("invalid_organization_slug_x"))
            });
        }

        /// Anchor: strum's `EnumString` over the same names.
        #[divan::bench]
        fn anchor_strum_from_str(bencher: Bencher<'_, '_>) {
            let names = names();
            // The two enums map the same strings.
            for name in &names {
                let today = StytchTypesToday::from_str(name).expect("the same list");
                assert_eq!(<&'static str>::from(today), *name);
            }
            let mut next = cycle(&names);
            bencher.bench_local(|| StytchTypesToday::from_str(next()));
        }

        /// Anchor: strum's `from_str` of a string not in the list.
        #[divan::bench]
        fn anchor_strum_from_str_unknown(bencher: Bencher<'_, '_>) {
            bencher.bench_local(|| {
                StytchTypesToday::from_str(black_box("invalid_organization_slug_x"))
            });
        }
    }
}

catalog_benches!(
    stytch,
    stytch_errors::StytchError,
    today_stytch::StytchToday
);
catalog_benches!(
    catalog_164,
    derive_164::Catalog164,
    today_164::Catalog164,
    generated
);
catalog_benches!(
    catalog_1000,
    derive_1000::Catalog1000,
    today_1000::Catalog1000,
    generated
);
