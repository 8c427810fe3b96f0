//! [`Answered`]: an error whose response is rendered already.

use ::actix_web::body::{BoxBody, MessageBody as _};
use ::actix_web::error::InternalError;
use ::actix_web::http::StatusCode;
use ::actix_web::http::header;
use ::actix_web::{Error, HttpResponse};

use crate::serve::RenderedError;

/// An error whose response is rendered already. actix-web asks an error for its response
/// wherever it looks (a logging middleware, then the server), so the response is kept to
/// be given each time, not taken once as `InternalError::from_response` does.
#[derive(Debug)]
pub(super) struct Answered {
    status: StatusCode,
    headers: header::HeaderMap,
    body: ::actix_web::web::Bytes,
    rendered: Option<RenderedError>,
    /// What failed, for the server's log (`Display`); never sent.
    cause: std::string::String,
}

impl Answered {
    pub(super) fn error(response: HttpResponse, cause: std::string::String) -> Error {
        let rendered = response.extensions().get::<RenderedError>().cloned();
        let (response, body) = response.into_parts();
        match body.try_into_bytes() {
            Ok(body) => Self {
                status: response.status(),
                headers: response.headers().clone(),
                body,
                rendered,
                cause,
            }
            .into(),
            // A streamed body (no catalog error has one) can be given once.
            Err(body) => InternalError::from_response(cause, response.set_body(body)).into(),
        }
    }
}

impl core::fmt::Display for Answered {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.cause)
    }
}

impl ::actix_web::ResponseError for Answered {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::with_body(self.status, BoxBody::new(self.body.clone()));
        *response.headers_mut() = self.headers.clone();
        if let Some(rendered) = &self.rendered {
            response.extensions_mut().insert(rendered.clone());
        }
        response
    }
}
