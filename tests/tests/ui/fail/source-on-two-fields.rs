use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Something went wrong.")]
    Internal {
        #[source]
        io: std::io::Error,
        #[source]
        fmt: std::fmt::Error,
    },
}

fn main() {}
