use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 500, message = "Database failure in {table}.")]
    Database {
        #[from]
        source: std::io::Error,
        table: String,
    },
}

fn main() {}
