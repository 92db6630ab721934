//! The product catalogue for JavaScript: the six look-ups and `catalogue()` on `PriceClient`, and the
//! `Catalogue` class. Options and values are converted here; everything else happens in `crate::client::lookup`,
//! `crate::client::gather` and `crate::catalogue`.

use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::catalogue_handle::{forget, mark, register};
use super::client::PriceClient;
use super::errors::{coded_error, options_error, set};
use super::fetch::WebRuntime;
use super::input::{option_value, options_argument, read_signal, string_of, JsObject};
use crate::catalogue::lookup::entries_json;
use crate::catalogue::{Catalogue, Lookup, PagingWarning};
use crate::client::gather::{gather, MAX_SERVICES};
use crate::client::messages::options as words;
use crate::client::options::read_call_options;
use crate::client::{CallOptions, Client, LookupError, LookupQuery};
use crate::language::Language;
use crate::money::{parse_decimal, to_plain_string};
use crate::validate::options::{OptionReader, OptionValue};
use crate::validate::{bags, Path, Rule};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = warn)]
    fn console_warn(message: &str);
}

/// The options of a look-up.
const LOOKUP_OPTIONS: &[&str] = &[
    "language",
    "signal",
    "onRetry",
    "onWarning",
    "timeoutMs",
    "retry",
];
/// The options of `catalogue()`: a look-up's and `services`.
const GATHER_OPTIONS: &[&str] = &[
    "language",
    "signal",
    "onRetry",
    "onWarning",
    "timeoutMs",
    "retry",
    "services",
];

/// A look-up call, read: its runtime, call options, language, warning hook, and `services` for a gathering.
struct Read {
    rt: WebRuntime,
    call: CallOptions,
    language: Language,
    on_warning: Option<Function>,
    services: Option<Vec<String>>,
}

impl PriceClient {
    /// Reads a look-up's options (`known` keys) before the promise: a later change to them changes nothing.
    fn lookup_options(&self, options: Option<Object>, known: &[&str]) -> Result<Read, JsValue> {
        let config = self.client().config();
        let mut read = Read {
            rt: WebRuntime::new(self.fetch().clone(), None, None, self.on_retry().clone()),
            call: CallOptions::default(),
            language: config.language,
            on_warning: None,
            services: None,
        };
        let mut r = OptionReader::in_language(config.language);
        let root = Path::Root;
        let value: JsValue = options.map_or(JsValue::UNDEFINED, JsValue::from);
        let Some(object) = r.root(option_value(value.clone()), "look-up options") else {
            return finish(r).map(|()| read);
        };
        let o = object.as_ref();
        read.language = r.read_language(o, &root).unwrap_or(config.language);
        r.only(o, &root, known);
        let (call, _, has_retry) = read_call_options(&mut r, o, config);
        read.call = call;
        let has_warning = r.function(o, &root, "onWarning");
        if known.contains(&"services") {
            read.services = services(&mut r, &JsObject(value.clone()));
        }
        let get =
            |key: &str| Reflect::get(&value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let signal = read_signal(&mut r, &JsObject(value.clone()), &value);
        finish(r)?;
        let function = |key: &str| get(key).dyn_into::<Function>().ok();
        let on_retry = if has_retry {
            function("onRetry")
        } else {
            self.on_retry().clone()
        };
        read.on_warning = if has_warning {
            function("onWarning")
        } else {
            None
        };
        read.rt = WebRuntime::new(self.fetch().clone(), signal, None, on_retry);
        Ok(read)
    }

    /// One look-up: a promise of the plain array of its entries.
    fn lookup(
        &self,
        lookup: Lookup,
        params: Vec<(&'static str, String)>,
        options: Option<Object>,
    ) -> Promise {
        let client = Rc::clone(self.client());
        let lookups = Rc::clone(self.lookups());
        let read = self.lookup_options(options, LOOKUP_OPTIONS);
        wasm_bindgen_futures::future_to_promise(async move {
            let read = read?;
            let query = LookupQuery::new(lookup, params, read.language);
            let result = lookups.get(&client, &read.rt, &query, &read.call).await;
            if let Some(thrown) = read.rt.hook_error() {
                return Err(thrown);
            }
            let listing = result.map_err(|e| lookup_error(&e, &client, read.language, &read.rt))?;
            warn(
                &read.on_warning,
                lookup.name(),
                &listing.warnings,
                read.language,
            );
            Ok(JSON::parse(&entries_json(&listing.entries)).unwrap_or(JsValue::NULL))
        })
    }
}

/// `services`: an array of at most [`MAX_SERVICES`] strings.
fn services(r: &mut OptionReader, o: &JsObject) -> Option<Vec<String>> {
    let at = Path::Root.key("services");
    let value = Reflect::get(&o.0, &JsValue::from_str("services")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    let array = match value.dyn_into::<js_sys::Array>() {
        Ok(a) if a.length() as usize <= MAX_SERVICES => a,
        Ok(_) => {
            r.fail(
                &at,
                Rule::Count,
                r.language().pick_with(
                    || format!("must list at most {MAX_SERVICES} service type codes"),
                    || format!("最多列出 {MAX_SERVICES} 个服务类型编码"),
                ),
            );
            return None;
        }
        Err(_) => {
            r.fail(
                &at,
                Rule::Type,
                r.language().say(words::SERVICE_CODES).into(),
            );
            return None;
        }
    };
    let mut codes = Vec::new();
    for (i, item) in (0u32..).zip(array.iter()) {
        match item.as_string() {
            Some(code) => codes.push(code),
            None => r.fail(
                &at.index(i as usize),
                Rule::Type,
                r.language().say(words::A_STRING).into(),
            ),
        }
    }
    Some(codes)
}

fn finish(r: OptionReader) -> Result<(), JsValue> {
    r.finish(bags::LOOKUP).map_err(|e| options_error(&e))
}

/// Tells the caller each warning: its `onWarning`, else `console.warn`.
fn warn(hook: &Option<Function>, lookup: &str, warnings: &[PagingWarning], language: Language) {
    for w in warnings {
        let message = w.message(lookup, language);
        match hook {
            Some(f) => {
                let _ = f.call1(&JsValue::UNDEFINED, &JsValue::from_str(&message));
            }
            None => console_warn(&message),
        }
    }
}

/// `PriceApiError` for a look-up: `{ code, message, status, requestId, attempts, lookup, kind: null,
/// requests: 0, failedItems: [], failures: [], partial: null }`, and `cause` as for a price call.
fn lookup_error(e: &LookupError, client: &Client, language: Language, rt: &WebRuntime) -> JsValue {
    let site = client.config().endpoint.site();
    let error = coded_error("PriceApiError", e.code(), &e.message(language, site));
    let failure = e.failure();
    set(
        &error,
        "status",
        &failure
            .and_then(|f| f.status())
            .map_or(JsValue::NULL, JsValue::from),
    );
    set(
        &error,
        "requestId",
        &failure
            .and_then(|f| f.request_id())
            .map_or(JsValue::NULL, JsValue::from_str),
    );
    let attempts = match e {
        LookupError::Failed { attempts, .. } => *attempts,
        LookupError::TooLarge { .. } => 0,
    };
    set(&error, "attempts", &JsValue::from(attempts));
    let lookup = match e {
        LookupError::Failed { lookup, .. } | LookupError::TooLarge { lookup, .. } => lookup.name(),
    };
    set(&error, "lookup", &JsValue::from_str(lookup));
    set(&error, "kind", &JsValue::NULL);
    set(&error, "requests", &JsValue::from(0));
    set(&error, "failedItems", &js_sys::Array::new());
    set(&error, "failures", &js_sys::Array::new());
    set(&error, "partial", &JsValue::NULL);
    if let Some(cause) = failure.and_then(|f| rt.cause_of_failure(f)) {
        set(&error, "cause", &cause);
    }
    error
}

#[wasm_bindgen]
impl PriceClient {
    /// Every cloud service type (`GET /v2/products/service-types`, all pages).
    #[wasm_bindgen(js_name = serviceTypes, unchecked_return_type = "Promise<ServiceType[]>")]
    pub fn service_types(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LookupOptions")] options: Option<Object>,
    ) -> Promise {
        self.lookup(Lookup::ServiceTypes, vec![], options)
    }

    /// Every resource type (`GET /v2/products/resource-types`, all pages).
    #[wasm_bindgen(js_name = resourceTypes, unchecked_return_type = "Promise<ResourceType[]>")]
    pub fn resource_types(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LookupOptions")] options: Option<Object>,
    ) -> Promise {
        self.lookup(Lookup::ResourceTypes, vec![], options)
    }

    /// The resources of one service (`GET /v2/products/service-resources`, all pages): their `basic_info`.
    #[wasm_bindgen(js_name = serviceResources, unchecked_return_type = "Promise<ServiceResource[]>")]
    pub fn service_resources(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] service_type_code: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LookupOptions")] options: Option<Object>,
    ) -> Promise {
        match service_type_code.as_string() {
            Some(code) => self.lookup(
                Lookup::ServiceResources,
                vec![("service_type_code", code)],
                options,
            ),
            None => Promise::reject(&type_error("serviceTypeCode must be a string")),
        }
    }

    /// Usage types (`GET /v2/products/usage-types`, all pages), of one resource type when `filter` names it.
    #[wasm_bindgen(js_name = usageTypes, unchecked_return_type = "Promise<UsageType[]>")]
    pub fn usage_types(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ resource_type_code?: string } | null")]
        filter: Option<Object>,
        #[wasm_bindgen(unchecked_optional_param_type = "LookupOptions")] options: Option<Object>,
    ) -> Promise {
        match filter_value(filter, "resource_type_code", false) {
            Ok(params) => self.lookup(Lookup::UsageTypes, params, options),
            Err(e) => Promise::reject(&e),
        }
    }

    /// Every measurement unit (`GET /v2/bases/measurements`).
    #[wasm_bindgen(js_name = measureUnits, unchecked_return_type = "Promise<MeasureUnit[]>")]
    pub fn measure_units(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "LookupOptions")] options: Option<Object>,
    ) -> Promise {
        self.lookup(Lookup::MeasureUnits, vec![], options)
    }

    /// Unit conversions (`GET /v2/bases/conversions`), of one measure type when `filter` names it.
    #[wasm_bindgen(js_name = unitConversions, unchecked_return_type = "Promise<UnitConversion[]>")]
    pub fn unit_conversions(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ measure_type?: number } | null")] filter: Option<Object>,
        #[wasm_bindgen(unchecked_optional_param_type = "LookupOptions")] options: Option<Object>,
    ) -> Promise {
        match filter_value(filter, "measure_type", true) {
            Ok(params) => self.lookup(Lookup::Conversions, params, options),
            Err(e) => Promise::reject(&e),
        }
    }

    /// Gathers what pricing needs: service types (those of `options.services`, else all), their resource
    /// types and usage types, every unit and conversion.
    #[wasm_bindgen(unchecked_return_type = "Promise<Catalogue>")]
    pub fn catalogue(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CatalogueOptions")] options: Option<Object>,
    ) -> Promise {
        let client = Rc::clone(self.client());
        let lookups = Rc::clone(self.lookups());
        let read = self.lookup_options(options, GATHER_OPTIONS);
        wasm_bindgen_futures::future_to_promise(async move {
            let read = read?;
            let result = gather(
                &lookups,
                &client,
                &read.rt,
                read.services.as_deref(),
                read.language,
                &read.call,
            )
            .await;
            if let Some(thrown) = read.rt.hook_error() {
                return Err(thrown);
            }
            let gathered =
                result.map_err(|e| lookup_error(&e, &client, read.language, &read.rt))?;
            for (lookup, w) in &gathered.warnings {
                warn(
                    &read.on_warning,
                    lookup,
                    std::slice::from_ref(w),
                    read.language,
                );
            }
            Ok(JsCatalogue::into_js(gathered.catalogue))
        })
    }

    /// Forgets every look-up this client kept.
    #[wasm_bindgen(js_name = clearCatalogueCache)]
    pub fn clear_catalogue_cache(&self) {
        self.lookups().clear();
    }
}

fn type_error(message: &str) -> JsValue {
    coded_error("TypeError", "INVALID_ARGUMENT", message)
}

/// `{ key?: string }` (or a whole number 1–2147483647 for `measure_type`) as query parameters.
fn filter_value(
    filter: Option<Object>,
    key: &'static str,
    number: bool,
) -> Result<Vec<(&'static str, String)>, JsValue> {
    let mut r = OptionReader::new();
    let root = Path::Root;
    let Some(object) = r.root(options_argument(filter), "filter") else {
        return r
            .finish(bags::FILTER)
            .map(|()| Vec::new())
            .map_err(|e| options_error(&e));
    };
    let o = object.as_ref();
    r.only(o, &root, &[key]);
    let value = if number {
        r.whole(o, &root, key, (1, 2_147_483_647))
            .map(|n| n.to_string())
    } else {
        r.string(o, &root, key)
    };
    r.finish(bags::FILTER).map_err(|e| options_error(&e))?;
    Ok(value.map(|v| vec![(key, v)]).unwrap_or_default())
}

/// What pricing needs of the product catalogue, gathered once (`client.catalogue()`) or read back
/// (`Catalogue.fromJSON`), consulted offline.
#[wasm_bindgen(js_name = Catalogue, skip_typescript)]
pub struct JsCatalogue {
    inner: Rc<Catalogue>,
    /// Its handle in `catalogue_handle`'s registry, by which an options object's `catalogue` finds it.
    handle: u32,
}

impl JsCatalogue {
    /// The JavaScript object of `catalogue`, registered and marked with its handle.
    fn into_js(catalogue: Catalogue) -> JsValue {
        let inner = Rc::new(catalogue);
        let handle = register(&inner);
        let object: JsValue = JsCatalogue { inner, handle }.into();
        mark(&object, handle);
        object
    }
}

impl Drop for JsCatalogue {
    fn drop(&mut self) {
        forget(self.handle);
    }
}

fn catalogue_error(code: &str, message: &str) -> JsValue {
    coded_error("PriceClientError", code, message)
}

#[wasm_bindgen(js_class = Catalogue)]
impl JsCatalogue {
    /// Reads a document made by `toJSON()` (its JSON text, or the object itself).
    #[wasm_bindgen(js_name = fromJSON, unchecked_return_type = "Catalogue")]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | CatalogueDocument")] document: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = match string_of(&document) {
            Some(text) => text,
            None => JSON::stringify(&document)
                .ok()
                .and_then(|t| string_of(&t.into()))
                .unwrap_or_default(),
        };
        Catalogue::from_json(&text)
            .map(JsCatalogue::into_js)
            .map_err(|e| catalogue_error("INVALID_CATALOGUE", &e.message(Language::English)))
    }

    /// The versioned document: `{ format: "hwc-price-catalogue", version: 1, language, serviceTypes,
    /// resourceTypes, usageTypes, measureUnits, conversions }`.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "CatalogueDocument")]
    pub fn to_json(&self) -> JsValue {
        JSON::parse(&self.inner.to_json()).unwrap_or(JsValue::NULL)
    }

    /// Every service type.
    #[wasm_bindgen(js_name = serviceTypes, unchecked_return_type = "ServiceType[]")]
    pub fn service_types(&self) -> JsValue {
        to_js(&self.inner.service_types().iter().collect::<Vec<_>>())
    }

    /// The resource types of `service` (a service type code).
    #[wasm_bindgen(js_name = resourceTypesOf, unchecked_return_type = "ResourceType[]")]
    pub fn resource_types_of(&self, service: &str) -> JsValue {
        to_js(&self.inner.resource_types_of(service))
    }

    /// The usage types of `resourceType` (a resource type code).
    #[wasm_bindgen(js_name = usageTypesOf, unchecked_return_type = "UsageType[]")]
    pub fn usage_types_of(
        &self,
        #[wasm_bindgen(js_name = resourceType)] resource_type: &str,
    ) -> JsValue {
        to_js(&self.inner.usage_types_of(resource_type))
    }

    /// The unit with `id`, or null.
    #[wasm_bindgen(unchecked_return_type = "MeasureUnit | null")]
    pub fn unit(&self, id: f64) -> JsValue {
        let unit = (id.fract() == 0.0 && id.abs() < 9.0e15)
            .then(|| self.inner.unit(id as i64))
            .flatten();
        unit.map_or(JsValue::NULL, |u| {
            to_js(&[u])
                .dyn_into::<js_sys::Array>()
                .map(|a| a.get(0))
                .unwrap_or(JsValue::NULL)
        })
    }

    /// `value` (a decimal string or number) in unit `fromUnitId` expressed in unit `toUnitId`, as a decimal
    /// string: exact, through the conversion ratios either way; a quotient that does not terminate is rounded
    /// to 12 significant digits.
    pub fn convert(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] value: JsValue,
        #[wasm_bindgen(js_name = fromUnitId)] from_unit_id: f64,
        #[wasm_bindgen(js_name = toUnitId)] to_unit_id: f64,
    ) -> Result<String, JsValue> {
        let text = match option_value(value) {
            OptionValue::Str(s) | OptionValue::Number(s) => s,
            _ => String::new(),
        };
        let amount = parse_decimal(&text).map_err(|_| {
            catalogue_error(
                "INVALID_VALUE",
                "value must be a decimal number or its text",
            )
        })?;
        let id = |n: f64| {
            if n.fract() == 0.0 && n.abs() < 9.0e15 {
                n as i64
            } else {
                i64::MIN
            }
        };
        self.inner
            .convert(amount, id(from_unit_id), id(to_unit_id))
            .map(|(v, _)| to_plain_string(&v))
            .map_err(|e| {
                let code = match e {
                    crate::catalogue::ConvertError::UnknownUnit(_) => "UNKNOWN_UNIT",
                    crate::catalogue::ConvertError::DifferentTypes { .. } => "UNIT_MISMATCH",
                    crate::catalogue::ConvertError::NoPath { .. } => "NO_CONVERSION",
                    crate::catalogue::ConvertError::Overflow => "INVALID_VALUE",
                };
                catalogue_error(code, &e.message(self.inner.language()))
            })
    }
}

fn to_js<T: serde::Serialize>(items: &[T]) -> JsValue {
    JSON::parse(&serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned()))
        .unwrap_or(JsValue::NULL)
}
