// The estimate page's pickers and names in words. In Node: what each picker offers from a catalogue document
// (the sandbox's, read through the package) and without one, and how items are named; the pickers never judge a
// value (that is the package's rule "catalogue"). In headless Chromium, through the demo server: the catalogue is
// loaded once through the page's server; choosing a service offers its resource types only, a resource type its
// usage types, a usage type the units that measure it; the package's catalogue violations show beside their
// fields as you type, as notes, not errors; free text is still accepted and priced; a pasted payload lists its
// catalogue notes; a page whose catalogue cannot load still prices; items are named in words in the form and in
// the result. axe-core finds nothing in each state, at laptop and phone size (screenshots in test-output/www/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { view, pick, catalogueNote, usageTypesFor, sizeTypesFor } from '../www/catalogue.mjs';
import { describeItem, regionName } from '../www/names.mjs';
import { PriceClient } from '../pkg/node.mjs';
import { createSandbox } from '../sandbox/server.mjs';
import { setup, env, open, field, error, state, priceAndWait, settled, LAPTOP, PHONE } from './www-helpers.mjs';

setup();

/** The sandbox's catalogue document, as the page gets it (PriceClient.catalogue().toJSON()). */
async function sandboxDocument(language = 'en_US') {
  const sandbox = createSandbox();
  const endpoint = await sandbox.listen();
  const client = new PriceClient({ endpoint, language });
  try {
    const catalogue = await client.catalogue();
    const doc = catalogue.toJSON();
    catalogue.free();
    return doc;
  } finally {
    client.free();
    await sandbox.close();
  }
}

const values = (p) => p.options.map((o) => o.value);

test('pickers offer what was chosen before allows: a service\'s resource types, a resource type\'s usage types, units of the right measure type', async () => {
  const cat = view(await sandboxDocument());
  const item = { cloud_service_type: 'hws.service.type.vpc', resource_type: 'hws.resource.type.bandwidth', usage_factor: 'upflow', usage_measure_id: '10', size_measure_id: '15', region: 'ap-southeast-3' };
  assert.deepEqual(values(pick(cat, 'cloud_service_type', item)), ['hws.service.type.ec2', 'hws.service.type.ebs', 'hws.service.type.vpc']);
  assert.deepEqual(pick(cat, 'cloud_service_type', item).options[2], { value: 'hws.service.type.vpc', label: 'Virtual Private Cloud (VPC)' });
  assert.deepEqual(values(pick(cat, 'resource_type', item)), ['hws.resource.type.bandwidth', 'hws.resource.type.ip']);
  assert.deepEqual(values(pick(cat, 'resource_type', { ...item, cloud_service_type: 'hws.service.type.ec2' })), ['hws.resource.type.vm']);
  assert.deepEqual(values(pick(cat, 'usage_factor', item)), ['Duration', 'upflow']);
  assert.equal(pick(cat, 'usage_factor', item).name, 'Upstream traffic');
  assert.deepEqual(values(pick(cat, 'usage_factor', { ...item, resource_type: 'hws.resource.type.vm' })), ['Duration']);
  // Units: traffic for upflow, time for Duration; bandwidth for a bandwidth's size, capacity for a disk's.
  assert.deepEqual(values(pick(cat, 'usage_measure_id', item)), ['10', '11', '12']);
  assert.deepEqual(values(pick(cat, 'usage_measure_id', { ...item, usage_factor: 'Duration' })), ['0', '4', '5', '6']);
  assert.deepEqual(values(pick(cat, 'size_measure_id', item)), ['15', '16']);
  assert.deepEqual(values(pick(cat, 'size_measure_id', { ...item, resource_type: 'hws.resource.type.volume' })), ['17', '18']);
  assert.equal(pick(cat, 'size_measure_id', item).name, 'Mbit/s');
  assert.equal(pick(cat, 'region', item).name, 'AP-Singapore');
  assert.equal(pick(cat, 'resource_spec', item), null, 'a spec is typed');
  // The pickers do not judge a value (the package's rule "catalogue" does): a code the catalogue lacks has no
  // name and no note; a unit has its name whatever it measures.
  const unknown = pick(cat, 'resource_type', { ...item, resource_type: 'hws.resource.type.new' });
  assert.deepEqual([unknown.name, unknown.note], [null, '']);
  assert.deepEqual([pick(cat, 'usage_measure_id', { ...item, usage_measure_id: '4' }).name, pick(cat, 'usage_measure_id', { ...item, usage_measure_id: '4' }).note], ['Hour', '']);
  assert.deepEqual(values(pick(cat, 'resource_type', { ...item, cloud_service_type: '' })), [], 'no service, no resource types to offer');
  // A value typed with no choices to offer says why there are none.
  assert.equal(pick(cat, 'resource_type', { ...item, cloud_service_type: 'hws.service.type.new' }).note, 'Kept as typed (pick a service from the catalogue to see choices).');
  assert.equal(pick(cat, 'usage_factor', { ...item, resource_type: 'hws.resource.type.new' }).note, 'Kept as typed (pick a resource type from the catalogue to see choices).');
  assert.equal(pick(cat, 'usage_factor', { ...item, resource_type: 'hws.resource.type.new', usage_factor: '' }).note, '', 'nothing typed, nothing said');
});

test('the package\'s catalogue violations read as notes beside their fields', () => {
  assert.equal(catalogueNote(['is not a service type of the catalogue, got "x"; did you mean "hws.service.type.vpc"?']),
    'Catalogue: is not a service type of the catalogue, got "x"; did you mean "hws.service.type.vpc"? Kept as typed; the service may still know it.');
  assert.equal(catalogueNote(['is not a unit of the catalogue, got 99', 'b']), 'Catalogue: is not a unit of the catalogue, got 99. b. Kept as typed; the service may still know it.');
});

test('without a catalogue the pickers offer the units the reference names and nothing is called unknown; Chinese names follow the catalogue', async () => {
  const none = view(null);
  const item = { cloud_service_type: 'hws.service.type.x', resource_type: 'y', usage_factor: 'Duration', usage_measure_id: '4', size_measure_id: '17' };
  assert.deepEqual(values(pick(none, 'cloud_service_type', item)), []);
  assert.equal(pick(none, 'cloud_service_type', item).note, '');
  assert.deepEqual(values(pick(none, 'usage_measure_id', item)), ['4', '0']);
  assert.deepEqual(values(pick(none, 'size_measure_id', item)), ['14', '17', '15']);
  assert.deepEqual(usageTypesFor('Duration'), [2]);
  assert.deepEqual(usageTypesFor('downflow'), [3]);
  assert.deepEqual(sizeTypesFor('hws.resource.type.volume'), [7]);
  const zh = view(await sandboxDocument('zh_CN'));
  assert.equal(pick(zh, 'cloud_service_type', { cloud_service_type: 'hws.service.type.vpc' }).name, '虚拟私有云');
  assert.equal(regionName('ap-southeast-1', 'zh_CN'), '中国-香港');
  assert.deepEqual(describeItem('on-demand', { id: 'disk', resource_type: 'hws.resource.type.volume', resource_spec: 'SSD', region: 'cn-north-4', resource_size: '100', size_measure_id: '17', subscription_num: '2' }, 1, zh),
    { title: 'Item 2', name: '云硬盘 SSD', detail: 'in 华北-北京四, 100 GB × 2 · disk' });
});

test('items are named in words: the resource type\'s name and spec, the region\'s name, size, quantity and id', async () => {
  const cat = view(await sandboxDocument());
  const disk = { id: 'data', cloud_service_type: 'hws.service.type.ebs', resource_type: 'hws.resource.type.volume', resource_spec: 'SSD', region: 'ap-southeast-3', resource_size: '100', size_measure_id: '17', subscription_num: '3' };
  assert.deepEqual(describeItem('period', disk, 0, cat), { title: 'Item 1', name: 'Disk SSD', detail: 'in AP-Singapore, 100 GB × 3 · data' });
  // Without a catalogue: the spec, and the region's code when the table lacks it.
  assert.deepEqual(describeItem('period', { ...disk, region: 'xx-new-1' }, 0), { title: 'Item 1', name: 'SSD', detail: 'in xx-new-1, 100 GB × 3 · data' });
  assert.deepEqual(describeItem('renewal', { resource_id: 'r-1' }, 2, cat), { title: 'Resource 3', name: 'r-1', detail: 'an existing resource, renewed' });
});

/** The choices the page offers for item `i`'s field, read from its <datalist>. */
const choices = (page, i, name) => page.locator(`#f-${i}-${name}-list option`).evaluateAll((os) => os.map((o) => `${o.value}=${o.label}`));

for (const viewport of [LAPTOP, PHONE]) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`${size}: pick a service, then one of its resource types, a usage type and a unit; free text is still taken`, async () => {
    const page = await open('', { viewport, isMobile: viewport === PHONE });
    assert.equal(await page.evaluate(() => document.body.dataset.catalogue), 'loaded');
    assert.match(await page.locator('#catalogue-status').textContent(), /^Choose from the product catalogue \(3 services, 4 resource types\)/);
    // The catalogue was loaded through the page's server, once: six kinds of look-up, no more.
    const looked = env.demo.forwarded.filter((f) => f.method === 'GET').map((f) => f.path);
    assert.ok(looked.length >= 5 && looked.every((p) => /^\/v2\/(products|bases)\//.test(p)), looked.join(' '));
    const count = looked.length;
    // Item 3 starts as an EIP; make it a bandwidth: its service offers two resource types.
    const service = await field(page, 2, 'cloud_service_type');
    assert.equal(await service.getAttribute('list'), 'f-2-cloud_service_type-list');
    assert.deepEqual(await choices(page, 2, 'cloud_service_type'), ['hws.service.type.ec2=Elastic Cloud Server (ECS)', 'hws.service.type.ebs=Elastic Volume Service (EVS)', 'hws.service.type.vpc=Virtual Private Cloud (VPC)']);
    assert.equal(await page.locator('#f-2-cloud_service_type-name').textContent(), 'Virtual Private Cloud');
    assert.deepEqual(await choices(page, 2, 'resource_type'), ['hws.resource.type.bandwidth=Bandwidth', 'hws.resource.type.ip=EIP']);
    await service.fill('hws.service.type.ec2');
    assert.deepEqual(await choices(page, 2, 'resource_type'), ['hws.resource.type.vm=Cloud server'], 'only the chosen service\'s resource types');
    // The package's check, beside the field as you type: a note, not an error, not a problem.
    assert.equal(await page.locator('#f-2-resource_type-name').textContent(), 'Catalogue: is not a resource type of hws.service.type.ec2 (Elastic Cloud Server), '
      + 'got "hws.resource.type.ip", which belongs to hws.service.type.vpc (Virtual Private Cloud). Kept as typed; the service may still know it.');
    assert.equal(await page.locator('#f-2-resource_type').getAttribute('aria-invalid'), null);
    assert.equal(await error(page, 2, 'resource_type').textContent(), '');
    assert.equal(await page.locator('.item[data-index="2"] .item-problem').textContent(), ' — 1 catalogue note');
    await service.fill('hws.service.type.vpx');
    assert.equal(await page.locator('#f-2-cloud_service_type-name').textContent(),
      'Catalogue: is not a service type of the catalogue, got "hws.service.type.vpx"; did you mean "hws.service.type.vpc"? Kept as typed; the service may still know it.');
    assert.equal(await page.locator('#f-2-resource_type-name').textContent(), 'Kept as typed (pick a service from the catalogue to see choices).');
    await service.fill('hws.service.type.vpc');
    assert.equal(await page.locator('#f-2-cloud_service_type-name').textContent(), 'Virtual Private Cloud');
    assert.equal(await page.locator('.item[data-index="2"] .item-problem').textContent(), '');
    await page.locator('#f-2-resource_type').fill('hws.resource.type.bandwidth');
    assert.equal(await page.locator('#f-2-resource_type-name').textContent(), 'Bandwidth');
    assert.deepEqual(await choices(page, 2, 'usage_factor'), ['Duration=Duration', 'upflow=Upstream traffic']);
    // A unit that cannot measure the field: the package says so beside it.
    await page.locator('#f-2-usage_measure_id').fill('10');
    assert.equal(await page.locator('#f-2-usage_measure_id-name').textContent(),
      'Catalogue: must be a unit of duration (usage_factor Duration), got 10 (GB, measure type 3). Kept as typed; the service may still know it.');
    await page.locator('#f-2-usage_factor').fill('upflo');
    assert.match(await page.locator('#f-2-usage_factor-name').textContent(), /^Catalogue: is not a usage type of hws\.resource\.type\.bandwidth, got "upflo"; must be one of Duration, upflow\. Kept as typed/);
    await page.locator('#f-2-usage_factor').fill('upflow');
    assert.equal(await page.locator('#f-2-usage_factor-name').textContent(), 'Upstream traffic');
    assert.deepEqual(await choices(page, 2, 'usage_measure_id'), ['10=GB', '11=MB', '12=TB'], 'traffic is measured in data units');
    assert.equal(await page.locator('#f-2-usage_measure_id-name').textContent(), 'GB');
    await page.locator('#f-2-resource_spec').fill('12_bgp');
    await (await field(page, 2, 'resource_size')).fill('5');
    assert.deepEqual(await choices(page, 2, 'size_measure_id'), ['15=Mbit/s', '16=Gbit/s'], 'a bandwidth\'s size in bandwidth units');
    await page.locator('#f-2-size_measure_id').fill('15');
    assert.equal(await page.locator('.item[data-index="2"] .item-brief').textContent(), 'Bandwidth 12_bgp · in AP-Hong Kong, 5 Mbit/s · item-3');
    await state(page, 'picked');
    // Free text: a code the catalogue lacks is kept as typed, noted by the package's check, and sent as is.
    await page.locator('#f-2-resource_type').fill('hws.resource.type.new');
    assert.equal(await page.locator('#f-2-resource_type').inputValue(), 'hws.resource.type.new');
    assert.equal(await page.locator('#f-2-resource_type-name').textContent(), 'Catalogue: is not a resource type of hws.service.type.vpc (Virtual Private Cloud), '
      + 'got "hws.resource.type.new". Kept as typed; the service may still know it.');
    assert.equal(await error(page, 2, 'resource_type').textContent(), '', 'not an error: the service may know it');
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    assert.deepEqual(await choices(page, 2, 'usage_factor'), [], 'no usage types known for it');
    await state(page, 'picked-free-text');
    // It is priced as typed: sent to the rating API (whose sandbox does not know it), not held back.
    const posts = env.demo.forwarded.filter((f) => f.method === 'POST').length;
    await page.getByRole('button', { name: 'Price the estimate' }).click();
    await settled(page);
    assert.match(await page.locator('#results').getAttribute('data-state'), /^(failed|partial)$/, 'the rating API refused it, not the page');
    assert.ok(env.demo.forwarded.filter((f) => f.method === 'POST').length > posts, 'sent');
    assert.equal(await page.locator('.item[data-index="2"] .item-problem').textContent(), ' — not priced', 'the refusal outranks the note');
    // The browser logs the rating API's refusal (400) as a failed load: that is the answer, not a fault of the page.
    page.problems = page.problems.filter((p) => !/status of 400/.test(p));
    await page.locator('#f-2-resource_type').fill('hws.resource.type.bandwidth');
    await priceAndWait(page);
    assert.equal(await page.locator('#results').getAttribute('data-state'), 'priced');
    // Named in words in the result, by the catalogue's names and the region's name.
    assert.deepEqual((await page.locator('.cost-item .cost-item-name').allTextContents()).sort(),
      ['Item 1: Cloud server c6.large.2.linux', 'Item 2: Disk GPSSD', 'Item 3: Bandwidth 12_bgp']);
    assert.ok((await page.locator('.cost-item .cost-item-detail').allTextContents()).includes('in AP-Hong Kong, 5 Mbit/s · item-3'));
    await state(page, 'picked-priced');
    // A pasted payload lists its catalogue notes apart from the rules it breaks, and its fields show them.
    const pasted = { project_id: 'p', product_infos: [{ id: 'a', cloud_service_type: 'hws.service.type.ec2', resource_type: 'hws.resource.type.volume', resource_spec: 'SSD', region: 'ap-southeast-1', usage_factor: 'Duration', usage_value: 1, usage_measure_id: 4, subscription_num: 1 }] };
    await page.getByLabel('A request body of any of the three rating APIs').fill(JSON.stringify(pasted));
    await page.getByRole('button', { name: 'Load into the form' }).click();
    const said = await page.locator('#paste-result').textContent();
    assert.match(said, /no problems found\.Catalogue notes \(1\), kept as typed since the service may still know them:product_infos\[0\]\.resource_type: is not a resource type of hws\.service\.type\.ec2 \(Elastic Cloud Server\), got "hws\.resource\.type\.volume", which belongs to hws\.service\.type\.ebs/);
    assert.match(await page.locator('#f-0-resource_type-name').textContent(), /^Catalogue: is not a resource type of hws\.service\.type\.ec2/);
    await state(page, 'pasted-catalogue-notes');
    assert.equal(env.demo.forwarded.filter((f) => f.method === 'GET').length, count, 'the catalogue was kept, not asked again');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test(`${size}: without a catalogue the page says so, takes codes typed, and prices`, async () => {
    const context = await env.browser.newContext({ viewport, isMobile: viewport === PHONE });
    await context.route(/\/v2\/(products|bases)\//, (route) => route.abort());
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(String(e)));
    await page.goto(env.url);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.evaluate(() => document.body.dataset.catalogue), 'unavailable');
    assert.equal(await page.locator('#catalogue-status').textContent(), 'The product catalogue could not be loaded, so there are fewer choices: type the codes.');
    assert.deepEqual(await choices(page, 0, 'cloud_service_type'), []);
    assert.deepEqual(await choices(page, 0, 'usage_measure_id'), ['4=Hour', '0=Day'], 'the units the reference names');
    await (await field(page, 0, 'resource_spec')).fill('c6.xlarge.2.linux');
    assert.equal(await page.locator('#f-0-cloud_service_type-name').textContent(), '', 'nothing is called unknown');
    assert.equal(await page.locator('.item[data-index="0"] .item-brief').textContent(), 'c6.xlarge.2.linux · in AP-Hong Kong · item-1');
    await state(page, 'no-catalogue');
    await priceAndWait(page);
    assert.equal(await page.locator('#results').getAttribute('data-state'), 'priced');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
