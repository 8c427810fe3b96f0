use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
struct NotAnEnum {
    field: String,
}

fn main() {}
