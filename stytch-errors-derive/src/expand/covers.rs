//! The expansion of `covers = …`: `FrameworkErrors`, a match from a status to the unit
//! variant that stands for it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::parse::ast::Input;
use crate::prop::{self, Cover};

/// `impl FrameworkErrors`, when any variant says what it covers; nothing otherwise.
pub fn framework_errors_impl(input: &Input<'_>, krate: &syn::Path) -> TokenStream {
    let covers = prop::covers(input);
    if covers.is_empty() {
        return TokenStream::new();
    }
    // Statuses first, then the 4xx class; the 5xx class takes the rest.
    let mut arms = Vec::new();
    let mut rest = TokenStream::new();
    for (cover, variant, _) in &covers {
        if let Cover::Status(status) = cover {
            let ident = variant.ident;
            arms.push(quote!(#status => Self::#ident,));
        }
    }
    for (cover, variant, _) in &covers {
        let ident = variant.ident;
        match cover {
            Cover::Class(4) => arms.push(quote!(400..=499 => Self::#ident,)),
            Cover::Class(_) => rest = quote!(_ => Self::#ident,),
            Cover::Status(_) => {}
        }
    }
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::FrameworkErrors for #ident #ty_generics #where_clause {
            fn for_status(status: u16) -> Self {
                match status {
                    #(#arms)*
                    #rest
                }
            }
        }
    }
}
