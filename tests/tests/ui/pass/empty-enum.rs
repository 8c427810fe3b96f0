use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum NoErrors {}

fn main() {
    assert!(NoErrors::catalog().is_empty());
    assert!(NoErrors::from_error_type("anything").is_none());
}
