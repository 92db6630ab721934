//! What the documented error codes mean, in plain English and Chinese, and what to do about them: the
//! response layer's sentences, in one place.

use crate::language::Language;

/// The plain meaning of a documented code, and what to do about it. `other_site` names the site to use
/// instead when the account belongs to the other one (for `CBC.0156`).
pub fn plain_message(code: &str, language: Language, other_site: Option<&str>) -> Option<String> {
    let english = language.is_english();
    let text = |en: &str, zh: &str| Some(language.pick(en, zh).to_owned());
    match code {
        "CBC.0100" => text(
            "The rating service rejected a parameter of the request.",
            "计价服务拒绝了请求中的某个参数。",
        ),
        "CBC.0150" | "CBC.0151" | "CBC.0155" => text(
            "Access denied: the account or IAM user lacks permission for price inquiries.",
            "访问被拒绝：该账号或 IAM 用户没有询价权限。",
        ),
        "CBC.0154" => text(
            "The token is invalid or has expired (tokens last 24 hours); get a new one.",
            "Token 无效或已过期（有效期 24 小时），请重新获取。",
        ),
        "CBC.0156" => {
            let site = other_site.unwrap_or(if english { "the other site" } else { "另一个站点" });
            if english {
                Some(format!("This account does not belong to this site; use {site} instead."))
            } else {
                Some(format!("该账号不属于当前站点，请改用{site}。"))
            }
        }
        "CBC.99006006" => text(
            "Product not found: cloud_service_type, resource_type, resource_spec and region must together name a product sold in that region, and for the period asked if any (check the region and the flavour's .linux/.win suffix).",
            "未找到产品：cloud_service_type、resource_type、resource_spec 与 region 必须共同对应该区域在售的产品，且按所询周期在售（请检查区域及规格的 .linux/.win 后缀）。",
        ),
        "CBC.99006050" => text(
            "Incorrect usage unit: usage_measure_id (or size_measure_id) does not fit this product's usage factor.",
            "使用量单位错误：usage_measure_id（或 size_measure_id）与该产品的使用量因子不匹配。",
        ),
        "CBC.99006055" => text(
            "The amount asked for exceeds the upper limit; ask for less usage or fewer subscriptions.",
            "询价数量超过上限，请减少使用量或订购数量。",
        ),
        "CBC.99006074" => text("The billing item does not exist for this product.", "该产品的计费项不存在。"),
        "CBC.99006024" | "CBC.99006066" => text(
            "The rating service could not read the product or fee information; try again later.",
            "计价服务暂时无法查询产品或费用信息，请稍后重试。",
        ),
        "CBC.0250" | "APIG.0308" => text(
            "Too many requests per second for this API; slow down and retry.",
            "该接口每秒请求过多，请降低频率后重试。",
        ),
        "APIG.0301" => text(
            "The AK/SK signature was refused: check the access key, the secret key and the machine's clock.",
            "AK/SK 签名校验失败：请检查 AK、SK 以及本机时间。",
        ),
        "CBC.0999" => text("The rating service failed; try again later.", "计价服务内部错误，请稍后重试。"),
        "CBC.30050007" => text(
            "Only primary resources can be priced for renewal; use the primary resource's id.",
            "只能对主资源询续费价格，请使用主资源 ID。",
        ),
        "CBC.30050008" => text(
            "This period type or number of periods does not exist for the resource.",
            "该资源不支持此周期类型或周期数。",
        ),
        "CBC.30050009" => text(
            "The resource has expired and been deleted, or does not exist.",
            "资源已过期被删除或不存在。",
        ),
        "CBC.30050010" => text(
            "The resource is in an order waiting for payment; pay or cancel that order first.",
            "资源存在待支付订单，请先支付或取消该订单。",
        ),
        "CBC.30050011" => text(
            "The resource is being unsubscribed or changed.",
            "资源正在退订或变更中。",
        ),
        "CBC.30050012" => text("The request lists a resource id twice.", "请求中存在重复的资源 ID。"),
        "CBC.30050013" => text("Renewal is not supported for this resource.", "该资源不支持续费。"),
        _ => None,
    }
}
