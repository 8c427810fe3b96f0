use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum Wrap<E: ApiError + std::fmt::Debug> {
    #[api_error(status = 500, message = "Internal.")]
    Internal,
    #[api_error(transparent)]
    Inner(Vec<E>),
}

fn main() {}
