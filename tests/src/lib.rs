//! Integration and UI tests of `stytch-errors`; the tests are in `tests/`.
