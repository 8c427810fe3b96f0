use stytch_errors::ApiError;

#[derive(ApiError)]
#[api_error(docs_url = "https://example.com/errors")]
union NotAnEnum {
    a: u32,
    b: f32,
}

fn main() {}
