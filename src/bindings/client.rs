//! `PriceClient`: the rating client for JavaScript. Options and inputs are converted here; everything else
//! happens in `crate::client`.

use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::catalogue_handle::read_catalogue;
use super::errors::{api_error, inquiry_error, json_list, options_error, set};
use super::fetch::WebRuntime;
use super::input::{option_value, read_signal, JsObject};
use super::quote::{read_keeping_text, JsQuote};
use crate::catalogue::Catalogue;
use crate::client::call::{Batch, CallOptions};
use crate::client::divide::Divisible;
use crate::client::messages::options::PRICE_OPTIONS_OBJECT;
use crate::client::options::{read_call_options, read_options, CALL_OPTIONS};
use crate::client::{CallError, Client, ClientConfig};
use crate::inquiry::{OnDemandInquiry, PeriodInquiry, RenewalInquiry};
use crate::validate::messages::must_be_words;
use crate::validate::options::{OptionReader, OptionValue};
use crate::validate::{bags, Path, Rule};

/// A client of Huawei Cloud's three rating APIs. All calls made through one client share its per-API quotas.
#[wasm_bindgen(skip_typescript)]
pub struct PriceClient {
    client: Rc<Client>,
    /// `options.fetch`, or undefined for the global `fetch`.
    fetch: JsValue,
    /// `options.onRetry`.
    on_retry: Option<Function>,
    /// The product-catalogue look-ups kept and in flight (`bindings::catalogue`).
    lookups: Rc<crate::client::Lookups>,
}

#[wasm_bindgen]
impl PriceClient {
    /// A client for `options.endpoint` (`"intl"` by default) with `options.auth` (none by default, for a
    /// proxy that signs). Throws a `PriceClientError` listing every invalid option.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PriceClientOptions")] options: JsValue,
    ) -> Result<PriceClient, JsValue> {
        let config = read_options(option_value(options.clone())).map_err(|e| options_error(&e))?;
        // Checked to be a function (or absent) above; read again, a getter could now give anything else.
        let get = |key: &str| Reflect::get(&options, &JsValue::from_str(key)).ok();
        let fetch = get("fetch")
            .filter(JsValue::is_function)
            .unwrap_or(JsValue::UNDEFINED);
        let on_retry = get("onRetry").and_then(|f| f.dyn_into::<Function>().ok());
        let client = Client::new(config);
        Ok(PriceClient {
            lookups: Rc::new(crate::client::Lookups::new(
                client.config().catalogue_ttl_ms,
            )),
            client: Rc::new(client),
            fetch,
            on_retry,
        })
    }

    /// Prices a pay-per-use inquiry (any number of products: more than 100 are sent as several requests).
    #[wasm_bindgen(js_name = priceOnDemand, unchecked_return_type = "Promise<Quote>")]
    pub fn price_on_demand(
        &self,
        #[wasm_bindgen(unchecked_param_type = "OnDemandInquiryInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        self.price::<OnDemandInquiry>(&input, options)
    }

    /// Prices a yearly/monthly inquiry (more than 100 products are sent as several requests).
    #[wasm_bindgen(js_name = pricePeriod, unchecked_return_type = "Promise<Quote>")]
    pub fn price_period(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PeriodInquiryInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        self.price::<PeriodInquiry>(&input, options)
    }

    /// Prices a renewal (more than 10 resource ids are sent as several requests).
    #[wasm_bindgen(js_name = priceRenewal, unchecked_return_type = "Promise<Quote>")]
    pub fn price_renewal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RenewalInquiryInput | string")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PriceOptions")] options: Option<Object>,
    ) -> Promise {
        self.price::<RenewalInquiry>(&input, options)
    }

    /// The endpoint, site, language and kind of auth; never a credential.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "PriceClientSummary")]
    pub fn to_json(&self) -> JsValue {
        let config = self.client.config();
        let out = Object::new();
        set(&out, "endpoint", &JsValue::from_str(config.endpoint.base()));
        set(
            &out,
            "site",
            &JsValue::from_str(config.endpoint.site().code()),
        );
        set(
            &out,
            "language",
            &JsValue::from_str(config.language.header()),
        );
        set(&out, "auth", &JsValue::from_str(config.auth.kind()));
        out.into()
    }

    /// `PriceClient(<endpoint>)`.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        format!("PriceClient({})", self.client.config().endpoint.base())
    }
}

impl PriceClient {
    /// The client.
    pub(super) fn client(&self) -> &Rc<Client> {
        &self.client
    }

    /// `options.fetch`, or undefined.
    pub(super) fn fetch(&self) -> &JsValue {
        &self.fetch
    }

    /// `options.onRetry`.
    pub(super) fn on_retry(&self) -> &Option<Function> {
        &self.on_retry
    }

    /// The look-ups kept and in flight.
    pub(super) fn lookups(&self) -> &Rc<crate::client::Lookups> {
        &self.lookups
    }

    fn price<I: Divisible + 'static>(&self, input: &JsValue, options: Option<Object>) -> Promise {
        let client = self.client.clone();
        // Everything the caller passed is read now, before the promise: a later change to it changes nothing.
        let prepared = call_options(options, &self.fetch, &self.on_retry, client.config())
            .and_then(|(rt, call, catalogue)| {
                let (parts, text) =
                    read_keeping_text::<I>(input, client.config().language, catalogue.as_deref())
                        .map_err(|e| inquiry_error(&e))?;
                Ok((Batch::of(parts), rt, call, (text, catalogue)))
            });
        price(client, prepared)
    }
}

/// The inquiry's JSON text and the catalogue it was checked against: what its quote keeps.
type Kept = (String, Option<Rc<Catalogue>>);

/// The promise of one call; not generic, so its machinery is in the module once.
fn price(
    client: Rc<Client>,
    prepared: Result<(Batch, WebRuntime, CallOptions, Kept), JsValue>,
) -> Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let (batch, rt, call, (inquiry, catalogue)) = prepared?;
        // The caller's index of each item, for the failures; read before the batch is consumed.
        let ids: Vec<String> = batch.item_ids().into_iter().map(str::to_owned).collect();
        let result = client.price_batch(&rt, batch, &call).await;
        // A hook that threw ends the call with what it threw.
        if let Some(thrown) = rt.hook_error() {
            return Err(thrown);
        }
        let config = client.config();
        result
            .map(|quote| JsQuote::priced(quote, inquiry.clone(), catalogue.clone()).into())
            .map_err(|e| {
                let error = api_error(&e, config.language, config.endpoint.site());
                if let Some(cause) = rt.cause_of(&e) {
                    set(&error, "cause", &cause);
                }
                add_indexes(&error, &e, &ids);
                if let Some(partial) = e.partial {
                    let partial = JsQuote::priced(partial, inquiry, catalogue);
                    set(&error, "partial", &partial.into());
                }
                error
            })
    })
}

/// Gives each of the error's `failures` its items' `indexes`: their positions in the caller's whole inquiry.
fn add_indexes(error: &JsValue, e: &CallError, ids: &[String]) {
    let position: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let Ok(failures) = Reflect::get(error, &JsValue::from_str("failures")) else {
        return;
    };
    let failures = Array::from(&failures);
    for (i, part) in (0u32..).zip(&e.failed) {
        let indexes: Vec<usize> = part
            .items
            .iter()
            .filter_map(|id| position.get(id.as_str()).copied())
            .collect();
        set(&failures.get(i), "indexes", &json_list(&indexes));
    }
}

/// What a call's options give: its runtime, what they change for the call, and the catalogue to check the
/// inquiry against.
type Read = (WebRuntime, CallOptions, Option<Rc<Catalogue>>);

/// Reads a call's options (`{ signal, onProgress, onRetry, timeoutMs, retry, isolateFailures, catalogue }`)
/// into its runtime, what they change for the call and the catalogue to check the inquiry against.
pub(super) fn call_options(
    options: Option<Object>,
    fetch: &JsValue,
    client_on_retry: &Option<Function>,
    config: &ClientConfig,
) -> Result<Read, JsValue> {
    let defaults = || WebRuntime::new(fetch.clone(), None, None, client_on_retry.clone());
    let value: JsValue = match options {
        None => return Ok((defaults(), CallOptions::default(), None)),
        Some(o) => o.into(),
    };
    let mut r = OptionReader::in_language(config.language);
    let root = Path::Root;
    match option_value(value.clone()) {
        OptionValue::Absent | OptionValue::Null => {
            return Ok((defaults(), CallOptions::default(), None))
        }
        OptionValue::Object(_) => {}
        other => {
            // Said by its kind only: it may be a credential passed in the wrong place.
            let language = r.language();
            let message = must_be_words(language, PRICE_OPTIONS_OBJECT, &other.kind(language));
            r.fail(&root, Rule::Type, message);
            return Err(finish(r));
        }
    }
    let o = JsObject(value.clone());
    let known: Vec<&str> = CALL_OPTIONS.iter().copied().chain(["catalogue"]).collect();
    r.only(&o, &root, &known);
    let (call, has_progress, has_retry) = read_call_options(&mut r, &o, config);
    let catalogue = read_catalogue(&mut r, &o, &value);
    let get =
        |key: &str| Reflect::get(&value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let signal = read_signal(&mut r, &o, &value);
    if !r.is_empty() {
        return Err(finish(r));
    }
    // Checked to be functions above; read again, a getter could now give anything else.
    let function = |key: &str| get(key).dyn_into::<Function>().ok();
    let on_progress = if has_progress {
        function("onProgress")
    } else {
        None
    };
    let on_retry = if has_retry {
        function("onRetry")
    } else {
        client_on_retry.clone()
    };
    Ok((
        WebRuntime::new(fetch.clone(), signal, on_progress, on_retry),
        call,
        catalogue,
    ))
}

fn finish(r: OptionReader) -> JsValue {
    match r.finish(bags::PRICE) {
        Ok(()) => JsValue::UNDEFINED,
        Err(e) => options_error(&e),
    }
}
