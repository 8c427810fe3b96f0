use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Limits {
    #[api_error(status = 429, error_type = "too_many_requests", message = "Slow down.")]
    RateLimited,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Quotas {
    #[api_error(status = 403, message = "Over quota.")]
    OverQuota,
    #[api_error(status = 429, message = "Too many requests.")]
    TooManyRequests,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(transparent)]
    Limits(Limits),
    #[api_error(transparent)]
    Quotas(Quotas),
}

fn main() {}
