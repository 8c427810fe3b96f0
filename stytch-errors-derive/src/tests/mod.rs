//! Tests of the pieces of the pipeline, without a compiler in the loop.

mod proptests;

use proc_macro2::TokenStream;
use quote::quote;

use crate::case::{is_snake_case, snake_case};
use crate::expand::derive;
use crate::parse::message::{self, Piece, Placeholder};

#[test]
fn snake_case_of_variant_names() {
    for (name, snake) in [
        ("TooManyRequests", "too_many_requests"),
        ("HTTPServer", "http_server"),
        (
            "TooManyM2mClientsForBillingTier",
            "too_many_m2m_clients_for_billing_tier",
        ),
        ("Twitter401", "twitter401"),
        ("Argon2KeyLengthMismatch", "argon2_key_length_mismatch"),
        ("A", "a"),
        ("UseHTTPS", "use_https"),
    ] {
        assert_eq!(snake_case(name), snake, "{name}");
        assert!(is_snake_case(snake), "{snake}");
    }
}

#[test]
fn snake_case_check() {
    for bad in [
        "",
        "Upper",
        "_lead",
        "trail_",
        "dou__ble",
        "9lives",
        "sp ace",
        "kebab-case",
        "é",
    ] {
        assert!(!is_snake_case(bad), "{bad:?}");
    }
    for good in ["a", "argon_2_key_length_mismatch", "twitter_401", "m2m"] {
        assert!(is_snake_case(good), "{good:?}");
    }
}

#[test]
fn templates_split_into_pieces() {
    assert_eq!(
        message::parse("The {field} value {{is}} {0}."),
        Ok(vec![
            Piece::Text("The ".into()),
            Piece::Field(Placeholder::Named("field".into())),
            Piece::Text(" value {is} ".into()),
            Piece::Field(Placeholder::Index(0)),
            Piece::Text(".".into()),
        ])
    );
    assert_eq!(
        message::parse("{a:?}{:>8}{}"),
        Ok(vec![
            Piece::Spec {
                placeholder: Some(Placeholder::Named("a".into())),
                spec: "?".into(),
            },
            Piece::Spec {
                placeholder: None,
                spec: ">8".into(),
            },
            Piece::Spec {
                placeholder: None,
                spec: String::new(),
            },
        ])
    );
    for bad in ["{", "}", "a { b", "x}", "{a b}", "{-1}", "{r#fn}"] {
        assert!(message::parse(bad).is_err(), "{bad:?}");
    }
}

/// A catalog of a unit variant and one with a field, and nothing else.
fn two_errors() -> TokenStream {
    quote! {
        #[api_error(docs_url = "https://example.com/errors")]
        enum E {
            #[api_error(status = 429, message = "Slow down.")]
            TooManyRequests,
            #[api_error(status = 400, message = "Bad {field}.")]
            Invalid { field: String },
        }
    }
}

#[test]
fn valid_input_expands_without_errors() {
    let tokens = derive(two_errors()).to_string();
    assert!(!tokens.contains("compile_error"), "{tokens}");
    assert!(
        tokens.contains("\"https://example.com/errors/429#too_many_requests\""),
        "{tokens}"
    );
}

#[test]
fn every_mistake_is_reported() {
    let tokens = derive(quote! {
        #[api_error(docs_url = "http://example.com/errors/")]
        enum E {
            #[api_error(status = 700, message = "")]
            A,
            #[api_error(status = "400", message = "x", colour = "red")]
            B,
        }
    })
    .to_string();
    assert_eq!(tokens.matches("compile_error").count(), 5, "{tokens}");
    // The stubs keep the compiler from reporting the missing impls too.
    assert!(tokens.contains("ApiError for E"), "{tokens}");
}

#[test]
fn garbage_is_an_error_not_a_panic() {
    let tokens = derive(quote!(
        fn f() {}
    ))
    .to_string();
    assert!(tokens.contains("compile_error"), "{tokens}");
}

#[test]
fn an_enum_without_details_headers_or_sources_gets_none_of_their_code() {
    // `write_json` of such an enum is the same pre-rendered copy as before details existed.
    let tokens = derive(two_errors()).to_string();
    for absent in ["push_details", "__write_details", "__headers", "__source"] {
        assert!(!tokens.contains(absent), "{absent}: {tokens}");
    }
}

#[test]
fn details_headers_and_sources_are_generated_where_written() {
    let tokens = derive(quote! {
        #[api_error(docs_url = "https://example.com/errors", header("cache-control", "no-store"))]
        enum E {
            #[api_error(status = 429, message = "Slow down.", header("Retry-After", "{secs}"))]
            TooManyRequests { secs: u64 },
            #[api_error(status = 422, message = "Invalid.", log = "warn")]
            Invalid {
                #[api_error(details)]
                fields: Vec<String>,
            },
            #[api_error(status = 500, message = "Down.")]
            Down(#[source] std::io::Error),
        }
    })
    .to_string();
    assert!(!tokens.contains("compile_error"), "{tokens}");
    assert!(tokens.contains("out . push_details"), "{tokens}");
    assert!(
        tokens.contains("out . member (\"\\\"fields\\\":\" , field_0)"),
        "{tokens}"
    );
    // Header names are lowercased: `HeaderName` holds them so.
    assert!(tokens.contains("out . push (\"retry-after\""), "{tokens}");
    assert!(
        tokens.contains("out . push_static (\"cache-control\" , \"no-store\")"),
        "{tokens}"
    );
    assert!(tokens.contains("with_details (& [\"fields\"])"), "{tokens}");
    assert!(
        tokens.contains("with_log_level (:: stytch_errors :: LogLevel :: Warn)"),
        "{tokens}"
    );
    assert!(tokens.contains("fn __source"), "{tokens}");
}

#[test]
fn header_and_details_mistakes_are_all_reported() {
    let tokens = derive(quote! {
        #[api_error(docs_url = "https://example.com/errors", log = "loud")]
        enum E {
            #[api_error(status = 429, message = "x", header("bad name", "a\nb"), header("x-a", "{nope}"))]
            A { #[api_error(details)] #[source] cause: std::io::Error },
            #[api_error(status = 400, message = "y", header = "x", header("content-type", "text/plain"))]
            B(#[api_error(details, details)] u8),
        }
    })
    .to_string();
    // log level, header name, control character, unknown placeholder, details on a source,
    // `header = …`, a reserved name, details on a tuple field, duplicate `details` (two).
    assert_eq!(tokens.matches("compile_error").count(), 10, "{tokens}");
}

#[test]
fn a_broken_enum_header_is_reported_once_whatever_the_first_variant() {
    // The first variant is transparent: it takes no header of its own to check.
    let tokens = derive(quote! {
        #[api_error(docs_url = "https://example.com/errors", header("retry-after", "in {"))]
        enum E {
            #[api_error(transparent)]
            Inner(Other),
            #[api_error(status = 429, message = "Slow down.")]
            TooManyRequests,
            #[api_error(status = 503, message = "Later.")]
            Unavailable,
        }
    })
    .to_string();
    assert_eq!(tokens.matches("compile_error").count(), 1, "{tokens}");
    assert!(tokens.contains("the header value"), "{tokens}");
}
