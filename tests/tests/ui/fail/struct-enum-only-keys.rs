use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 404, covers = 404)]
#[api_error(transparent)]
struct NotFound {
    field: String,
}

fn main() {}
