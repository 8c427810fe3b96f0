use stytch_errors::ApiError;

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
enum AppError {
    #[api_error(status = 404, message = "No such note.")]
    NoteNotFound {
        #[api_error(details)]
        instance: u64,
    },
}

fn main() {}
