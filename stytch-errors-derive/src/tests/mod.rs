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

#[test]
fn the_enum_of_kinds_keeps_non_exhaustive_and_the_visibility() {
    let kind_enum = |input: TokenStream| {
        let out = derive(input).to_string();
        let start = out.find("enum AppErrorKind").expect("an enum of kinds");
        out[..start]
            .rsplit("# [doc")
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    let open = kind_enum(quote! {
        #[api_error(docs_url = "https://example.com/errors", kind = "AppErrorKind")]
        #[non_exhaustive]
        pub(crate) enum AppError {
            #[api_error(status = 429, message = "Slow down.")]
            TooManyRequests,
        }
    });
    assert!(open.contains("# [non_exhaustive]"), "{open}");
    assert!(open.ends_with("pub (crate) "), "{open}");
    let closed = kind_enum(quote! {
        #[api_error(docs_url = "https://example.com/errors", kind = "AppErrorKind")]
        enum AppError {
            #[api_error(status = 429, message = "Slow down.")]
            TooManyRequests,
        }
    });
    assert!(!closed.contains("non_exhaustive"), "{closed}");
    // Without the key, no enum of kinds.
    let none = derive(quote! {
        #[api_error(docs_url = "https://example.com/errors")]
        enum AppError {
            #[api_error(status = 429, message = "Slow down.")]
            TooManyRequests,
        }
    });
    assert!(!none.to_string().contains("CatalogKind"));
}

#[test]
fn a_details_field_cannot_take_a_member_name_of_problem_details() {
    for name in [
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "error_type",
        "request_id",
    ] {
        let field = proc_macro2::Ident::new_raw(name, proc_macro2::Span::call_site());
        let tokens = derive(quote! {
            #[api_error(docs_url = "https://example.com/errors")]
            enum E {
                #[api_error(status = 400, message = "Bad.")]
                Invalid { #[api_error(details)] #field: u32 },
            }
        })
        .to_string();
        assert!(
            tokens.contains(&format!("a details field cannot be named `{name}`")),
            "{name}: {tokens}"
        );
    }
}

#[test]
fn a_raw_kind_name_that_is_the_catalog_s_is_reported() {
    for kind in ["AppError", "r#AppError"] {
        let tokens = derive(quote! {
            #[api_error(docs_url = "https://example.com/errors", kind = #kind)]
            enum AppError {
                #[api_error(status = 429, message = "Slow down.")]
                TooManyRequests,
            }
        })
        .to_string();
        assert!(
            tokens.contains("the catalog's own name"),
            "{kind}: {tokens}"
        );
        // No second enum of that name, whose clash rustc would report on top.
        assert!(!tokens.contains("enum r#AppError"), "{kind}: {tokens}");
    }
}
