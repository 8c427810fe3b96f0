fn main() {
    use stytch_errors::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(docs_url = "https://example.com/errors")]
    enum LocalError {
        #[api_error(status = 404, message = "Not found.")]
        NotFound,
    }

    assert_eq!(LocalError::NotFound.error_type(), "not_found");
}
