//! A `Catalogue` given back to the package in an options object (`{ catalogue }`), found safely.
//!
//! Each `Catalogue` made for JavaScript carries a handle: a number under the symbol
//! `Symbol.for("hwc-price.catalogue")`, neither enumerable nor writable, registered here while the value lives
//! and forgotten when it is freed. Reading one back looks the number up in that registry; a pointer that
//! JavaScript holds is never trusted. So an object that only looks like a `Catalogue` (a copy, a fake, a
//! proxy) and a freed one are told apart and refused with a clear error; neither can reach freed memory.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use js_sys::{Object, Reflect, Symbol};
use wasm_bindgen::prelude::*;

use super::input::JsObject;
use crate::catalogue::Catalogue;
use crate::validate::messages::{A_CATALOGUE, A_FREED_CATALOGUE};
use crate::validate::{OptionReader, Path, Rule};

thread_local! {
    /// The catalogues alive in JavaScript, by handle.
    static LIVE: RefCell<HashMap<u32, Weak<Catalogue>>> = RefCell::new(HashMap::new());
    /// The last handle given.
    static LAST: Cell<u32> = const { Cell::new(0) };
}

/// The symbol the handle is kept under.
fn key() -> JsValue {
    Symbol::for_("hwc-price.catalogue").into()
}

/// Registers `catalogue` and returns its handle.
pub(crate) fn register(catalogue: &Rc<Catalogue>) -> u32 {
    let handle = LAST.with(|last| {
        let next = last.get().wrapping_add(1).max(1);
        last.set(next);
        next
    });
    LIVE.with(|live| live.borrow_mut().insert(handle, Rc::downgrade(catalogue)));
    handle
}

/// Forgets `handle` (its catalogue was freed).
pub(crate) fn forget(handle: u32) {
    // A value freed while the registry is borrowed cannot happen (nothing calls out while borrowing), but a
    // failed borrow must not panic: the entry then stays, holding only a weak reference.
    let _ = LIVE.try_with(|live| live.try_borrow_mut().map(|mut l| l.remove(&handle)));
}

/// Marks the JavaScript object of a catalogue with its handle.
pub(crate) fn mark(object: &JsValue, handle: u32) {
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &"value".into(), &JsValue::from(handle));
    let _ = Reflect::define_property::<JsValue>(object.unchecked_ref(), &key(), &descriptor);
}

/// What a value's handle finds.
enum Found {
    Live(Rc<Catalogue>),
    Freed,
    NotACatalogue,
}

fn find(value: &JsValue) -> Found {
    if !value.is_object() {
        return Found::NotACatalogue;
    }
    let Some(n) = Reflect::get(value, &key()).ok().and_then(|h| h.as_f64()) else {
        return Found::NotACatalogue;
    };
    if n.fract() != 0.0 || !(1.0..=f64::from(u32::MAX)).contains(&n) {
        return Found::NotACatalogue;
    }
    let handle = n as u32;
    let entry = LIVE.with(|live| live.try_borrow().ok().map(|l| l.get(&handle).cloned()));
    match entry.flatten().map(|weak| weak.upgrade()) {
        Some(Some(catalogue)) => Found::Live(catalogue),
        Some(None) => Found::Freed,
        None if handle <= LAST.with(Cell::get) => Found::Freed,
        None => Found::NotACatalogue,
    }
}

/// Reads option `catalogue` of `o` (the options object `value`): absent or `null` is none; anything but a
/// live `Catalogue` is reported on `r`.
pub(crate) fn read_catalogue(
    r: &mut OptionReader,
    o: &JsObject,
    value: &JsValue,
) -> Option<Rc<Catalogue>> {
    let at = Path::Root.key("catalogue");
    r.get(o, &Path::Root, "catalogue")?;
    let given = Reflect::get(value, &"catalogue".into()).unwrap_or(JsValue::UNDEFINED);
    let words = match find(&given) {
        Found::Live(catalogue) => return Some(catalogue),
        Found::Freed => A_FREED_CATALOGUE,
        Found::NotACatalogue => A_CATALOGUE,
    };
    let message = r.language().say(words).to_owned();
    r.fail(&at, Rule::Type, message);
    None
}
