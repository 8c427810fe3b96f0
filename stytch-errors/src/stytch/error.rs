//! Stytch's error catalog, as one annotated enum.
//!
//! Every variant is one error of Stytch's API reference: its doc comment is the description
//! the reference page gives, `status` and `message` are the `status_code` and
//! `error_message` of the page's JSON example, and `cause`/`fix` are the page's
//! "Common causes" and "Troubleshooting" lists, in the page's order.
//!
//! Beyond the pages transcribed in full, the catalog holds the errors whose body (status,
//! message and `error_url`) is known from another reference page's JSON example or from a
//! response of the live API (`tests/data/stytch-catalog/more-errors.tsv` lists them and
//! their sources): no description of theirs is at hand, so their doc comment is their
//! message.
//!
//! # Keeping it up to date
//!
//! - Variants are grouped by status, in ascending order, and follow the order of the
//!   reference page within a group. Each group starts with a `// ---- <status> <reason> ----`
//!   comment and the address of its page.
//! - A variant is named after its `error_type` in `UpperCamelCase`. Where the derive's
//!   snake_case of that name is not the `error_type` (a digit after an underscore, as in
//!   `twitter_401` or `argon_2_key_length_mismatch`), `error_type = "…"` names it explicitly.
//! - The message is the body's `error_message`, byte for byte, even where the page's prose
//!   says it differently (the pages use typographic apostrophes, the bodies ASCII ones).
//!   A literal brace in a message would be written `{{` or `}}`.
//! - The enum's `docs_url` is the base of the 400 and 401 pages; the errors documented
//!   under another base (429 and the server errors under `api-reference/b2b`, 403 under
//!   `api-reference/consumer`, the live API's under `api/errors`, and others) give theirs on
//!   each variant, so that every `error_url` is the one Stytch sends. An error documented
//!   under several bases keeps one.
//! - `covers = …` (a line of its own) says which error answers the failures a framework
//!   makes itself, as Stytch answers them, for every status Stytch's catalog has a fitting
//!   error for: an unknown route is `route_not_found`, a wrong method
//!   `method_not_allowed`, missing or wrong credentials `unauthorized_credentials`, a rate
//!   limit `too_many_requests`, a closed request `client_closed_request`, a timeout or an
//!   unavailable upstream `server_unavailable` (a retry may succeed); any other client
//!   error (a malformed body, a missing field, a wrong `content-type`, a body over the
//!   limit, a 403 or a 409 of the service's) `bad_request`, any other server error
//!   `internal_server_error`. Each answers with the status it stands for.
//!
//! The descriptions are Stytch's prose, kept verbatim rather than reworded for rustdoc.
#![allow(
    clippy::doc_markdown,
    rustdoc::bare_urls,
    reason = "the descriptions are Stytch's reference text, kept verbatim"
)]

use crate::ApiError;

/// Every error of Stytch's API, with the status, `error_type`, message and reference URL
/// Stytch sends, and the description, common causes and troubleshooting steps of its
/// reference page.
///
/// A service speaking Stytch's error language returns these; a client maps a body it
/// received back to its variant with [`ApiError::from_error_type`]. Stytch adds errors over
/// time, so the enum is `#[non_exhaustive]`: match it with a wildcard arm.
///
/// ```
/// use stytch_errors::{ApiError, ErrorBody, StytchError};
///
/// let error = StytchError::TooManyRequests;
/// assert_eq!(error.status_code(), 429);
/// assert_eq!(error.error_type(), "too_many_requests");
/// assert_eq!(
///     error.to_json("request-id-test-1"),
///     r#"{"status_code":429,"request_id":"request-id-test-1","error_type":"too_many_requests","error_message":"Too many requests have been made.","error_url":"https://stytch.com/docs/api-reference/b2b/api/errors/429#too_many_requests"}"#,
/// );
///
/// // A client reads a body back into the catalog.
/// let text = StytchError::Twitter401.to_json("request-id-test-2");
/// let body: ErrorBody<'_> = serde_json::from_str(&text).unwrap();
/// assert_eq!(body.error_type, "twitter_401");
/// assert_eq!(
///     StytchError::from_error_type(&body.error_type),
///     Some(StytchError::Twitter401),
/// );
///
/// // The reference page's documentation travels with the error.
/// let info = StytchError::UnableToAuthMagicLink.info();
/// assert_eq!(info.causes.len(), 2);
/// assert_eq!(info.fixes, ["Send a new magic link to the user"]);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiError)]
#[api_error(crate = "crate", docs_url = "https://stytch.com/docs/b2b/api/errors")]
pub enum StytchError {
    // ---- 400 Bad request ----
    // https://stytch.com/docs/b2b/api/errors/400
    /// You may not attach an MFA factor to a member that is not active.
    #[api_error(
        status = 400,
        message = "You may not attach an MFA factor to a member that is not active.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    ActionAvailableOnlyForActiveMembers,

    /// You must complete the primary authentication requirements for an organization before completing an MFA flow.
    #[api_error(
        status = 400,
        message = "You must complete the primary authentication requirements for an organization before completing an MFA flow.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    ActionAvailableOnlyOncePrimaryAuthenticationIsMet,

    /// Members with this email domain are restricted to organizations that have claimed this domain.
    #[api_error(
        status = 400,
        message = "Members with this email domain are restricted to organizations that have claimed this domain.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    ActionNotAllowedEmailDomainIsClaimed,

    /// Cannot create a new SCIM connection for the specified organization since the organization already has an active SCIM connection. Organizations may only have one active SCIM connection at a time.
    #[api_error(
        status = 400,
        message = "Cannot create a new SCIM connection for the specified organization since the organization already has an active SCIM connection. Organizations may only have one active SCIM connection at a time."
    )]
    ActiveScimConnectionExists,

    /// Cannot create a new TOTP for the specified user since the user already has an active TOTP. Users may only have one active TOTP at a time.
    #[api_error(
        status = 400,
        message = "Cannot create a new TOTP for the specified user since the user already has an active TOTP. Users may only have one active TOTP at a time."
    )]
    ActiveTotpExists,

    /// The request was blocked by an Ad Blocker. Please disable your ad blocker and try the request again.
    #[api_error(
        status = 400,
        message = "The request was blocked by an Ad Blocker. Please disable your ad blocker and try the request again.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    AdBlockerDetected,

    /// The number of user methods registered to the allow list has exceeded the maximum of 500.
    #[api_error(
        status = 400,
        message = "The number of user methods registered to the allow list has exceeded the maximum of 500.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    AllowListMaxExceeded,

    /// Allowed auth methods must be set for 'RESTRICTED' auth methods
    #[api_error(
        status = 400,
        message = "Allowed auth methods must be set for 'RESTRICTED' auth methods"
    )]
    AllowedAuthMethodsRequiredForRestricted,

    /// The Apple OAuth config was not found.
    #[api_error(status = 400, message = "The Apple OAuth config was not found.")]
    AppleOauthConfigNotFound,

    /// The key_length value doesn't match the length of the provided hash.
    #[api_error(
        status = 400,
        error_type = "argon_2_key_length_mismatch",
        message = "The key_length value doesn't match the length of the provided hash."
    )]
    Argon2KeyLengthMismatch,

    /// The submitted request is invalid.
    #[api_error(status = 400, message = "The submitted request is invalid.")]
    #[api_error(covers = "4xx")]
    BadRequest,

    /// You cannot use this endpoint in the live environment until credit card details are added to your account, but you can try the endpoint in the test environment. Once your billing information is verified, this endpoint can be used in live. Your first 5,000 monthly active users are free every month, but collecting this information helps us prevent abuse of the platform. Please go to billing settings to provide billing information.
    #[api_error(
        status = 400,
        message = "You cannot use this endpoint in the Live environment until credit card details are added to your account, but you can try the endpoint in the Test environment. Once your billing information is verified, this endpoint can be used in Live. Your first 5,000 monthly active users are free every month, but collecting this information helps us prevent abuse of the platform. Please go to https://stytch.com/settings/billing to provide billing information."
    )]
    BillingNotVerified,

    /// You can only send magic links to emails matching your project's domain until credit card details are added to your account. Once your billing information is verified, emails can be sent to anyone. Your first 5,000 monthly active users are free every month, but collecting this information helps us prevent abuse of the platform. Please go to billing settings to provide billing information.
    #[api_error(
        status = 400,
        message = "You can only send magic links to emails matching your project's domain until credit card details are added to your account. Once your billing information is verified, emails can be sent to anyone. Your first 5,000 monthly active users are free every month, but collecting this information helps us prevent abuse of the platform. Please see https://stytch.com/settings/billing to provide billing information."
    )]
    BillingNotVerifiedForEmail,

    // The reference page gives no description, only causes and troubleshooting steps.
    #[allow(missing_docs)]
    #[api_error(
        status = 400,
        message = "password appears in a list of breached passwords."
    )]
    #[api_error(
        cause = "The password was previously leaked, and the password now appears in the HaveIBeenPwned dataset.",
        fix = "Use the password strength check endpoint endpoint to get actionable feedback on improving the strength of the password string. This feedback can be passed on to the end user via your UI."
    )]
    BreachedPassword,

    /// The default role is implicitly assigned to all members in the project and cannot be explicitly assigned.
    #[api_error(
        status = 400,
        message = "The default role is implicitly assigned to all members in the project and cannot be explicitly assigned."
    )]
    CannotAssignDefaultRbacRoleId,

    /// Please update the default SSO connection setting for this organization to a different SSO connection before deleting.
    #[api_error(
        status = 400,
        message = "Please update the default SSO connection setting for this organization to a different SSO connection before deleting."
    )]
    CannotDeleteDefaultSsoConnection,

    /// Cannot delete the last email for a user with a password. This ensures they can complete a password reset.
    #[api_error(
        status = 400,
        message = "Cannot delete the last email for a user with a password. This ensures they can complete a password reset."
    )]
    CannotDeleteEmail,

    /// You cannot delete the last primary factor (email, phone number, crypto wallet) for a user because that would make their account difficult or impossible to recover. If you want to remove the user from your project, delete the user instead.
    #[api_error(
        status = 400,
        message = "Cannot delete the last primary factor (email, phone number, crypto wallet) for a user. If you want to delete the user instead, use the DeleteUser endpoint: https://stytch.com/docs/api/delete-user"
    )]
    CannotDeleteLastPrimaryFactor,

    /// Cannot delete the last verification certificate for a connection. Please pass in another one before deleting this one.
    #[api_error(
        status = 400,
        message = "Cannot delete the last verification certificate for a connection. Please pass in another one before deleting this one."
    )]
    CannotDeleteLastSsoVerificationKey,

    /// Cannot reset user's password using their existing password. This could be because their existing password was part of a data breach or to prevent password squatting. Please reset the password via a session or email reset.
    #[api_error(
        status = 400,
        message = "Cannot reset user's password using their existing password. This could be because their existing password was part of a data breach or to prevent password squatting. Please reset the password via a session or email reset."
    )]
    CannotResetPasswordWithExistingPassword,

    /// WebAuthn can only be used with active users. To learn more about WebAuthn and user states please see here and here.
    #[api_error(
        status = 400,
        message = "WebAuthn can only be used for active users. To learn more about WebAuthn and user states read more at https://stytch.com/docs/api/webauthn-overview and https://stytch.com/docs/api/user-states."
    )]
    CannotUseWebauthnWithPendingUser,

    /// Client secret is too long. Please make sure you have the correct value.
    #[api_error(
        status = 400,
        message = "Client secret is too long. Please make sure you have the correct value."
    )]
    ClientSecretTooLong,

    /// Custom claims are too large.
    #[api_error(status = 400, message = "Custom claims are too large.")]
    CustomClaimsTooLarge,

    /// This endpoint has been deprecated
    #[api_error(status = 400, message = "This endpoint has been deprecated")]
    DeprecatedEndpoint,

    /// A user with the specified email already exists for this project.
    #[api_error(
        status = 400,
        message = "A user with the specified email already exists for this project."
    )]
    DuplicateEmail,

    /// The specified email is already tied to this user.
    #[api_error(
        status = 400,
        message = "The specified email is already tied to this user."
    )]
    DuplicateEmailForUser,

    /// Email template vanity ID already exists.
    #[api_error(status = 400, message = "Email template vanity ID already exists.")]
    DuplicateEmailTemplateVanityId,

    /// The client ID submitted is already in use by another client.
    #[api_error(
        status = 400,
        message = "The client ID submitted is already in use by another client."
    )]
    DuplicateM2mClientId,

    /// This email already exists for this organization.
    #[api_error(
        status = 400,
        message = "This email already exists for this organization."
    )]
    DuplicateMemberEmail,

    /// A member with the specified phone number already exists for this organization.
    #[api_error(
        status = 400,
        message = "A member with the specified phone number already exists for this organization."
    )]
    DuplicateMemberPhoneNumber,

    /// A different phone number is already tied to this member.
    #[api_error(
        status = 400,
        message = "A different phone number is already tied to this member."
    )]
    DuplicateMemberPhoneNumberForMember,

    /// An organization with the specified name already exists.
    #[api_error(
        status = 400,
        message = "An organization with the specified name already exists."
    )]
    DuplicateOrganization,

    /// A user with the specified email already exists for this organization.
    #[api_error(
        status = 400,
        message = "A user with the specified email already exists for this organization."
    )]
    DuplicateOrganizationUser,

    /// A project user for the specified organization user already exists for this project.
    #[api_error(
        status = 400,
        message = "A project user for the specified organization user already exists for this project."
    )]
    DuplicateProjectUser,

    /// A redirect URL already exists for the provided URL.
    #[api_error(
        status = 400,
        message = "A redirect URL already exists for the provided URL."
    )]
    DuplicateRedirectUrl,

    /// The SAML connection already exists for this organization and IDP.
    #[api_error(
        status = 400,
        message = "The SAML connection already exists for this organization and IDP."
    )]
    DuplicateSamlConnection,

    /// This SAML response has already been seen. Please attempt to log in again.
    #[api_error(
        status = 400,
        message = "This SAML response has already been seen. Please attempt to log in again."
    )]
    DuplicateSamlResponse,

    /// The supplied credential ID already exists for this project.
    #[api_error(
        status = 400,
        message = "The supplied credential ID already exists for this project."
    )]
    DuplicateWebauthnRegistration,

    /// Email JIT provisioning is not allowed for this organization.
    #[api_error(
        status = 400,
        message = "Email JIT provisioning is not allowed for this organization."
    )]
    EmailJitProvisioningNotAllowed,

    /// Too much time has passed since the login flow started. Please attempt to log in again.
    #[api_error(
        status = 400,
        message = "Too much time has passed since the login flow started. Please attempt to log in again."
    )]
    ExpiredOauthResponse,

    /// Too much time has passed since the login flow started. Please attempt to log in again.
    #[api_error(
        status = 400,
        message = "Too much time has passed since the login flow started. Please attempt to log in again."
    )]
    ExpiredOidcResponse,

    /// Too much time has passed since the login flow started. Please attempt to log in again.
    #[api_error(
        status = 400,
        message = "Too much time has passed since the login flow started. Please attempt to log in again."
    )]
    ExpiredSamlResponse,

    /// The TOTP for this user has expired without being verified.
    #[api_error(
        status = 400,
        message = "The TOTP for this user has expired without being verified."
    )]
    ExpiredTotp,

    /// The user failed to log in to their IDP, or the IDP failed to authenticate the application.
    #[api_error(
        status = 400,
        message = "The user failed to log in to their IDP, or the IDP failed to authenticate the application."
    )]
    FailedSamlResponse,

    /// ID token is expired.
    #[api_error(status = 400, message = "ID token is expired.")]
    IdTokenExpired,

    /// ID token's audience does not match the OAuth configuration's ID.
    #[api_error(
        status = 400,
        message = "ID token's audience does not match the OAuth configuration's ID."
    )]
    IdTokenIncorrectAudience,

    /// ID token is invalid.
    #[api_error(status = 400, message = "ID token is invalid.")]
    IdTokenInvalid,

    /// The provided nonce does not match the nonce in the ID token.
    #[api_error(
        status = 400,
        message = "The provided nonce does not match the nonce in the ID token."
    )]
    IdTokenNonceInvalid,

    /// The email provided has been marked as inactive by our email provider. This happens most often when the email is undeliverable due to a hard bounce.
    #[api_error(
        status = 400,
        message = "The email provided has been marked as inactive by our email provider. This happens most often when the email is undeliverable due to a hard bounce."
    )]
    InactiveEmail,

    /// The organization owns more than one SSO Connection. Please specify the specific connection to be used.
    #[api_error(
        status = 400,
        message = "The organization owns more than one SSO Connection. Please specify the specific connection to be used."
    )]
    IndeterminateSsoConnectionForOrganization,

    /// The client secret submitted is not secure enough. Please generate a more secure secret.
    #[api_error(
        status = 400,
        message = "The client secret submitted is not secure enough. Please generate a more secure secret."
    )]
    InsecureM2mClientSecret,

    /// The append_salt value is not supported because it's too long.
    #[api_error(
        status = 400,
        message = "The append_salt value is not supported because it's too long."
    )]
    InvalidAppendSalt,

    /// The iteration_amount value is invalid.
    #[api_error(
        status = 400,
        error_type = "invalid_argon_2_iteration_amount",
        message = "The iteration_amount value is invalid."
    )]
    InvalidArgon2IterationAmount,

    /// The key_length value is invalid.
    #[api_error(
        status = 400,
        error_type = "invalid_argon_2_key_length",
        message = "The key_length value is invalid."
    )]
    InvalidArgon2KeyLength,

    /// The memory value is invalid.
    #[api_error(
        status = 400,
        error_type = "invalid_argon_2_memory",
        message = "The memory value is invalid."
    )]
    InvalidArgon2Memory,

    /// The salt value is an unsupported length.
    #[api_error(
        status = 400,
        error_type = "invalid_argon_2_salt",
        message = "The salt value is an unsupported length."
    )]
    InvalidArgon2Salt,

    /// The threads value is invalid.
    #[api_error(
        status = 400,
        error_type = "invalid_argon_2_threads",
        message = "The threads value is invalid."
    )]
    InvalidArgon2Threads,

    /// Invalid argument.
    #[api_error(status = 400, message = "Invalid argument.")]
    InvalidArgument,

    /// The audience in the SAML response is incorrect.
    #[api_error(
        status = 400,
        message = "The audience in the SAML response is incorrect."
    )]
    InvalidAudienceSamlResponse,

    /// The authentication type provided in the header of the request is invalid. The Stytch API uses basic authentication. See more about authenticating Stytch API requests here.
    #[api_error(
        status = 400,
        message = "The authentication type provided in the header of the request is invalid. The Stytch API uses basic authentication. See more about authenticating Stytch API requests here: https://stytch.com/docs/api/authentication"
    )]
    InvalidAuthenticationType,

    /// Invalid authenticator type. The valid values are platform and cross-platform.
    #[api_error(
        status = 400,
        message = "Invalid authenticator type. The valid values are platform and cross-platform."
    )]
    InvalidAuthenticatorType,

    /// The authorization header provided with the request is invalid.
    #[api_error(
        status = 400,
        message = "The authorization header provided with the request is invalid."
    )]
    #[api_error(
        cause = "HTTP request is missing an Authorization header",
        cause = "The Authorization header in the HTTP request is not formatted properly",
        cause = "The Authorization header in the HTTP request has the incorrect credentials",
        fix = "Check the Authorization header in the HTTP request for proper formatting.",
        fix = "Always use the Basic Auth type in the header.",
        fix = "Check the project credentials you entered match your API keys in the Dashboard."
    )]
    InvalidAuthorizationHeader,

    /// Please ensure the length of your authorization_url is less than or equal to 255 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your authorization_url is less than or equal to 255 characters."
    )]
    InvalidAuthorizationUrl,

    /// The provided project_id is a Consumer project and this endpoint is only enabled for B2B projects. Please go to https://stytch.com/docs/home for the consumer version.
    #[api_error(
        status = 400,
        message = "The provided project_id is a Consumer project and this endpoint is only enabled for B2B projects. Please go to https://stytch.com/docs/home for the consumer version.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    InvalidB2bEndpoint,

    /// The provided hash isn't a base64 encoded string. Please base64 encode the hash before passing it to this endpoint.
    #[api_error(
        status = 400,
        message = "The provided hash isn't a base64 encoded string. Please base64 encode the hash before passing it to this endpoint."
    )]
    InvalidBase64ScryptHash,

    /// The provided salt isn't a base64 encoded string. Please base64 encode the salt before passing it to this endpoint.
    #[api_error(
        status = 400,
        message = "The provided salt isn't a base64 encoded string. Please base64 encode the salt before passing it to this endpoint."
    )]
    InvalidBase64ScryptSalt,

    /// The bcrypt cost value is too high, it must be less than 15. If you need a higher cost parameter, please email support@stytch.com.
    #[api_error(
        status = 400,
        message = "The bcrypt cost value is too high, it must be less than 15. If you need a higher cost parameter, please email support@stytch.com."
    )]
    InvalidBcryptCost,

    /// The bcrypt hash passed is not valid.
    #[api_error(status = 400, message = "The bcrypt hash passed is not valid.")]
    InvalidBcryptHash,

    /// The callback URL has an invalid OAuth Callback ID. Please find it in the dashboard at https://stytch.com/dashboard/ and follow the steps there to enter it into the identity provider
    #[api_error(
        status = 400,
        message = "The callback URL has an invalid OAuth Callback ID. Please find it in the dashboard at https://stytch.com/dashboard/ and follow the steps there to enter it into the identity provider"
    )]
    InvalidCallbackId,

    /// captcha_provider_id format is invalid.
    #[api_error(status = 400, message = "captcha_provider_id format is invalid.")]
    InvalidCaptchaProviderId,

    /// provider_type should be set to 'GoogleRecaptchaEnterpriseSilentWeb', 'GoogleRecaptchaEnterpriseSilentAndroid', or 'GoogleRecaptchaEnterpriseSilentIOS',.
    #[api_error(
        status = 400,
        message = "provider_type should be set to 'GoogleRecaptchaEnterpriseSilentWeb', 'GoogleRecaptchaEnterpriseSilentAndroid', or 'GoogleRecaptchaEnterpriseSilentIOS',."
    )]
    InvalidCaptchaProviderType,

    /// threshold should be in the range 0 to 1 inclusive.
    #[api_error(
        status = 400,
        message = "threshold should be in the range 0 to 1 inclusive."
    )]
    InvalidCaptchaThreshold,

    /// Please ensure the length of your client_id is less than or equal to 255 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your client_id is less than or equal to 255 characters."
    )]
    InvalidClientId,

    /// Please ensure the length of your client_secret is less than or equal to 512 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your client_secret is less than or equal to 512 characters."
    )]
    InvalidClientSecret,

    /// Code format is invalid.
    #[api_error(status = 400, message = "Code format is invalid.")]
    InvalidCode,

    /// The SSO connection isn't allowed to create new users according to the organization's JIT provisioning settings.
    #[api_error(
        status = 400,
        message = "The SSO connection isn't allowed to create new users according to the organization's JIT provisioning settings."
    )]
    InvalidConnectionForJitProvisioning,

    /// This endpoint is only enabled for consumer projects.
    #[api_error(
        status = 400,
        message = "This endpoint is only enabled for consumer projects."
    )]
    InvalidConsumerEndpoint,

    /// Thanks for trying Stytch! Replace the default URL with your own to get started. If you haven't already done so, you'll also need to set your magic_link_urls in the dashboard here: https://stytch.com/dashboard/redirect-urls
    #[api_error(
        status = 400,
        message = "Thanks for trying Stytch! Replace the default URL with your own to get started. If you haven't already done so, you'll also need to set your magic_link_urls in the dashboard here: https://stytch.com/dashboard/redirect-urls"
    )]
    InvalidDefaultUrl,

    /// discovery_redirect_url is invalid. Common issues include using http instead of https or omitting https://.
    #[api_error(
        status = 400,
        message = "discovery_redirect_url is invalid. Common issues include using http instead of https or omitting https://."
    )]
    InvalidDiscoveryRedirectUrl,

    /// Please ensure the length of your display name is less than or equal to 128 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your display name is less than or equal to 128 characters."
    )]
    InvalidDisplayName,

    /// Invalid domain, ensure that only the domain was provided. Do not include https:// or a port in this value. Visit the link here for more information about valid domains (called RP ID on the site).
    #[api_error(
        status = 400,
        message = "Invalid domain, ensure that only the domain was provided. Do not include https:// or a port in this value. Visit https://w3c.github.io/webauthn/#rp-id for more information about valid domains (called RP ID on the site)."
    )]
    InvalidDomain,

    /// The email address is invalid (i.e. not properly formatted) or missing. Check that the email address is properly formatted and only includes allowed characters.
    #[api_error(status = 400, message = "Email format is invalid.")]
    InvalidEmail,

    /// The email isn't valid within the organization's invite settings.
    #[api_error(
        status = 400,
        message = "The email isn't valid within the organization's invite settings."
    )]
    InvalidEmailForInvites,

    /// The email isn't valid within the organization's JIT provisioning settings.
    #[api_error(
        status = 400,
        message = "The email isn't valid within the organization's JIT provisioning settings."
    )]
    InvalidEmailForJitProvisioning,

    /// email html is not valid.
    #[api_error(status = 400, message = "email html is not valid.")]
    InvalidEmailHtml,

    /// The email_id is invalid (i.e. not properly formatted) or missing. email-test-81bf03a8-86e1-4d95-bd44-bb3495224953 is an example email_id.
    #[api_error(status = 400, message = "email_id format is invalid.")]
    InvalidEmailId,

    /// email plaintext is not valid.
    #[api_error(status = 400, message = "email plaintext is not valid.")]
    InvalidEmailPlaintext,

    /// Invalid email. The sanbox@stytch.com email can only be used in the Test environment.
    #[api_error(
        status = 400,
        message = "Invalid email. The sanbox@stytch.com email can only be used in the Test environment."
    )]
    InvalidEmailSandbox,

    /// email subject is not valid.
    #[api_error(status = 400, message = "email subject is not valid.")]
    InvalidEmailSubject,

    /// Expiration is invalid, should be between 5 and 10080 minutes.
    #[api_error(
        status = 400,
        message = "Expiration is invalid, should be between 5 and 10080 minutes."
    )]
    InvalidExpiration,

    /// expiration_minutes is invalid, should be between 1 and 10 minutes.
    #[api_error(
        status = 400,
        message = "expiration_minutes is invalid, should be between 1 and 10 minutes."
    )]
    InvalidExpirationOtp,

    /// hash is invalid.
    #[api_error(status = 400, message = "hash is invalid.")]
    InvalidHash,

    /// The hash_type is invalid. Please check here for a list of supported hash types.
    #[api_error(
        status = 400,
        message = "hash_type is invalid. Please check https://stytch.com/docs/api/password-migrate for a list of support hash types."
    )]
    InvalidHashType,

    /// ID format is invalid.
    #[api_error(status = 400, message = "ID format is invalid.")]
    InvalidId,

    /// Please ensure the length of your idp_entity_id is less than or equal to 255 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your idp_entity_id is less than or equal to 255 characters."
    )]
    InvalidIdpEntityId,

    /// Please ensure the length of your idp_sso_url is less than or equal to 255 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your idp_sso_url is less than or equal to 255 characters."
    )]
    InvalidIdpSsoUrl,

    /// The intermediate session token is invalid for the requested organization.
    #[api_error(
        status = 400,
        message = "The intermediate session token is invalid for the requested organization."
    )]
    InvalidIntermediateSessionTokenForOrganization,

    /// invite_redirect_url format is invalid. Common issues include using http instead of https or omitting https://.
    #[api_error(
        status = 400,
        message = "invite_redirect_url format is invalid. Common issues include using http instead of https or omitting https://."
    )]
    InvalidInviteRedirectUrl,

    /// ip_address format is invalid.
    #[api_error(status = 400, message = "ip_address format is invalid.")]
    InvalidIpAddress,

    /// Please ensure the length of your issuer is less than or equal to 128 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your issuer is less than or equal to 128 characters."
    )]
    InvalidIssuer,

    /// Please ensure the length of your jwks_url is less than or equal to 255 characters.
    #[api_error(
        status = 400,
        message = "Please ensure the length of your jwks_url is less than or equal to 255 characters."
    )]
    InvalidJwksUrl,

    /// locale is invalid.
    #[api_error(status = 400, message = "locale is invalid.")]
    InvalidLocale,

    /// login_redirect_url format is invalid. Common issues include using http instead of https or omitting https://.
    #[api_error(
        status = 400,
        message = "login_redirect_url format is invalid. Common issues include using http instead of https or omitting https://."
    )]
    InvalidLoginOauthUrl,

    /// login_redirect_url format is invalid. Common issues include using http instead of https or omitting https://.
    #[api_error(
        status = 400,
        message = "login_redirect_url format is invalid. Common issues include using http instead of https or omitting https://."
    )]
    InvalidLoginRedirectUrl,

    /// login_redirect_url format is invalid. Common issues include using http instead of https or omitting https://.
    #[api_error(
        status = 400,
        message = "login_redirect_url format is invalid. Common issues include using http instead of https or omitting https://."
    )]
    InvalidLoginSsoUrl,

    /// The client scope was invalid. Client scopes must be at most 128 characters long and must not contain spaces, backslashes, or quotes.
    #[api_error(
        status = 400,
        message = "The client scope was invalid. Client scopes must be at most 128 characters long and must not contain spaces, backslashes, or quotes."
    )]
    InvalidM2mClientScope,

    /// The client status sent was invalid. Client statuses must be either 'active' or 'disabled'.
    #[api_error(
        status = 400,
        message = "The client status sent was invalid. Client statuses must be either 'active' or 'disabled'."
    )]
    InvalidM2mClientStatus,

    /// The MD5 hash passed is not valid.
    #[api_error(
        status = 400,
        error_type = "invalid_md_5_hash",
        message = "The MD5 hash passed is not valid."
    )]
    InvalidMd5Hash,

    /// Please ensure at least one of the following is provided: member_id, email_address.
    #[api_error(
        status = 400,
        message = "Please ensure at least one of the following is provided: member_id, email_address."
    )]
    InvalidMemberGetFields,

    /// The method_id is invalid (i.e. not properly formatted) or missing. email-test-81bf03a8-86e1-4d95-bd44-bb3495224953 is an example method_id.
    #[api_error(status = 400, message = "method_id format is invalid.")]
    InvalidMethodId,

    /// Only Microsoft Azure Active Directory (AAD) Tenants are permitted to use the Stytch B2B OAuth product. If you are trying to integrate an AAD-B2C account, configure that AAD-B2C tenant as an org-scoped OIDC or SAML connection.
    #[api_error(
        status = 400,
        message = "Only Microsoft Azure Active Directory (AAD) Tenants are permitted to use the Stytch B2B OAuth product. If you are trying to integrate an AAD-B2C account, configure that AAD-B2C tenant as an org-scoped OIDC or SAML connection."
    )]
    InvalidMicrosoftTenantType,

    /// The User Principal Name associated with the login did not have a matching validated domain.
    #[api_error(
        status = 400,
        message = "The User Principal Name associated with the login did not have a matching validated domain."
    )]
    InvalidMicrosoftUserPrincipalName,

    /// We didn't recognize the OAuth provider name in the request. Check that the argument is the name of a supported OAuth provider.
    #[api_error(
        status = 400,
        message = "We didn't recognize the OAuth provider name in the request. Check that the argument is the name of a supported OAuth provider."
    )]
    InvalidOauthProvider,

    /// Allowed auth methods can only be 'sso', 'password', 'google_oauth', 'microsoft_oauth', and/or 'magic_link'
    #[api_error(
        status = 400,
        message = "Allowed auth methods can only be 'sso', 'password', 'google_oauth', 'microsoft_oauth', and/or 'magic_link'"
    )]
    InvalidOrganizationAllowedAuthMethods,

    /// The value provided isn't valid. Valid values are 'NOT_ALLOWED', 'RESTRICTED', or 'ALL_ALLOWED'.
    #[api_error(
        status = 400,
        message = "The value provided isn't valid. Valid values are 'NOT_ALLOWED', 'RESTRICTED', or 'ALL_ALLOWED'."
    )]
    InvalidOrganizationAuthFactorSetting,

    /// Email JIT Provisioning can only be 'NOT_ALLOWED' or 'RESTRICTED', never 'ALL_ALLOWED'
    #[api_error(
        status = 400,
        message = "Email JIT Provisioning can only be 'NOT_ALLOWED' or 'RESTRICTED', never 'ALL_ALLOWED'"
    )]
    InvalidOrganizationAuthFactorSettingForEmailJitProvisioning,

    /// Auth methods can only be 'ALL_ALLOWED' or 'RESTRICTED', never 'NOT_ALLOWED'
    #[api_error(
        status = 400,
        message = "Auth methods can only be 'ALL_ALLOWED' or 'RESTRICTED', never 'NOT_ALLOWED'"
    )]
    InvalidOrganizationAuthMethodSettings,

    /// organization_id format is invalid.
    #[api_error(status = 400, message = "organization_id format is invalid.")]
    InvalidOrganizationId,

    /// The value provided isn't valid. Valid values are 'OPTIONAL', or 'REQUIRED_FOR_ALL'.
    #[api_error(
        status = 400,
        message = "The value provided isn't valid. Valid values are 'OPTIONAL', or 'REQUIRED_FOR_ALL'."
    )]
    InvalidOrganizationMfaPolicy,

    /// Organization name cannot be longer than 128 characters.
    #[api_error(
        status = 400,
        message = "Organization name cannot be longer than 128 characters."
    )]
    InvalidOrganizationName,

    /// The organization_slug must be at least 2 characters long and may only contain alphanumerics and the reserved characters '-', '.', '_', or '~'. At least one character must be alphanumeric.
    #[api_error(
        status = 400,
        message = "The organization_slug must be at least 2 characters long and may only contain alphanumerics and the reserved characters '-', '.', '_', or '~'. At least one character must be alphanumeric."
    )]
    InvalidOrganizationSlug,

    /// password_id format is invalid.
    #[api_error(status = 400, message = "password_id format is invalid.")]
    InvalidPasswordId,

    /// reset_password_redirect_url is invalid. Common issues include using http instead of https or omitting https://.
    #[api_error(
        status = 400,
        message = "reset_password_redirect_url is invalid. Common issues include using http instead of https or omitting https://."
    )]
    InvalidPasswordResetRedirectUrl,

    /// The PBKDF-2 hash passed is not valid.
    #[api_error(
        status = 400,
        error_type = "invalid_pbkdf_2_hash",
        message = "The PBKDF-2 hash passed is not valid."
    )]
    InvalidPbkdf2Hash,

    /// The provided PBKDF-2 iteration_amount value is invalid. Valid range: 512-524288.
    #[api_error(
        status = 400,
        error_type = "invalid_pbkdf_2_iteration_amount",
        message = "The provided PBKDF-2 iteration_amount value is invalid. Valid range: 512-524288."
    )]
    InvalidPbkdf2IterationAmount,

    /// The provided PBKDF-2 key_length is invalid. Valid range: 8-2048.
    #[api_error(
        status = 400,
        error_type = "invalid_pbkdf_2_key_length",
        message = "The provided PBKDF-2 key_length is invalid. Valid range: 8-2048."
    )]
    InvalidPbkdf2KeyLength,

    /// The provided PBKDF-2 salt is missing or an invalid length.
    #[api_error(
        status = 400,
        error_type = "invalid_pbkdf_2_salt",
        message = "The provided PBKDF-2 salt is missing or an invalid length."
    )]
    InvalidPbkdf2Salt,

    /// All actions used in RBAC role permissions must be defined within their respective resource.
    #[api_error(
        status = 400,
        message = "All actions used in RBAC role permissions must be defined within their respective resource."
    )]
    InvalidPermissionAction,

    /// All resources used in RBAC role permissions must be defined.
    #[api_error(
        status = 400,
        message = "All resources used in RBAC role permissions must be defined."
    )]
    InvalidPermissionResource,

    /// The phone number is invalid, i.e. not properly formatted, or missing.
    #[api_error(
        status = 400,
        message = "Phone number format is invalid. Ensure the phone number is in the E.164 format."
    )]
    #[api_error(
        cause = "If you’re accepting the raw input from a user, they may have included an invalid character, i.e. not a digit.",
        cause = "If the phone number is missing from the call, you may not be passing the input from the user to your backend.",
        fix = "If you’re accepting the raw input form a user, make sure you’re sanitizing the input and formatting it properly. Many libraries can help with this, like libphonenumber-js.",
        fix = "Check that the phone number is properly formatted with the E. 164 format, e.g. “+14155551234”",
        fix = "Check that the phone number only includes allowed characters, i.e. dashes “555-1234” and parentheses “(415)” are not included."
    )]
    InvalidPhoneNumber,

    /// The phone number's country code is invalid or not supported.
    #[api_error(
        status = 400,
        message = "The phone number's country code is invalid, unsupported, or disabled for your Stytch Workspace. Please see here for additional information: https://stytch.com/docs/api/errors/400#invalid_phone_number_country_code"
    )]
    #[api_error(
        cause = "SMS to phone numbers outside of the US and Canada is disabled by default for customers who did not use SMS prior to October 2023. If you're interested in sending international SMS, please reach out to support@stytch.com.",
        cause = "Regardless of whether or not you are enabled for international SMS, Stytch does not support sending SMS to countries on our Unsupported countries list.",
        fix = "Make sure that the country code you've provided is correctly formatted.",
        fix = "Make sure that your Stytch workspace is enabled for SMS to international numbers by reaching out to support@stytch.com."
    )]
    InvalidPhoneNumberCountryCode,

    /// Thanks for trying Stytch! Replace the test phone number with a valid one to start sending one-time passcodes.
    #[api_error(
        status = 400,
        message = "Thanks for trying Stytch! Replace the test phone number with a valid one to start sending one-time passcodes."
    )]
    InvalidPhoneNumberDocs,

    /// Phone number is invalid. The sandbox phone number, +10000000000, can only be used in the Test environment.
    #[api_error(
        status = 400,
        message = "Phone number is invalid. The sandbox phone number, +10000000000, can only be used in the Test environment."
    )]
    InvalidPhoneNumberSandbox,

    /// The phpass hash has an incorrect format as it needs to be exactly 34 characters.
    #[api_error(
        status = 400,
        message = "The phpass hash has an incorrect format as it needs to be exactly 34 characters."
    )]
    InvalidPhpassHashFormat,

    /// The project ID provided in the basic authentication header is invalid. Please check to make sure the format is correct and there are no trailing whitespaces. To create a new project or confirm an existing project ID please visit the Stytch dashboard here: https://stytch.com/dashboard/api-keys
    #[api_error(
        status = 400,
        message = "The project ID provided in the basic authentication header is invalid. Please check to make sure the format is correct and there are no trailing whitespaces. To create a new project or confirm an existing project ID please visit the Stytch dashboard here: https://stytch.com/dashboard/api-keys",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    InvalidProjectIdAuthentication,

    /// Session token format is invalid.
    #[api_error(
        status = 400,
        message = "Session token format is invalid.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    InvalidSessionToken,

    /// Token format is invalid.
    #[api_error(
        status = 400,
        message = "Token format is invalid.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    InvalidToken,

    /// The organization search operand filter_name was not recognized. Please see https://stytch.com/docs/b2b/api/search-organizations for request schema details and examples.
    #[api_error(
        status = 400,
        message = "The organization search operand filter_name was not recognized. Please see https://stytch.com/docs/b2b/api/search-organizations for request schema details and examples."
    )]
    OrganizationSearchFilterNameNotRecognized,

    /// The provided organization_slug is already used in another organization.
    #[api_error(
        status = 400,
        message = "The provided organization_slug is already used in another organization."
    )]
    OrganizationSlugAlreadyUsed,

    /// password doesn't meet our strength requirements.
    #[api_error(
        status = 400,
        message = "password doesn't meet our strength requirements.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    WeakPassword,

    // ---- 401 Unauthorized ----
    // https://stytch.com/docs/b2b/api/errors/401
    /// Unable to authenticate because attributes on request don't match stored attributes.
    #[api_error(
        status = 401,
        message = "Unable to authenticate because attributes on request don't match stored attributes."
    )]
    AttributeMismatch,

    /// Stytch SDKs cannot update trusted metadata with user-provided values. Trusted metadata can only be updated by direct API integrations. SDKs are only allowed to update untrusted_metadata. Visit our docs to learn more.
    #[api_error(
        status = 401,
        message = "Stytch SDKs cannot update trusted metadata with user-provided values. Trusted metadata can only be updated by direct API integrations. SDKs are only allowed to update untrusted_metadata. Visit our docs to learn more.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    CannotUpdateTrustedMetadata,

    /// You didn't provide a valid CNAME with your HTTP-only cookies setting set to 'ENFORCED'. Consider updating the HTTP-only cookies setting to 'ENABLED' or making a request via the project's configured CNAME.
    #[api_error(
        status = 401,
        message = "You didn't provide a valid CNAME with your HTTP-only cookies setting set to 'ENFORCED'. Consider updating the HTTP-only cookies setting to 'ENABLED' or making a request via the project's configured CNAME.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    CnameInvalidForHttpOnlyCookies,

    /// The project owner hasn’t authorized the Stytch SDK to call endpoints for this product.
    #[api_error(
        status = 401,
        message = "The project owner has not authorized the SDK to call this endpoint. Please enable it in the dashboard to continue: https://stytch.com/dashboard/sdk-configuration."
    )]
    #[api_error(
        cause = "You haven’t yet configured your Stytch project to allow SDK access to this product.",
        fix = "Enable the product via the SDK configuration tab in the Stytch Dashboard.",
        fix = "If you’re using our WebAuthn product, you’ll also need to enable “Manage user data” via the SDK configuration tab."
    )]
    EndpointNotAuthorizedForSdk,

    /// Thanks for trying Stytch! We're glad you're excited to try our new products, but this one requires approval before using. Please reach out to support@stytch.com if you're interested.
    #[api_error(
        status = 401,
        message = "Thanks for trying Stytch! We're glad you're excited to try our new products, but this one requires approval before using. Please reach out to support@stytch.com if you're interested."
    )]
    EnterpriseEndpoint,

    /// User must be logged in with multiple categories of factors to call this endpoint.
    #[api_error(
        status = 401,
        message = "User must be logged in with multiple categories of factors to call this endpoint."
    )]
    InsufficientFactors,

    /// The user has not verified their email with the OAuth provider. Please encourage them to verify their email address and try again.
    #[api_error(
        status = 401,
        message = "The user has not verified their email with the OAuth provider. Please encourage them to verify their email address and try again."
    )]
    OauthUnverifiedEmail,

    /// The user has not verified their email with the external provider. Please encourage them to verify their email address and try again.
    #[api_error(
        status = 401,
        message = "The user has not verified their email with the external provider. Please encourage them to verify their email address and try again."
    )]
    OidcResponseUnverifiedEmail,

    /// The provided session cannot be used to reset a password. It does not have an authentication_factor that was authenticated within the last 5 minutes. Please prompt the user to authenticate again before retrying the endpoint.
    #[api_error(
        status = 401,
        message = "The provided session cannot be used to reset a password. It does not have an authentication_factor that was authenticated within the last 5 minutes. Please prompt the user to authenticate again before retrying the endpoint."
    )]
    SessionTooOldToResetPassword,

    /// In order to call this endpoint, the user should have authenticated within the last hour. Please reauthenticate and try again.
    #[api_error(
        status = 401,
        message = "In order to call this endpoint, the user should have authenticated within the last hour. Please reauthenticate and try again."
    )]
    StaleFactors,

    /// You have exceeded the maximum number of M2M clients for your billing tier.
    #[api_error(
        status = 401,
        message = "You have exceeded the maximum number of M2M clients for your billing tier."
    )]
    TooManyM2mClientsForBillingTier,

    /// You have exceeded the maximum SSO connections for your billing tier.
    #[api_error(
        status = 401,
        message = "You have exceeded the maximum SSO connections for your billing tier."
    )]
    TooManySsoConnectionsForBillingTier,

    /// Twitter responded with a 401 Unauthorized error.
    #[api_error(
        status = 401,
        error_type = "twitter_401",
        message = "Twitter responded with a 401 Unauthorized error."
    )]
    Twitter401,

    /// The magic link could not be authenticated because it was either used or expired.
    #[api_error(
        status = 401,
        message = "The magic link could not be authenticated because it was either already used or expired. Send another magic link to this user."
    )]
    #[api_error(
        cause = "A user clicks a magic link they already used before",
        cause = "A user waits too long to click a magic link that has expired",
        fix = "Send a new magic link to the user"
    )]
    UnableToAuthMagicLink,

    /// The passcode could not be authenticated because it was either already used or expired. Send another passcode to this user.
    #[api_error(
        status = 401,
        message = "The passcode could not be authenticated because it was either already used or expired. Send another passcode to this user."
    )]
    #[api_error(
        cause = "The user may have inadvertently entered the same OTP code twice; either re-using a code they already authenticated or an expired code.",
        cause = "If you wrapped the OTPAuthenticate call in a useEffect and you are using React 18 in StrictMode, you may be double calling the method. See here for more details.",
        fix = "Review your code, and network requests (if using a frontend SDK) to determine if multiple requests are being made.",
        fix = "Send a new code to the user."
    )]
    UnableToAuthOtpCode,

    /// The password reset token could not be authenticated, try sending another password reset email to the user.
    #[api_error(
        status = 401,
        message = "The password reset token could not be authenticated, try sending another password reset email to the user."
    )]
    UnableToAuthPasswordResetToken,

    /// WebAuthn registration could not be authenticated.
    #[api_error(
        status = 401,
        message = "WebAuthn registration could not be authenticated."
    )]
    UnableToAuthWebauthnRegistration,

    /// Unable to authenticate recovery code.
    #[api_error(status = 401, message = "Unable to authenticate recovery code.")]
    UnableToAuthenticateRecoveryCode,

    /// Unable to authenticate TOTP.
    #[api_error(status = 401, message = "Unable to authenticate TOTP.")]
    UnableToAuthenticateTotp,

    /// Unauthorized action.
    #[api_error(status = 401, message = "Unauthorized action.")]
    UnauthorizedAction,

    /// This action or feature is not supported by your billing tier. Please visit https://stytch.com/dashboard/settings/pricing-plans for more information.
    #[api_error(
        status = 401,
        message = "This action or feature is not supported by your billing tier. Please visit https://stytch.com/dashboard/settings/pricing-plans for more information."
    )]
    UnauthorizedBillingPermissions,

    /// The provided credentials (project_id and secret) were invalid, or an incorrect password was provided to an Authenticate Password request.
    #[api_error(status = 401, message = "Unauthorized credentials.")]
    #[api_error(covers = 401)]
    #[api_error(
        cause = "Working with multiple Stytch projects results in the project_id and secret getting mixed up",
        fix = "Compare the secret and project_id you are using the the values in the Stytch dashboard.",
        fix = "Confirm that the password provided to our Authenticate Password endpoint was correct, or prompt the user to reset their password",
        fix = "Confirm the secret and project_id are associated within the same project",
        fix = "Generate a new secret for your project_id in the Stytch dashboard"
    )]
    UnauthorizedCredentials,

    /// The provided credentials are invalid.
    #[api_error(
        status = 401,
        message = "The provided credentials are invalid.",
        docs_url = "https://stytch.com/docs/fraud/api/errors"
    )]
    UnauthorizedCredentialsError,

    /// Thanks for trying Stytch! Replace the project ID and secret with your credentials from the developer dashboard to start adding users. To get started, sign up here: https://stytch.com/login
    #[api_error(
        status = 401,
        message = "Thanks for trying Stytch! Replace the project ID and secret with your credentials from the developer dashboard to start adding users. To get started, sign up here: https://stytch.com/login"
    )]
    UnauthorizedCredentialsHomepage,

    /// Unauthorized credentials. Looks like the project ID supplied in the request was a live project id. Try using a test project id when hitting test.stytch.com.
    #[api_error(
        status = 401,
        message = "Unauthorized credentials. Looks like the project ID supplied in the request was a live project id. Try using a test project id when hitting test.stytch.com."
    )]
    UnauthorizedProjectIdLive,

    /// Unauthorized credentials. Looks like the project ID supplied in the request was a test project id. Try using a live project id when hitting stytch.com.
    #[api_error(
        status = 401,
        message = "Unauthorized credentials. Looks like the project ID supplied in the request was a test project id. Try using a live project id when hitting stytch.com."
    )]
    UnauthorizedProjectIdTest,

    /// User must have an active Stytch session to call this method. Have you logged in yet?
    #[api_error(
        status = 401,
        message = "User must have an active Stytch session to call this method. Have you logged in yet?"
    )]
    UserUnauthenticated,

    /// This session does not contain a strong combination of factors.
    #[api_error(
        status = 401,
        message = "This session does not contain a strong combination of factors."
    )]
    WeakFactorCombination,

    // ---- 403 Forbidden ----
    // https://stytch.com/docs/api-reference/consumer/api/errors/403
    /// Captcha required
    #[api_error(
        status = 403,
        message = "Captcha required",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    CaptchaRequired,

    /// The User is not authorized to perform the requested action on that resource.
    #[api_error(
        status = 403,
        message = "The User is not authorized to perform the requested action on that resource.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    ConsumerSessionAuthorizationError,

    /// The request’s associated email is included in your email or email domain denylist.
    #[api_error(
        status = 403,
        message = "The request's associated email is included in your email or email domain denylist.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    EmailInDenylist,

    /// The request’s associated email is not included in your email or email domain allowlist.
    #[api_error(
        status = 403,
        message = "The request's associated email is not included in your email or email domain allowlist.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    EmailNotInAllowlist,

    /// Your organization has been suspended. Please contact support@stytch.com for assistance.
    #[api_error(
        status = 403,
        message = "Your organization has been suspended. Please contact support@stytch.com for assistance.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    OrganizationSuspended,

    /// The Member is not authorized to perform the requested action on that resource.
    #[api_error(
        status = 403,
        message = "The Member is not authorized to perform the requested action on that resource."
    )]
    SessionAuthorizationError,

    /// OrganizationID in AuthorizationCheck request does not match session's Organization ID
    #[api_error(
        status = 403,
        message = "OrganizationID in AuthorizationCheck request does not match session's Organization ID"
    )]
    SessionAuthorizationTenancyError,

    /// Twitter responded with a 403 Forbidden error.
    #[api_error(
        status = 403,
        error_type = "twitter_403",
        message = "Twitter responded with a 403 Forbidden error.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    Twitter403,

    /// Please use https instead of http.
    #[api_error(
        status = 403,
        message = "Please use https instead of http.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    UseHttps,

    /// The user_id provided in the OAuth Start request did not match the user associated with the OAuth callback.
    #[api_error(
        status = 403,
        message = "The user_id provided in the OAuth Start request did not match the user associated with the OAuth callback.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    UserIdMismatch,

    // ---- 404 Not found ----
    // https://stytch.com/docs/api-reference/b2b/api/errors/404, its consumer and older
    // counterparts, and the live API's bodies (under https://stytch.com/docs/api/errors)
    /// Billing info could not be found.
    #[api_error(
        status = 404,
        message = "Billing info could not be found.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    BillingInfoNotFound,

    /// Biometric registration could not be found.
    #[api_error(
        status = 404,
        message = "Biometric registration could not be found.",
        docs_url = "https://stytch.com/docs/api-reference/consumer/api/errors"
    )]
    BiometricRegistrationNotFound,

    /// Captcha Provider config could not be found.
    #[api_error(
        status = 404,
        message = "Captcha Provider config could not be found.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    CaptchaProviderNotFound,

    /// Could not find cname record using the values provided.
    #[api_error(
        status = 404,
        message = "Could not find cname record using the values provided.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    CnameRecordNotFound,

    /// The Connected App requested could not be found.
    #[api_error(
        status = 404,
        message = "The Connected App requested could not be found.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    ConnectedAppNotFound,

    /// The Stytch Default OAuth Provider is not compatible with this feature, which requires additional configuration for your project. Please configure your own OAuth provider in the dashboard at https://stytch.com/dashboard/oauth.
    #[api_error(
        status = 404,
        message = "The Stytch Default OAuth Provider is not compatible with this feature, which requires additional configuration for your project. Please configure your own OAuth provider in the dashboard at https://stytch.com/dashboard/oauth."
    )]
    DefaultProviderNotAllowed,

    /// Intermediate session could not be found.
    #[api_error(status = 404, message = "Intermediate session could not be found.")]
    IntermediateSessionNotFound,

    /// Organization could not be found.
    #[api_error(
        status = 404,
        message = "Organization could not be found.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    OrganizationNotFound,

    /// The route provided is not supported.
    #[api_error(
        status = 404,
        message = "The route provided is not supported.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    #[api_error(covers = 404)]
    RouteNotFound,

    /// User could not be found.
    #[api_error(
        status = 404,
        message = "User could not be found.",
        docs_url = "https://stytch.com/docs/api/errors"
    )]
    UserNotFound,

    // ---- 405 Method not allowed ----
    // https://stytch.com/docs/api-reference/b2b/api/errors/405
    /// The method used is not supported.
    #[api_error(
        status = 405,
        message = "The method used is not supported.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    #[api_error(covers = 405)]
    MethodNotAllowed,

    // ---- 429 Too many requests ----
    // https://stytch.com/docs/api-reference/b2b/api/errors/429
    /// Captcha failed
    #[api_error(
        status = 429,
        message = "Captcha failed",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    CaptchaFailed,

    /// Too many requests without sufficient percentage of tokens authenticated.
    #[api_error(
        status = 429,
        message = "Too many requests without sufficient percentage of tokens authenticated.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    TooFewTokensAuthenticated,

    /// Too many requests hit the Stytch API too quickly. We rate limit suspicious user activity per user, email, or phone number separately from global project rate limits.
    #[api_error(
        status = 429,
        message = "Too many requests have been made.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    #[api_error(
        cause = "Activity from a suspicious user is causing you to send a large number of requests to the Stytch API in a short period of time.",
        cause = "A bug in your application or testing flow is causing you to unintentionally send a large number of requests to the Stytch API.",
        cause = "You are attempting to complete testing flows that require a large number of requests to be made for the same email address or phone number.",
        fix = "Implement an exponential backoff of your requests.",
        fix = "Investigate any suspicious user activity on your end and take appropriate action, such as blocking the offending user.",
        fix = "Check your codebase to make sure that you are not unintentionally sending more requests than necessary to the Stytch API.",
        fix = "Use our Test environment and sandbox values to complete testing flows."
    )]
    #[api_error(covers = 429)]
    TooManyRequests,

    /// The user has been locked out due to too many failed authentication attempts. Please try again later.
    #[api_error(
        status = 429,
        message = "The user has been locked out due to too many failed authentication attempts. Please try again later.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors",
        // A lockout: the same attempt sent again would only fail again.
        retryable = false
    )]
    UserLockLimitReached,

    // ---- 499 Client closed request ----
    // https://stytch.com/docs/api-reference/b2b/api/errors/499
    /// Client closed request.
    #[api_error(
        status = 499,
        message = "Client closed request.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    #[api_error(covers = 499)]
    ClientClosedRequest,

    // ---- 500 Internal server error ----
    // https://stytch.com/docs/api-reference/b2b/api/errors/500
    /// Oops, something seems to have gone wrong. If this issue persists, please reach out to support.
    #[api_error(
        status = 500,
        message = "Oops, something seems to have gone wrong. If this issue persists, please reach out to support.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    #[api_error(covers = "5xx")]
    InternalServerError,

    // ---- 503 Service unavailable ----
    // https://stytch.com/docs/api-reference/b2b/api/errors/503
    /// Oops, something seems to have gone wrong. Please retry the request. If this issue persists, please reach out to support.
    #[api_error(
        status = 503,
        message = "Oops, something seems to have gone wrong. Please retry the request. If this issue persists, please reach out to support.",
        docs_url = "https://stytch.com/docs/api-reference/b2b/api/errors"
    )]
    #[api_error(covers = 408, covers = 503, covers = 504)]
    ServerUnavailable,

    /// The API was not able to handle the request. Please try again later and reach out to support.
    #[api_error(
        status = 503,
        message = "The API was not able to handle the request. Please try again later and reach out to support.",
        docs_url = "https://stytch.com/docs/api-reference/fraud/api/errors"
    )]
    ServiceUnavailable,
}
