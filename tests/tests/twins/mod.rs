//! The check that two errors are the same catalog error, whatever their types: a composed
//! catalog's variant and the error it wraps, a subset's variant and the catalog's, a
//! catalog written by hand and its derived twin.

use stytch_errors::ApiError;

/// Asserts that `a` and `b` give the same catalog entry, status, type, URL and message, and
/// the same body for each of `request_ids`, through every writer.
pub fn assert_renders_alike(a: &dyn ApiError, b: &dyn ApiError, request_ids: &[&str]) {
    assert_eq!(a.info(), b.info());
    assert_eq!(a.status_code(), b.status_code());
    assert_eq!(a.status(), b.status());
    assert_eq!(a.error_type(), b.error_type());
    assert_eq!(a.error_url(), b.error_url());
    assert_eq!(a.error_message(), b.error_message());
    for request_id in request_ids {
        assert_eq!(a.to_body(request_id), b.to_body(request_id));
        assert_eq!(a.to_json(request_id), b.to_json(request_id));
        let (mut a_out, mut b_out) = (Vec::new(), Vec::new());
        a.write_json(request_id, &mut a_out);
        b.write_json(request_id, &mut b_out);
        assert_eq!(a_out, b_out);
    }
}
