//! The one place a request gets its credentials, for every API the client calls (the rating POSTs and the
//! catalogue GETs alike): `X-Auth-Token`, or `X-Domain-Id` and the AK/SK signature.

use super::config::Auth;
use super::signing::{sign_request, SignError, SignRequest};

/// `headers` with `auth`'s credentials added, and the URL to send them to: for AK/SK, the URL as signed
/// (normalised as `fetch` sends it, the query as sent) and the signature made at `unix_seconds` over `body`.
/// `Host` is left out: the transport sets it from the URL (the value signed), and browsers refuse to set it.
pub(super) fn authorize(
    auth: &Auth,
    method: &str,
    url: &str,
    mut headers: Vec<(String, String)>,
    body: &[u8],
    unix_seconds: u64,
) -> Result<(String, Vec<(String, String)>), SignError> {
    match auth {
        Auth::None => Ok((url.to_owned(), headers)),
        Auth::Token(token) => {
            // EXPOSE: the token is the credential the service reads from this header.
            headers.push(("X-Auth-Token".to_owned(), token.expose().to_owned()));
            Ok((url.to_owned(), headers))
        }
        Auth::AccessKey { ak, sk, domain_id } => {
            if let Some(domain) = domain_id {
                headers.push(("X-Domain-Id".to_owned(), domain.clone()));
            }
            let mut signed = sign_request(&SignRequest {
                method,
                url,
                headers: &headers,
                body,
                ak,
                sk,
                unix_seconds,
            })?;
            signed
                .headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case("host"));
            Ok((signed.url, signed.headers))
        }
    }
}
