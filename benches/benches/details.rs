//! The cost of `#[api_error(details)]`: `write_json` of a variant without details, in an
//! enum without any and in one with some (unchanged: the derive adds nothing to an enum
//! without details, and one indirect call to the other variants of an enum with some), and
//! of a body with a small details object beside `serde_json` writing the same struct.
//!
//! Run with `cargo bench -p stytch-errors-benches --bench details`; the figures are in
//! `BENCHMARKS.md`.

use divan::{AllocProfiler, Bencher, black_box};
use serde::Serialize;
use stytch_errors::ApiError;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

/// As in `errors.rs`: a fixed sample size, which a shared machine's noise needs.
fn main() {
    divan::Divan::default()
        .sample_count(1000)
        .sample_size(1000)
        .config_with_args()
        .main();
}

/// A request id as Stytch writes them.
const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// An enum without details.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
enum Plain {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
}

/// The same variant beside one with details.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
enum WithDetails {
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    #[api_error(status = 400, message = "Some fields are invalid.")]
    InvalidFields {
        #[api_error(details)]
        invalid_fields: Vec<&'static str>,
    },
}

/// What a service writes without the derive: the body as a serde struct, details and all.
#[derive(Serialize)]
struct AnchorBody<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
    error_details: AnchorDetails<'a>,
}

#[derive(Serialize)]
struct AnchorDetails<'a> {
    invalid_fields: &'a [&'static str],
}

/// The invalid fields: a details member whose type has a schema whatever the features.
fn fields() -> Vec<&'static str> {
    vec!["email", "phone_number"]
}

/// `write_json` into a buffer reused from one call to the next.
fn write_json<E: ApiError>(bencher: Bencher<'_, '_>, error: &E) {
    let mut out = Vec::with_capacity(1024);
    bencher.bench_local(|| {
        out.clear();
        black_box(error).write_json(black_box(REQUEST_ID), &mut out);
        black_box(&out);
    });
}

/// A unit variant of an enum without details: what `write_json` costs today.
#[divan::bench]
fn no_details_enum(bencher: Bencher<'_, '_>) {
    write_json(bencher, &Plain::TooManyRequests);
}

/// The same unit variant, in an enum whose other variant has details.
#[divan::bench]
fn no_details_variant(bencher: Bencher<'_, '_>) {
    write_json(bencher, &WithDetails::TooManyRequests);
}

/// A body with a small details object: one member, an array of two strings.
#[divan::bench]
fn small_details(bencher: Bencher<'_, '_>) {
    write_json(
        bencher,
        &WithDetails::InvalidFields {
            invalid_fields: fields(),
        },
    );
}

/// The anchor: `serde_json::to_writer` of the same body as a struct, into a reused buffer.
#[divan::bench]
fn anchor_serde_struct(bencher: Bencher<'_, '_>) {
    let error = WithDetails::InvalidFields {
        invalid_fields: fields(),
    };
    let invalid_fields = fields();
    let mut out = Vec::with_capacity(1024);
    // The anchor writes the same bytes.
    let anchor = AnchorBody {
        status_code: error.status_code(),
        request_id: REQUEST_ID,
        error_type: error.error_type(),
        error_message: &error.error_message(),
        error_url: error.error_url(),
        error_details: AnchorDetails {
            invalid_fields: &invalid_fields,
        },
    };
    assert_eq!(
        serde_json::to_string(&anchor).unwrap(),
        error.to_json(REQUEST_ID)
    );
    bencher.bench_local(|| {
        out.clear();
        let body = AnchorBody {
            status_code: error.status_code(),
            request_id: black_box(REQUEST_ID),
            error_type: error.error_type(),
            error_message: &error.error_message(),
            error_url: error.error_url(),
            error_details: AnchorDetails {
                invalid_fields: black_box(&invalid_fields),
            },
        };
        let _ = serde_json::to_writer(&mut out, &body);
        black_box(&out);
    });
}
