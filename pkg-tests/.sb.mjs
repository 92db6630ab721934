import * as h from '../pkg/node.mjs';
function measure(fn) { for (let i = 0; i < 500; i++) fn(); const batch = 2000; const times = []; for (let s = 0; s < 21; s++) { const t = process.hrtime.bigint(); for (let i = 0; i < batch; i++) fn(); times.push(Number(process.hrtime.bigint() - t) / 1e3 / batch); } times.sort((a, b) => a - b); return times[10].toFixed(2); }
const small = JSON.stringify({project_id:'p',product_infos:[{id:'vm',cloud_service_type:'hws.service.type.ec2',resource_type:'hws.resource.type.vm',resource_spec:'c6.large.2.linux',region:'ap-southeast-1',usage_factor:'Duration',usage_value:1,usage_measure_id:4,subscription_num:1}]});
const inp = {method:'POST',url:'https://bss-intl.myhuaweicloud.com/v2/bills/ratings/on-demand-resources',headers:{'Content-Type':'application/json'},body:small,ak:'AK',sk:'SK'};
console.log('sign', measure(() => h.signRequest(inp)));
console.log('sign-fail-early', measure(() => { try { h.signRequest({ ...inp, url: 'x' }); } catch {} }));
console.log('empty', measure(() => h.isInquiryValidationError(1)));
console.log('build-small-text', measure(() => h.buildOnDemandInquiry(small)));
