//! Retry decisions, pure: the clock and the random jitter are passed in, so every decision is
//! testable with a fake clock. The transport reads the real ones at the edge.

/// How an attempt ended, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// An HTTP answer with this status.
    Status(u16),
    /// The request never got an answer (connection refused or reset, DNS, CORS).
    Network,
    /// No answer within the timeout.
    Timeout,
    /// The caller cancelled.
    Aborted,
}

impl AttemptOutcome {
    /// Whether another attempt may help: network failures, timeouts and the statuses of
    /// [`is_retryable_status`]; never a cancellation.
    pub fn is_retryable(self) -> bool {
        match self {
            AttemptOutcome::Status(status) => is_retryable_status(status),
            AttemptOutcome::Network | AttemptOutcome::Timeout => true,
            AttemptOutcome::Aborted => false,
        }
    }
}

/// Whether an answer with `status` may be different if the same request is sent again: 408 (the server gave
/// up waiting), 429 (over the quota), 500 (the service failed: `CBC.0999` says to try again later), 502, 503
/// and 504 (a gateway or the service is down or overloaded for now).
///
/// Every other status is final, the other 5xx included: 501 (the server does not implement the API), 505
/// (HTTP version), 506, 507, 508, 510 and 511 describe the server or the network path, which another attempt
/// a few hundred milliseconds later does not change. Successes and other 4xx are answers about the request.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Exponential backoff with full jitter, honouring `Retry-After`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 means no retry).
    pub max_attempts: u32,
    /// The backoff cap of the first retry, in milliseconds; it doubles with each retry.
    pub base_delay_ms: u64,
    /// The largest backoff cap, in milliseconds.
    pub max_delay_ms: u64,
    /// The longest `Retry-After` honoured, in milliseconds; a longer one ends the retries.
    pub max_retry_after_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay_ms: 200,
            max_delay_ms: 10_000,
            max_retry_after_ms: 60_000,
        }
    }
}

impl RetryPolicy {
    /// How long to wait before the next attempt, or `None` to stop, after attempt number `attempt` (1-based)
    /// ended with `outcome`. `retry_after` is the answer's `Retry-After` header, `now_ms` the current Unix
    /// time in milliseconds (for a date in `Retry-After`), `jitter` a random number in `[0, 1)`.
    pub fn next_delay_ms(
        &self,
        attempt: u32,
        outcome: AttemptOutcome,
        retry_after: Option<&str>,
        now_ms: u64,
        jitter: f64,
    ) -> Option<u64> {
        if !outcome.is_retryable() || attempt >= self.max_attempts {
            return None;
        }
        if let Some(wait) = retry_after.and_then(|v| parse_retry_after_ms(v, now_ms)) {
            return (wait <= self.max_retry_after_ms).then_some(wait);
        }
        let exponent = attempt.saturating_sub(1).min(32);
        let cap = self
            .base_delay_ms
            .saturating_mul(1u64 << exponent)
            .min(self.max_delay_ms);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        // Full jitter: uniformly between 0 and the cap. The product is at most `cap`, so it fits.
        Some((cap as f64 * jitter) as u64)
    }
}

/// `Retry-After` as milliseconds from `now_ms`: delay-seconds or an HTTP date (IMF-fixdate).
pub fn parse_retry_after_ms(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    let at = parse_http_date_ms(value)?;
    Some(at.saturating_sub(now_ms))
}

/// `Sun, 06 Nov 1994 08:49:37 GMT` as Unix milliseconds.
///
/// Written out rather than with the `httpdate` crate, which added 3.1 KB gzipped to a bare WebAssembly module
/// (opt-level z, LTO; measured 2026-12-01) and answers a `SystemTime`, which wasm32-unknown-unknown does not
/// have a clock for.
fn parse_http_date_ms(value: &str) -> Option<u64> {
    let rest = value.split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let (day, month, year, time, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if zone != "GMT" || parts.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = i64::try_from(MONTHS.iter().position(|m| *m == month)? + 1).ok()?;
    let (day, year): (i64, i64) = (day.parse().ok()?, year.parse().ok()?);
    let mut hms = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + h * 3600 + m * 60 + s;
    u64::try_from(seconds).ok()?.checked_mul(1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_only_what_may_succeed_later() {
        let policy = RetryPolicy::default();
        let retried = |o| policy.next_delay_ms(1, o, None, 0, 0.5).is_some();
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(retried(AttemptOutcome::Status(status)), "{status}");
        }
        for status in [
            200, 301, 400, 401, 403, 404, 409, 413, 501, 505, 506, 507, 508, 510, 511, 599,
        ] {
            assert!(!retried(AttemptOutcome::Status(status)), "{status}");
        }
        assert!(retried(AttemptOutcome::Network) && retried(AttemptOutcome::Timeout));
        assert!(!retried(AttemptOutcome::Aborted));
    }

    #[test]
    fn backs_off_exponentially_with_full_jitter_up_to_max_attempts() {
        let policy = RetryPolicy {
            max_attempts: 6,
            base_delay_ms: 100,
            max_delay_ms: 1_000,
            max_retry_after_ms: 60_000,
        };
        let delays: Vec<_> = (1..=6)
            .map(|attempt| {
                policy.next_delay_ms(attempt, AttemptOutcome::Status(503), None, 0, 0.999_999)
            })
            .collect();
        assert_eq!(
            delays,
            [Some(99), Some(199), Some(399), Some(799), Some(999), None]
        );
        assert_eq!(
            policy.next_delay_ms(3, AttemptOutcome::Network, None, 0, 0.0),
            Some(0)
        );
        assert_eq!(
            policy.next_delay_ms(3, AttemptOutcome::Network, None, 0, 0.5),
            Some(200)
        );
        assert_eq!(
            policy.next_delay_ms(1, AttemptOutcome::Network, None, 0, f64::NAN),
            Some(0)
        );
        let once = RetryPolicy {
            max_attempts: 1,
            ..policy
        };
        assert_eq!(
            once.next_delay_ms(1, AttemptOutcome::Status(429), None, 0, 0.5),
            None
        );
    }

    #[test]
    fn honours_retry_after_in_seconds_or_as_a_date() {
        let policy = RetryPolicy::default();
        let now = 784_111_777_000; // Sun, 06 Nov 1994 08:49:37 GMT
        let after = |v| policy.next_delay_ms(1, AttemptOutcome::Status(429), Some(v), now, 0.5);
        assert_eq!(after("2"), Some(2_000));
        assert_eq!(after(" 0 "), Some(0));
        assert_eq!(after("Sun, 06 Nov 1994 08:49:40 GMT"), Some(3_000));
        assert_eq!(
            after("Sun, 06 Nov 1994 08:49:00 GMT"),
            Some(0),
            "a past date means now"
        );
        assert_eq!(after("61"), None, "longer than we are willing to wait");
        assert_eq!(after("soon"), Some(100), "unreadable: plain backoff");
        assert_eq!(parse_http_date_ms("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(
            parse_http_date_ms("Tue, 29 Feb 2000 12:00:00 GMT"),
            Some(951_825_600_000)
        );
        assert_eq!(parse_http_date_ms("Tue, 29 Foo 2000 12:00:00 GMT"), None);
    }
}
