//! Keeping one client within each API's per-second quota as the gateway counts it: on arrival.
//!
//! A request reaches the gateway some time after it leaves and before its answer comes back, and that time
//! varies (a new connection, a busy network). Spacing sends when they leave is therefore not enough: a
//! request delayed on its way and the next one sent promptly can arrive closer together than they left. So
//! a send holds its place in the quota from when it leaves until a whole window after its answer (or its
//! failure) came back, the latest moment it can have reached the gateway, plus a margin for the clocks.
//! When the latency is small, this allows the whole quota each second; when it is large, it waits for it.
//!
//! Pure: the clock is passed in, so every decision is testable with a fake one.

use std::collections::VecDeque;

use crate::inquiry::InquiryKind;

/// Calls per second that the gateway allows each API (§3.3): on-demand 10, subscribe-rate 30, renew-rate 10.
pub fn quota_per_second(kind: InquiryKind) -> u32 {
    match kind {
        InquiryKind::OnDemand | InquiryKind::Renewal => 10,
        InquiryKind::Period => 30,
    }
}

/// Added to the gateway's one-second window: room for the gateway's clock and ours to differ in how they cut
/// time, and for timers that fire early.
pub const MARGIN_MS: u64 = 100;

/// How long a sender waits before asking again when every place is taken by a send still in flight, whose
/// end cannot be known in advance.
pub const POLL_MS: u64 = 20;

/// One API's quota: at most `limit` sends either in flight or answered less than `window_ms` ago.
#[derive(Debug, Clone)]
pub struct Throttle {
    limit: usize,
    window_ms: u64,
    in_flight: usize,
    /// When the answers of recent sends came back, oldest first; none older than `window_ms`.
    answered: VecDeque<u64>,
}

impl Throttle {
    /// A quota of `limit` sends per `window_ms` milliseconds (a limit of 0 is taken as 1).
    pub fn new(limit: u32, window_ms: u64) -> Self {
        let limit = usize::try_from(limit.max(1)).unwrap_or(1);
        Throttle {
            limit,
            window_ms,
            in_flight: 0,
            answered: VecDeque::with_capacity(limit),
        }
    }

    /// `kind`'s documented quota on a one-second window widened by [`MARGIN_MS`].
    pub fn for_kind(kind: InquiryKind) -> Self {
        Self::new(quota_per_second(kind), 1_000 + MARGIN_MS)
    }

    /// Takes a place for a send leaving at `now_ms` (`Ok`), or says how long to wait before asking again.
    /// Every place taken is given back by [`Throttle::answered`] or [`Throttle::not_sent`].
    pub fn try_send(&mut self, now_ms: u64) -> Result<(), u64> {
        while self
            .answered
            .front()
            .is_some_and(|&at| at.saturating_add(self.window_ms) <= now_ms)
        {
            self.answered.pop_front();
        }
        if self.in_flight + self.answered.len() < self.limit {
            self.in_flight += 1;
            return Ok(());
        }
        Err(match self.answered.front() {
            Some(&at) => at.saturating_add(self.window_ms) - now_ms,
            None => POLL_MS,
        })
    }

    /// A send that took a place came back (answered, failed or timed out) at `now_ms`.
    pub fn answered(&mut self, now_ms: u64) {
        self.in_flight = self.in_flight.saturating_sub(1);
        // Answers are recorded in the order they come back, so the list stays sorted.
        let at = self
            .answered
            .back()
            .map_or(now_ms, |&last| now_ms.max(last));
        self.answered.push_back(at);
    }

    /// A send that took a place never left (its request could not be made).
    pub fn not_sent(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;

    /// A small deterministic generator (xorshift), so the simulations are the same on every run.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n.max(1)
        }
    }

    /// Simulates `senders` concurrent senders sending `requests` in all through one throttle, each request
    /// taking `up` ms to reach the gateway and `down` ms for its answer to come back (both drawn at random
    /// below the given bounds). Returns when each request reached the gateway.
    fn arrivals(
        limit: u32,
        senders: usize,
        requests: usize,
        up: u64,
        down: u64,
        seed: u64,
    ) -> Vec<u64> {
        let mut throttle = Throttle::new(limit, 1_000 + MARGIN_MS);
        let mut rng = Rng(seed);
        // Events: (time, sender, whether it is an answer coming back).
        let mut events: BinaryHeap<Reverse<(u64, usize, bool)>> =
            (0..senders).map(|s| Reverse((0, s, false))).collect();
        let mut left = requests;
        let mut reached = Vec::new();
        while let Some(Reverse((now, sender, is_answer))) = events.pop() {
            if is_answer {
                throttle.answered(now);
            }
            if left == 0 {
                continue;
            }
            match throttle.try_send(now) {
                Ok(()) => {
                    left -= 1;
                    let arrival = now + rng.below(up);
                    reached.push(arrival);
                    events.push(Reverse((arrival + rng.below(down), sender, true)));
                }
                Err(wait) => {
                    assert!(wait > 0, "a wait of zero would spin");
                    events.push(Reverse((now + wait, sender, false)));
                }
            }
        }
        reached.sort_unstable();
        reached
    }

    /// The most arrivals in any one-second window.
    fn busiest_second(arrivals: &[u64]) -> usize {
        let mut start = 0;
        let mut most = 0;
        for (end, &t) in arrivals.iter().enumerate() {
            while arrivals[start] + 1_000 <= t {
                start += 1;
            }
            most = most.max(end + 1 - start);
        }
        most
    }

    #[test]
    fn no_second_at_the_gateway_holds_more_than_the_quota_whatever_the_latency() {
        for seed in 1..=50 {
            for (limit, senders, up, down) in [
                (10, 4, 1, 1),
                (10, 16, 400, 50),
                (30, 16, 250, 250),
                (10, 40, 900, 10),
                (30, 8, 5, 600),
            ] {
                let reached = arrivals(limit, senders, 200, up, down, seed);
                assert_eq!(reached.len(), 200);
                let most = busiest_second(&reached);
                assert!(
                    most <= limit as usize,
                    "seed {seed}, quota {limit}, {senders} senders, latency {up}+{down}: {most} in one second"
                );
            }
        }
    }

    #[test]
    fn with_small_latency_the_whole_quota_is_used() {
        // 100 requests with almost no latency: ten windows of ten, about 1.1 s apart.
        let reached = arrivals(10, 16, 100, 1, 1, 7);
        let last = *reached.last().unwrap_or(&0);
        assert!((9 * 1_100..10 * 1_100 + 10).contains(&last), "{last}");
    }

    #[test]
    fn places_are_given_back() {
        let mut t = Throttle::new(2, 1_000);
        assert_eq!(t.try_send(0), Ok(()));
        assert_eq!(t.try_send(0), Ok(()));
        assert_eq!(
            t.try_send(0),
            Err(POLL_MS),
            "both in flight: ask again soon"
        );
        t.not_sent();
        assert_eq!(t.try_send(5), Ok(()), "a place never used is free at once");
        t.answered(300);
        assert_eq!(t.try_send(400), Err(900), "free a window after the answer");
        assert_eq!(t.try_send(1_300), Ok(()));
        assert_eq!(quota_per_second(InquiryKind::Period), 30);
        assert_eq!(Throttle::new(0, 1_000).limit, 1);
    }
}
