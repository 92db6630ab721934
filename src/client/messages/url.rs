//! Why a URL cannot be sent (`client::url`) or an endpoint cannot be used (`client::endpoint`), in English and
//! Chinese. A leaf of its own, so the URL reader depends on words only, not on the failures `messages` formats.

use crate::language::Words;

pub(crate) const NOT_ABSOLUTE: Words = (
    "it is not an absolute http(s) URL",
    "不是绝对的 http(s) URL",
);
pub(crate) const NOT_HTTP: Words = (
    "only http and https URLs are sent",
    "只能发送 http 和 https URL",
);
pub(crate) const USER_INFO: Words = (
    "it carries a user name or password; give credentials in the auth option",
    "含有用户名或密码；凭据请在 auth 选项中给出",
);
pub(crate) const NO_HOST: Words = ("it has no host", "没有主机名");
pub(crate) const BAD_HOST: Words = (
    "its host has characters a host name cannot hold",
    "主机名含有主机名不允许的字符",
);
pub(crate) const PORT_NOT_NUMBER: Words = ("its port is not a number", "端口不是数字");
pub(crate) const PORT_TOO_LARGE: Words = ("its port is larger than 65535", "端口大于 65535");
pub(crate) const SURROUNDING_SPACES: Words = (
    "must be \"intl\", \"cn\" or a URL without surrounding spaces",
    "应为 \"intl\"、\"cn\" 或前后没有空格的 URL",
);
pub(crate) const QUERY_OR_FRAGMENT: Words = (
    "must not carry a query or a fragment",
    "不能带查询字符串或片段",
);
pub(crate) const NOT_AN_ENDPOINT: Words = (
    "must be \"intl\", \"cn\", an http(s):// URL or a path starting with /",
    "应为 \"intl\"、\"cn\"、http(s):// URL 或以 / 开头的路径",
);
