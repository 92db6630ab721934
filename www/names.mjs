// How the page names an item in words, in the form and in the result alike: its resource type's name (from the
// catalogue, when it is loaded) and spec, then its region's name, size and quantity, and the item's own id. Every
// place that names an item follows this.

/** Huawei Cloud's region names, in English and Chinese, by region code. */
export const REGIONS = {
  'ap-southeast-1': ['AP-Hong Kong', '中国-香港'],
  'ap-southeast-2': ['AP-Bangkok', '亚太-曼谷'],
  'ap-southeast-3': ['AP-Singapore', '亚太-新加坡'],
  'ap-southeast-4': ['AP-Jakarta', '亚太-雅加达'],
  'af-south-1': ['AF-Johannesburg', '非洲-约翰内斯堡'],
  'cn-north-1': ['CN North-Beijing1', '华北-北京一'],
  'cn-north-4': ['CN North-Beijing4', '华北-北京四'],
  'cn-east-2': ['CN East-Shanghai2', '华东-上海二'],
  'cn-east-3': ['CN East-Shanghai1', '华东-上海一'],
  'cn-south-1': ['CN South-Guangzhou', '华南-广州'],
  'cn-southwest-2': ['CN Southwest-Guiyang1', '西南-贵阳一'],
  'la-north-2': ['LA-Mexico City2', '拉美-墨西哥城二'],
  'la-south-2': ['LA-Santiago', '拉美-圣地亚哥'],
  'sa-brazil-1': ['LA-Sao Paulo1', '拉美-圣保罗一'],
  'me-east-1': ['ME-Riyadh', '中东-利雅得'],
  'tr-west-1': ['TR-Istanbul', '土耳其-伊斯坦布尔'],
};

/** A region's name in `language` (en_US or zh_CN), or null when the table does not have it. */
export function regionName(code, language = 'en_US') {
  const names = REGIONS[String(code ?? '').trim()];
  return names ? names[language === 'zh_CN' ? 1 : 0] : null;
}

/** "Item 3" or "Resource 3": the item's number, the same in the form and in the result. */
export const itemNumber = (mode, index) => `${mode === 'renewal' ? 'Resource' : 'Item'} ${index + 1}`;

/**
 * An item in words: `{ title, name, detail }`, e.g. { title: "Item 2", name: "Disk GPSSD", detail:
 * "in AP-Hong Kong, 40 GB × 3 · item-2" }. `item` holds the form's fields (wire names); `cat` (catalogue.mjs's
 * view, optional) gives the resource type's and the size unit's names, and the language of the region's name.
 */
export function describeItem(mode, item, index, cat = null) {
  const title = itemNumber(mode, index);
  if (mode === 'renewal') return { title, name: item.resource_id || '(no resource id yet)', detail: 'an existing resource, renewed' };
  const type = cat?.resource(item.resource_type)?.resource_type_name;
  const spec = item.resource_spec || '(no spec yet)';
  const name = type ? `${type} ${spec}` : spec;
  const parts = [];
  if (item.region) parts.push(`in ${regionName(item.region, cat?.language) ?? item.region}`);
  if (item.resource_size) {
    const unit = cat?.unit(item.size_measure_id)?.measure_name ?? { 17: 'GB', 15: 'Mbit/s' }[item.size_measure_id];
    parts.push(`${item.resource_size}${unit ? ` ${unit}` : ''}`);
  }
  let detail = parts.join(', ');
  if (item.subscription_num && item.subscription_num !== '1') detail += ` × ${item.subscription_num}`;
  if (item.id) detail += `${detail ? ' · ' : ''}${item.id}`;
  return { title, name, detail };
}
