//! Gathering every page of a look-up, as a pure state machine: it says which page to ask for next and takes
//! each answer; the client does the asking.
//!
//! Pages are asked at the API's largest `limit`, from `offset` 0, each next offset being the number of entries
//! received so far (a server that gives fewer than asked is not taken to be done while its `total_count` says
//! more are left). No entry is repeated: an entry seen again (same key) is kept once. When `total_count`
//! changes between pages, entries may have moved between pages, so the list is read again from the start,
//! at most [`MAX_PASSES`] times in all; the last complete, unchanged reading is the answer, and if the list
//! never held still, every entry seen is kept, with a warning. It is bounded: past [`MAX_PAGES`] pages or
//! [`MAX_ENTRIES`] entries it stops with an error.

use std::collections::HashSet;

use super::lookup::{Entry, Page};

/// Most pages asked for one look-up (1,000 pages of 100 usage types are 100,000 entries).
pub const MAX_PAGES: usize = 1_000;
/// Most entries one look-up may gather.
pub const MAX_ENTRIES: usize = 100_000;
/// Readings of the whole list when it changes while being read.
pub const MAX_PASSES: u32 = 3;

/// What to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Ask for a page: `Some((offset, limit))`, or `None` for an API that is not paged.
    Fetch(Option<(u64, u64)>),
    /// Every page is in.
    Done,
}

/// Something the caller should know about a gathered list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagingWarning {
    /// `total_count` changed between two pages of one reading: the list was read again.
    TotalChanged {
        /// The total first reported.
        from: u64,
        /// The total reported later.
        to: u64,
    },
    /// The list kept changing through every reading: every entry seen is kept, some may be gone by now.
    StillChanging {
        /// Readings made.
        passes: u32,
    },
    /// The service stopped giving entries before its own total.
    Short {
        /// The total it reported.
        reported: u64,
        /// The entries it gave.
        received: u64,
    },
}

/// Why gathering stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PagingError {
    /// More pages than [`MAX_PAGES`].
    #[error("more than {0} pages")]
    TooManyPages(usize),
    /// More entries than [`MAX_ENTRIES`].
    #[error("more than {0} entries")]
    TooManyEntries(usize),
}

/// The state of one look-up's gathering.
#[derive(Debug)]
pub struct Pager {
    limit: Option<u64>,
    offset: u64,
    pages: usize,
    passes: u32,
    done: bool,
    /// This reading: the first total reported, whether it changed, its entries and their keys.
    total: Option<u64>,
    changed: bool,
    entries: Vec<Entry>,
    keys: HashSet<String>,
    /// Entries of earlier readings that changed, in order, kept when no reading holds still.
    earlier: Vec<Entry>,
    warnings: Vec<PagingWarning>,
}

impl Pager {
    /// A gathering by pages of `limit` (`None`: one answer holds everything).
    pub fn new(limit: Option<u64>) -> Pager {
        Pager {
            limit: limit.map(|l| l.max(1)),
            offset: 0,
            pages: 0,
            passes: 1,
            done: false,
            total: None,
            changed: false,
            entries: Vec::new(),
            keys: HashSet::new(),
            earlier: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// What to do next.
    pub fn next(&self) -> Step {
        if self.done {
            Step::Done
        } else {
            Step::Fetch(self.limit.map(|l| (self.offset, l)))
        }
    }

    /// Takes the answer to the page asked for last.
    pub fn take(&mut self, page: Page) -> Result<(), PagingError> {
        self.pages += 1;
        if self.pages > MAX_PAGES {
            return Err(PagingError::TooManyPages(MAX_PAGES));
        }
        let Some(limit) = self.limit else {
            self.add(page.entries)?;
            self.done = true;
            return Ok(());
        };
        match (self.total, page.total_count) {
            (None, reported) if self.offset == 0 => self.total = reported,
            (Some(from), Some(to)) if from != to && !self.changed => {
                self.changed = true;
                self.warnings.push(PagingWarning::TotalChanged { from, to });
            }
            _ => {}
        }
        let received = page.entries.len() as u64;
        self.offset = self.offset.saturating_add(received);
        self.add(page.entries)?;
        let reported = page.total_count.or(self.total);
        let end = match reported {
            _ if received == 0 => true,
            Some(total) => self.offset >= total,
            None => received < limit,
        };
        if !end {
            return Ok(());
        }
        if let Some(total) = reported.filter(|&t| received == 0 && self.offset < t) {
            self.warnings.push(PagingWarning::Short {
                reported: total,
                received: self.offset,
            });
        }
        if self.changed && self.passes < MAX_PASSES {
            // Read it all again: entries may have moved from one page to another while it was read.
            self.passes += 1;
            self.earlier.append(&mut self.entries);
            self.keys.clear();
            self.offset = 0;
            self.total = None;
            self.changed = false;
            return Ok(());
        }
        self.done = true;
        Ok(())
    }

    fn add(&mut self, entries: Vec<Entry>) -> Result<(), PagingError> {
        for entry in entries {
            if self.keys.insert(entry.key()) {
                self.entries.push(entry);
            }
        }
        if self.entries.len() > MAX_ENTRIES {
            return Err(PagingError::TooManyEntries(MAX_ENTRIES));
        }
        Ok(())
    }

    /// The entries gathered, in order, each once, and the warnings.
    pub fn finish(mut self) -> (Vec<Entry>, Vec<PagingWarning>) {
        if self.changed {
            // No reading held still: keep what earlier readings saw and the last one did not.
            self.warnings.push(PagingWarning::StillChanging {
                passes: self.passes,
            });
            for entry in std::mem::take(&mut self.earlier) {
                if self.keys.insert(entry.key()) && self.entries.len() < MAX_ENTRIES {
                    self.entries.push(entry);
                }
            }
        }
        (self.entries, self.warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::model::ServiceType;

    fn st(code: &str) -> Entry {
        Entry::ServiceType(ServiceType {
            service_type_code: code.to_owned(),
            service_type_name: String::new(),
            abbreviation: String::new(),
        })
    }

    /// Runs a pager against `server`, which answers (offset, limit, page number) with a page.
    fn run(
        limit: Option<u64>,
        mut server: impl FnMut(u64, u64, usize) -> Page,
    ) -> Result<(Vec<String>, Vec<PagingWarning>, usize), PagingError> {
        let mut pager = Pager::new(limit);
        let mut asked = 0;
        while let Step::Fetch(at) = pager.next() {
            let (offset, limit) = at.unwrap_or((0, u64::MAX));
            pager.take(server(offset, limit, asked))?;
            asked += 1;
        }
        let (entries, warnings) = pager.finish();
        Ok((entries.iter().map(Entry::key).collect(), warnings, asked))
    }

    fn slice(list: &[&str], offset: u64, limit: u64) -> Page {
        Page {
            total_count: Some(list.len() as u64),
            entries: list
                .iter()
                .skip(offset as usize)
                .take(limit as usize)
                .map(|c| st(c))
                .collect(),
        }
    }

    #[test]
    fn gathers_every_page_in_order() {
        let list: Vec<String> = (0..250).map(|i| format!("s{i:03}")).collect();
        let refs: Vec<&str> = list.iter().map(String::as_str).collect();
        let (keys, warnings, asked) = run(Some(100), |o, l, _| slice(&refs, o, l)).unwrap();
        assert_eq!(keys, list);
        assert!(warnings.is_empty());
        assert_eq!(asked, 3);
        // A server that gives fewer than asked: the total says more are left.
        let (keys, _, asked) = run(Some(100), |o, _, _| slice(&refs, o, 7)).unwrap();
        assert_eq!((keys.len(), asked), (250, 36));
        // Exactly one full page: the total ends it, no empty page is asked for.
        let (_, _, asked) = run(Some(250), |o, l, _| slice(&refs, o, l)).unwrap();
        assert_eq!(asked, 1);
    }

    #[test]
    fn a_list_that_changes_is_read_again_and_nothing_repeats() {
        // An entry is added at the front after the first page: the second page repeats the first page's last.
        let before = ["b", "c", "d", "e"];
        let after = ["a", "b", "c", "d", "e"];
        let (keys, warnings, asked) = run(Some(2), |o, l, n| {
            if n == 0 {
                slice(&before, o, l)
            } else {
                slice(&after, o, l)
            }
        })
        .unwrap();
        assert_eq!(keys, ["a", "b", "c", "d", "e"]);
        assert_eq!(warnings, [PagingWarning::TotalChanged { from: 4, to: 5 }]);
        assert_eq!(asked, 3 + 3, "three pages, then the whole list again");
    }

    #[test]
    fn a_list_that_never_holds_still_ends_with_a_warning() {
        let (keys, warnings, asked) = run(Some(2), |o, l, n| {
            let list: Vec<String> = (0..n + 3).map(|i| format!("x{i}")).rev().collect();
            let refs: Vec<&str> = list.iter().map(String::as_str).collect();
            slice(&refs, o, l)
        })
        .unwrap();
        assert!(asked < 20, "{asked}");
        assert_eq!(
            warnings.last(),
            Some(&PagingWarning::StillChanging { passes: MAX_PASSES })
        );
        let unique: HashSet<&String> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "no entry twice");
    }

    #[test]
    fn short_lists_unpaged_lists_and_bounds() {
        let (keys, warnings, _) = run(Some(2), |o, l, _| Page {
            total_count: Some(9),
            ..slice(&["a", "b", "c"], o, l)
        })
        .unwrap();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(
            warnings,
            [PagingWarning::Short {
                reported: 9,
                received: 3
            }]
        );
        let (keys, _, asked) = run(None, |_, l, _| {
            assert_eq!(l, u64::MAX, "no limit is sent");
            Page {
                total_count: None,
                entries: vec![st("u"), st("u"), st("v")],
            }
        })
        .unwrap();
        assert_eq!((keys, asked), (vec!["u".to_owned(), "v".to_owned()], 1));
        // A server that always claims one more.
        let err = run(Some(1), |o, _, _| Page {
            total_count: Some(o + 2),
            entries: vec![st(&format!("e{o}"))],
        })
        .unwrap_err();
        assert_eq!(err, PagingError::TooManyPages(MAX_PAGES));
        let err = run(Some(100), |o, _, _| Page {
            total_count: Some(u64::MAX),
            entries: (o..o + 1_000).map(|i| st(&i.to_string())).collect(),
        })
        .unwrap_err();
        assert_eq!(err, PagingError::TooManyEntries(MAX_ENTRIES));
        // No total and a full page: ask for the next one, which is empty.
        let (keys, _, asked) = run(Some(2), |o, l, _| Page {
            total_count: None,
            ..slice(&["a", "b"], o, l)
        })
        .unwrap();
        assert_eq!((keys.len(), asked), (2, 2));
    }
}
