//! Tests of the pieces of the pipeline, without a compiler in the loop.

use quote::quote;

use crate::case::{is_snake_case, snake_case};
use crate::expand::derive;
use crate::message::{self, Piece, Placeholder};

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
    for bad in ["{", "}", "a { b", "x}", "{}", "{a:?}", "{a b}", "{-1}"] {
        assert!(message::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn valid_input_expands_without_errors() {
    let tokens = derive(quote! {
        #[api_error(docs_url = "https://example.com/errors")]
        enum E {
            #[api_error(status = 429, message = "Slow down.")]
            TooManyRequests,
            #[api_error(status = 400, message = "Bad {field}.")]
            Invalid { field: String },
        }
    })
    .to_string();
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
