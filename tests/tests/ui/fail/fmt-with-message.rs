use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", status = 400)]
enum AppError {
    #[api_error(message = "Limit.", fmt = write_limit)]
    Limit { limit: u32 },
}

fn write_limit(_: &u32, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    f.write_str("Limit.")
}

fn main() {}
