//! The default `error_type` of a variant: its name in `snake_case`.

/// `TooManyRequests` → `too_many_requests`, `HTTPServer` → `http_server`,
/// `TooManyM2mClients` → `too_many_m2m_clients`, `Twitter401` → `twitter401`.
///
/// An `_` goes before an uppercase letter that follows a lowercase letter or a digit, and
/// before the last uppercase letter of a run that a lowercase letter follows. Digits never get
/// one, so `argon_2_key_length_mismatch` needs an explicit `error_type`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut snake = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            if let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) {
                let next_is_lower = chars.get(i + 1).is_some_and(|next| next.is_lowercase());
                if prev.is_lowercase()
                    || prev.is_ascii_digit()
                    || (prev.is_uppercase() && next_is_lower)
                {
                    snake.push('_');
                }
            }
            snake.extend(c.to_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

/// Whether `s` is lowercase `snake_case` ASCII: words of `a-z` and `0-9` joined by single
/// underscores, starting with a letter.
pub fn is_snake_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.ends_with('_')
        && !s.contains("__")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
