// How the page names an item in words, in the form and in the result alike. Today an item is named by its
// number, its own id and the product spec with its region code; a product catalogue can later supply the
// resource type's and region's names here, and every place that names an item follows.

/** "Item 3" or "Resource 3": the item's number, the same in the form and in the result. */
export const itemNumber = (mode, index) => `${mode === 'renewal' ? 'Resource' : 'Item'} ${index + 1}`;

/**
 * An item in words: `{ title, name, detail }`, e.g. { title: "Item 2", name: "web-1", detail:
 * "c6.large.2.linux in ap-southeast-1, 40 GB × 3" }. `item` holds the form's fields (wire names).
 */
export function describeItem(mode, item, index) {
  const title = itemNumber(mode, index);
  if (mode === 'renewal') return { title, name: item.resource_id || '(no resource id yet)', detail: 'an existing resource, renewed' };
  const what = [item.resource_spec || '(no spec yet)'];
  if (item.region) what.push(`in ${item.region}`);
  let detail = what.join(' ');
  if (item.resource_size) detail += `, ${item.resource_size}${{ 17: ' GB', 15: ' Mbit/s' }[item.size_measure_id] ?? ''}`;
  if (item.subscription_num && item.subscription_num !== '1') detail += ` × ${item.subscription_num}`;
  return { title, name: item.id || '(no id yet)', detail };
}
