//! `parse_error` against `serde_json` reading the same body into a borrowed struct
//! (`ErrorBody`, which has `#[serde(borrow)]` strings), from bytes and from a `&str`, with
//! allocation counts: `cargo bench -p stytch-errors --bench parse`.

use divan::{AllocProfiler, Bencher, black_box};
use stytch_errors::{ApiError, ErrorBody, parse_error};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

/// A catalog the size of a small service's.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors")]
pub enum Catalog {
    /// Too many requests.
    #[api_error(status = 429, message = "Too many requests have been made.")]
    TooManyRequests,
    /// Bad credentials.
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    UnauthorizedCredentials,
    /// HTTPS only.
    #[api_error(status = 403, message = "Use HTTPS.")]
    UseHttps,
    /// A bad request.
    #[api_error(status = 400, message = "Bad request.")]
    BadRequest,
    /// A server error.
    #[api_error(status = 500, message = "Internal server error.")]
    InternalServerError,
    /// An invalid field.
    #[api_error(status = 400, message = "The {field} value is invalid.")]
    InvalidField {
        /// The field.
        field: String,
    },
}

const BODIES: &[(&str, &str)] = &[
    (
        "stytch",
        r#"{"status_code":429,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#,
    ),
    (
        "escapes",
        r#"{"status_code":400,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"invalid_field","error_message":"The \"email\" value is invalid.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#invalid_field"}"#,
    ),
    (
        "details",
        r#"{"status_code":400,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"invalid_field","error_message":"The email value is invalid.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#invalid_field","error_details":{"field":"email","max":64}}"#,
    ),
    (
        "unknown",
        r#"{"status_code":400,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"added_next_month","error_message":"Something new.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/400#added_next_month"}"#,
    ),
];

fn body(name: &str) -> &'static [u8] {
    BODIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, body)| body.as_bytes())
        .unwrap_or_default()
}

const NAMES: &[&str] = &["stytch", "escapes", "details", "unknown"];

#[divan::bench(args = NAMES)]
fn parse_error_typed(bencher: Bencher, name: &str) {
    let input = body(name);
    bencher.bench(|| parse_error::<Catalog>(black_box(input)).map(|error| error.kind));
}

#[divan::bench(args = NAMES)]
fn serde_json_borrowed_struct(bencher: Bencher, name: &str) {
    let input = body(name);
    bencher.bench(|| {
        serde_json::from_slice::<ErrorBody<'_>>(black_box(input)).map(|body| body.status_code)
    });
}

/// The same, reading `&str` (which `parse_error` does, after one UTF-8 check of the body).
#[divan::bench(args = NAMES)]
fn serde_json_borrowed_struct_from_str(bencher: Bencher, name: &str) {
    let input = body(name);
    bencher.bench(|| {
        let text = std::str::from_utf8(black_box(input)).unwrap_or_default();
        serde_json::from_str::<ErrorBody<'_>>(text).map(|body| body.status_code)
    });
}
