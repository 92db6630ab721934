//! What an object read from JSON is made of, as the one object visitor sees it: its members ([`Members`]),
//! and the lists and objects among them ([`Nested`]). Object-safe throughout.

use super::{Cx, Seen};
use crate::language::{Language, Words};
use crate::validate::Path;

/// The members of an object read from JSON. Object-safe, so that one visitor serves every object (a generic
/// visitor per object type would multiply the WebAssembly code by the number of types).
pub(crate) trait Members {
    /// Wire names of the members, in the order their problems are listed.
    fn fields(&self) -> &'static [&'static str];

    /// What an unknown member is not, for messages: `is not a field of this inquiry`.
    fn not_a_field(&self) -> Words {
        ("a field of this inquiry", "此询价的字段")
    }

    /// Whether member `fields()[index]` must be present.
    fn required(&self, index: usize) -> bool;

    /// Advice for an unknown member name, when no known name is close to it, in `language`.
    fn hint(&self, _key: &str, _language: Language) -> Option<String> {
        None
    }

    /// Reads the scalar member `fields()[index]` from its exact value; `at` is the object's path.
    fn scalar(&mut self, index: usize, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>);

    /// The member `fields()[index]`, if it is a list or an object read element by element.
    fn nested(&mut self, _index: usize) -> Option<Nested<'_>> {
        None
    }
}

/// A member read element by element rather than as one scalar.
pub(crate) enum Nested<'a> {
    /// A list of objects.
    Objects(Box<dyn ObjectList + 'a>),
    /// A list of scalars.
    Scalars(&'a mut dyn ScalarList),
    /// An object that may be absent.
    Object(&'a mut dyn OptionalObject),
}

/// A list of objects being read.
pub(crate) trait ObjectList {
    /// What each element is, for messages: `a product`.
    fn what(&self) -> Words;
    /// Elements read at most; the rest are only counted.
    fn max(&self) -> usize;
    /// A new element, with its defaults, to read into.
    fn next(&mut self) -> &mut dyn Members;
    /// Keeps the element last read into (not done when the list ended, or for `null` in an answer).
    fn keep(&mut self);
    /// How many elements the list held in all.
    fn set_len(&mut self, len: usize);
}

/// A list of scalars being read.
pub(crate) trait ScalarList {
    /// Elements read at most; the rest are only counted.
    fn max(&self) -> usize;
    /// Reads one element from its exact value.
    fn push(&mut self, seen: Seen<'_>, cx: &mut Cx, at: &Path<'_>);
    /// How many elements the list held in all.
    fn set_len(&mut self, len: usize);
}

/// An object member that may be `null` or absent.
pub(crate) trait OptionalObject {
    /// The object, made with its defaults, to read into.
    fn fill(&mut self) -> &mut dyn Members;
    /// Sets it back to absent.
    fn clear(&mut self);
}

/// Reads a list of objects of `M` into `items`: at most `max` elements (the rest only counted, into `len`
/// when given), each `what` in messages.
pub(crate) struct Each<'v, M> {
    items: &'v mut Vec<M>,
    len: Option<&'v mut usize>,
    next: M,
    max: usize,
    what: Words,
}

impl<'v, M: Default> Each<'v, M> {
    /// Reads into `items`, each element `what` (the same in both languages: for answers, whose messages are
    /// in English), all of them.
    pub(crate) fn new(items: &'v mut Vec<M>, what: &'static str) -> Self {
        Self::named(items, (what, what))
    }

    /// Reads into `items`, each element `what` in messages, all of them.
    pub(crate) fn named(items: &'v mut Vec<M>, what: Words) -> Self {
        Each {
            items,
            len: None,
            next: M::default(),
            max: usize::MAX,
            what,
        }
    }

    /// At most `max` elements are read; `len` is set to how many the list held in all.
    pub(crate) fn bounded(mut self, max: usize, len: &'v mut usize) -> Self {
        self.max = max;
        self.len = Some(len);
        self
    }
}

impl<M: Members + Default> ObjectList for Each<'_, M> {
    fn what(&self) -> Words {
        self.what
    }

    fn max(&self) -> usize {
        self.max
    }

    fn next(&mut self) -> &mut dyn Members {
        self.next = M::default();
        &mut self.next
    }

    fn keep(&mut self) {
        self.items.push(std::mem::take(&mut self.next));
    }

    fn set_len(&mut self, len: usize) {
        if let Some(total) = self.len.as_deref_mut() {
            *total = len;
        }
    }
}

impl<M: Members + Default> OptionalObject for Option<M> {
    fn fill(&mut self) -> &mut dyn Members {
        self.insert(M::default())
    }

    fn clear(&mut self) {
        *self = None;
    }
}
