//! What a client keeps of its look-ups: each answer for a time, keyed by the query and the language. Pure: the
//! clock is passed in.

use std::collections::HashMap;

/// Most answers kept; the oldest goes first when a new one comes (a client asks a handful of queries).
pub const MAX_KEPT: usize = 256;

/// Answers kept for `ttl_ms` milliseconds.
#[derive(Debug)]
pub struct Cache<V> {
    ttl_ms: u64,
    kept: HashMap<String, (u64, V)>,
}

impl<V: Clone> Cache<V> {
    /// A cache that keeps answers for `ttl_ms` milliseconds (0: not at all).
    pub fn new(ttl_ms: u64) -> Self {
        Cache {
            ttl_ms,
            kept: HashMap::new(),
        }
    }

    /// The answer kept for `key`, if it is younger than the time to live at `now_ms`.
    pub fn get(&mut self, key: &str, now_ms: u64) -> Option<V> {
        let fresh = self
            .kept
            .get(key)
            .is_some_and(|(at, _)| now_ms < at.saturating_add(self.ttl_ms) && now_ms >= *at);
        if !fresh {
            self.kept.remove(key);
            return None;
        }
        self.kept.get(key).map(|(_, v)| v.clone())
    }

    /// Keeps `value` for `key` from `now_ms`.
    pub fn put(&mut self, key: String, value: V, now_ms: u64) {
        if self.ttl_ms == 0 {
            return;
        }
        let ttl = self.ttl_ms;
        self.kept
            .retain(|_, (at, _)| now_ms < at.saturating_add(ttl));
        if self.kept.len() >= MAX_KEPT && !self.kept.contains_key(&key) {
            let oldest = self
                .kept
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                self.kept.remove(&oldest);
            }
        }
        self.kept.insert(key, (now_ms, value));
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.kept.clear();
    }

    /// How many answers are kept.
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_for_the_time_to_live_then_forgets() {
        let mut cache = Cache::new(1_000);
        cache.put("a".into(), 1, 10);
        assert_eq!(cache.get("a", 10), Some(1));
        assert_eq!(cache.get("a", 1_009), Some(1));
        assert_eq!(cache.get("a", 1_010), None, "expired");
        assert!(cache.is_empty(), "and dropped");
        cache.put("b".into(), 2, 100);
        assert_eq!(
            cache.get("b", 50),
            None,
            "a clock that went back is not trusted"
        );
        let mut off = Cache::new(0);
        off.put("a".into(), 1, 0);
        assert_eq!(off.get("a", 0), None);
    }

    #[test]
    fn is_bounded() {
        let mut cache = Cache::new(u64::MAX);
        for i in 0..(MAX_KEPT as u64 + 10) {
            cache.put(format!("k{i}"), i, i);
        }
        assert_eq!(cache.len(), MAX_KEPT);
        assert_eq!(cache.get("k0", 1_000), None, "the oldest went first");
        assert_eq!(
            cache.get(&format!("k{}", MAX_KEPT + 9), 1_000),
            Some(MAX_KEPT as u64 + 9)
        );
    }
}
