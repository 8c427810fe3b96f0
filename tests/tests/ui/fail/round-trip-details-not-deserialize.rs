use stytch_errors::ApiError;

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Problem {
    field: String,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", round_trip)]
enum AppError {
    #[api_error(status = 422, message = "Invalid fields.")]
    InvalidFields {
        #[api_error(details)]
        problems: Vec<Problem>,
    },
}

fn main() {}
