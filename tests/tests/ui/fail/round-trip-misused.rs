use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip = true)]
enum AppError {
    #[api_error(status = 503, message = "Down for maintenance.", round_trip)]
    Maintenance,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip, round_trip)]
enum OtherError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
}

fn main() {}
