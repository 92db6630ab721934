//! The product catalogue: service types, resource types, usage types, measurement units and their
//! conversions, as the six product-information APIs give them (§4.1.1–4.1.6). Pure: the entries and the
//! reading of their answers (`model`, `lookup`), gathering every page (`paging`), keeping answers for a time
//! (`cache`), and the [`Catalogue`] value: indexed, converting units exactly, saved as a versioned document
//! (`value`). The client asks; inquiries and breakdowns consult what it gathered.

pub mod cache;
pub mod lookup;
pub(crate) mod messages;
pub mod model;
pub mod paging;
pub mod value;

pub use lookup::{Entry, Lookup, Page, PageError};
pub use model::{Conversion, MeasureUnit, ResourceType, ServiceResource, ServiceType, UsageType};
pub use paging::{Pager, PagingError, PagingWarning, Step};
pub use value::{Catalogue, ConvertError, DocumentError};
