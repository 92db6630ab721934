//! Declarations of the product catalogue: the look-ups' entries and options, the `Catalogue` class, and what
//! they add to `PriceClient`, its options and `PriceApiError` (by declaration merging).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = CATALOGUE;

// Read by the custom section at compile time, which the dead-code lint does not see.
#[allow(dead_code)]
pub(crate) const CATALOGUE: &str = r#"
/** A cloud service type (GET /v2/products/service-types). */
export interface ServiceType {
  service_type_code: string;
  service_type_name: string;
  abbreviation: string;
}
/** A resource type (GET /v2/products/resource-types). */
export interface ResourceType {
  resource_type_code: string;
  resource_type_name: string;
  resource_type_desc: string;
  /** The service it belongs to. */
  service_type_code: string;
}
/** A resource of a service: the basic_info of GET /v2/products/service-resources. */
export interface ServiceResource {
  resource_type_code: string;
  product_owner_service: string;
  name: string;
  description: string;
}
/** A usage type (GET /v2/products/usage-types): `code` is a usage_factor of its resource type. */
export interface UsageType {
  code: string;
  name: string;
  resource_type_code: string;
  service_type_code: string;
  resource_type_name: string;
  service_type_name: string;
}
/** A measurement unit (GET /v2/bases/measurements): its id is a usage_measure_id or size_measure_id. */
export interface MeasureUnit {
  measure_id: number;
  measure_name: string;
  abbreviation: string;
  /** 1 currency, 2 duration, 3 traffic, 4 quantity, 7 capacity, 16 bandwidth, … */
  measure_type: number;
}
/** 1 measure_id = conversion_ratio ref_measure_id (GET /v2/bases/conversions); the ratio as a decimal string. */
export interface UnitConversion {
  measure_id: number;
  ref_measure_id: number;
  conversion_ratio: string;
  measure_type: number;
}
/** Which look-up failed: the API path's last segment. */
export type CatalogueLookup = "service-types" | "resource-types" | "service-resources" | "usage-types" | "measurements" | "conversions";

/** Options of one look-up. */
export interface LookupOptions {
  /** X-Language, the language of the names (and of errors); the client's by default. */
  language?: "en_US" | "zh_CN";
  /** Cancels the look-up (a PriceApiError with code "ABORTED", or "TIMEOUT" for AbortSignal.timeout()). */
  signal?: AbortSignal;
  /** This call's onRetry, instead of the client's. */
  onRetry?: (event: RetryEvent) => void;
  /** Told when the list changed while its pages were read (then read again) or came short; console.warn by
   *  default. */
  onWarning?: (message: string) => void;
  /** This call's timeout per answer, 1–600000 ms, instead of the client's. */
  timeoutMs?: number;
  /** This call's retry policy: members given replace the client's. */
  retry?: RetryOptions;
}
/** Options of `client.catalogue()`. */
export interface CatalogueOptions extends LookupOptions {
  /** Service type codes to gather (at most 100); every service when absent. */
  services?: string[];
}
/** The versioned document of a catalogue, as `toJSON()` makes it and `Catalogue.fromJSON` reads it. */
export interface CatalogueDocument {
  format: "hwc-price-catalogue";
  version: 1;
  language: "en_US" | "zh_CN";
  serviceTypes: ServiceType[];
  resourceTypes: ResourceType[];
  usageTypes: UsageType[];
  measureUnits: MeasureUnit[];
  conversions: UnitConversion[];
}

/** What pricing needs of the product catalogue, gathered once or read back, consulted offline. */
export class Catalogue {
  private constructor();
  /** Reads a document made by `toJSON()` (its JSON text or the object). Throws a PriceClientError with code
   *  INVALID_CATALOGUE for anything else (another format or version, or entries that do not fit). */
  static fromJSON(document: string | CatalogueDocument): Catalogue;
  /** The versioned document. */
  toJSON(): CatalogueDocument;
  /** Gives the catalogue's memory back now. */
  free(): void;
  serviceTypes(): ServiceType[];
  /** The resource types of a service type code. */
  resourceTypesOf(service: string): ResourceType[];
  /** The usage types of a resource type code. */
  usageTypesOf(resourceType: string): UsageType[];
  /** The unit with this id, or null. */
  unit(id: number): MeasureUnit | null;
  /** `value` in one unit expressed in another, as a decimal string: exact, through the conversion ratios
   *  either way (a quotient that does not terminate is rounded to 12 significant digits). Throws a
   *  PriceClientError: UNKNOWN_UNIT, UNIT_MISMATCH (different measure types), NO_CONVERSION, INVALID_VALUE. */
  convert(value: string | number, fromUnitId: number, toUnitId: number): string;
}

export interface PriceClient {
  /** Every cloud service type, all pages. */
  serviceTypes(options?: LookupOptions): Promise<ServiceType[]>;
  /** Every resource type, all pages. */
  resourceTypes(options?: LookupOptions): Promise<ResourceType[]>;
  /** The resources of one service type, all pages. */
  serviceResources(serviceTypeCode: string, options?: LookupOptions): Promise<ServiceResource[]>;
  /** Usage types, of one resource type when the filter names it, all pages. */
  usageTypes(filter?: { resource_type_code?: string } | null, options?: LookupOptions): Promise<UsageType[]>;
  /** Every measurement unit. */
  measureUnits(options?: LookupOptions): Promise<MeasureUnit[]>;
  /** Unit conversions, of one measure type when the filter names it. */
  unitConversions(filter?: { measure_type?: number } | null, options?: LookupOptions): Promise<UnitConversion[]>;
  /** Gathers a Catalogue: service types (of `services`, else all), their resource and usage types, units and
   *  conversions. */
  catalogue(options?: CatalogueOptions): Promise<Catalogue>;
  /** Forgets every look-up kept. */
  clearCatalogueCache(): void;
}

export interface PriceClientOptions {
  /** How long look-ups are kept, keyed by query and language: 0–604800000 ms (default 3600000, one hour;
   *  0 keeps nothing). Identical look-ups in flight share their requests either way. */
  catalogueTtlMs?: number;
}

export interface PriceApiError {
  /** For a failed catalogue look-up: which one (its kind is null). Its code is the service's, a failure's
   *  (TIMEOUT, NETWORK, ABORTED, BAD_RESPONSE, SIGNING_FAILED) or CATALOGUE_TOO_LARGE (more than 1,000 pages
   *  or 100,000 entries). */
  lookup?: CatalogueLookup;
}
"#;
