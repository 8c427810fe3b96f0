use stytch_errors::{ApiError, CatalogKind};

// The catalog's own name.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "AppError")]
enum AppError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
}

// Not a name.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "Other Kind")]
enum OtherError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
}

// Not a string, on a variant, twice.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = ThirdKind)]
enum ThirdError {
    #[api_error(status = 503, message = "Down for maintenance.", kind = "Down")]
    Maintenance,
}

#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "FourthKind", kind = "Fourth")]
enum FourthError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
}

// Misspelled; the enum of kinds is still there for the code that names it.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", knd = "FifthKind")]
enum FifthError {
    #[api_error(status = 503, message = "Down for maintenance.")]
    Maintenance,
}

// A mistake elsewhere: the kinds are still there, and no error of theirs is added.
#[derive(Debug, ApiError)]
#[api_error(docs_url = "https://example.com/errors", kind = "SixthKind")]
enum SixthError {
    #[api_error(status = 999, message = "Down for maintenance.")]
    Maintenance,
}

fn main() {
    let _ = FourthKind::Maintenance;
    let _: Option<SixthKind> = SixthError::kind_of("maintenance");
    let _ = SixthKind::Maintenance;
}
