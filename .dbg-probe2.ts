import { validateItem } from './schemas/validateItem';
import { OfficialValidator } from './src/cli/officialValidator';
import { loadExamples, requireShared } from './tests/support/shared';
const ov = new OfficialValidator(requireShared());
const ex = new Map(loadExamples().map((e) => [e.file, e.doc]));
type D = any;
const J = (s: string) => JSON.parse(s);
const probes: [string, string, (d: D) => void][] = [
  ['assets __proto__ bad asset', 'item_basic.json', (d) => { d.assets = J(`{"__proto__": {"title": 5}, "model": ${JSON.stringify(d.assets.model)}}`); }],
  ['assets __proto__ non-model w/ artifact', 'item_basic.json', (d) => { d.assets = J(`{"__proto__": {"href": "x", "mlm:artifact_type": "a"}, "model": ${JSON.stringify(d.assets.model)}}`); }],
  ['assets only __proto__ model asset', 'item_basic.json', (d) => { d.assets = J(`{"__proto__": ${JSON.stringify(d.assets.model)}}`); }],
  ['assets only __proto__ non-model', 'item_basic.json', (d) => { d.assets = J(`{"__proto__": {"href": "x"}}`); }],
  ['properties __proto__ key', 'item_basic.json', (d) => { d.properties = Object.assign(J('{"__proto__": {"mlm:name": 5}}'), d.properties); }],
  ['properties mlm:name via proto only', 'item_basic.json', (d) => { const p = d.properties; delete p['mlm:name']; d.properties = Object.assign(J('{"__proto__": {"mlm:name": "abc"}}'), p); }],
  ['hyper __proto__ + other', 'item_basic.json', (d) => { d.properties['mlm:hyperparameters'] = J('{"__proto__": 1, "lr": 2}'); }],
  ['hyper __proto__ object', 'item_basic.json', (d) => { d.properties['mlm:hyperparameters'] = J('{"__proto__": {"a": 1}}'); }],
  ['hyper constructor', 'item_basic.json', (d) => { d.properties['mlm:hyperparameters'] = J('{"constructor": 1}'); }],
  ['hyper toString', 'item_basic.json', (d) => { d.properties['mlm:hyperparameters'] = J('{"toString": 1}'); }],
  ['cube:variables __proto__ only', 'item_datacube_variables.json', (d) => { d.properties['cube:variables'] = J('{"__proto__": {"dimensions": []}}'); }],
  ['cube:variables constructor only', 'item_datacube_variables.json', (d) => { d.properties['cube:variables'] = J('{"constructor": {"dimensions": []}}'); }],
  ['root __proto__', 'item_basic.json', (d) => { Object.assign(d, J('{"__proto__": {"type": "Collection"}}')); }],
  ['input __proto__ key', 'item_basic.json', (d) => { d.properties['mlm:input'][0] = Object.assign(J('{"__proto__": {"name": 5}}'), d.properties['mlm:input'][0]); }],
  ['stats 1.1 __proto__', 'item_basic.json', (d) => { d.stac_version='1.1.0'; d.links[1].href='https://x.org/a.json'; d.properties.statistics = J('{"__proto__": 1}'); }],
  ['processing software __proto__', 'item_basic.json', (d) => { d.stac_extensions.push('https://stac-extensions.github.io/processing/v1.1.0/schema.json'); d.properties['processing:software'] = J('{"__proto__": 1}'); }],
  ['link headers __proto__', 'item_basic.json', (d) => { d.stac_version='1.1.0'; d.links[1].href='https://x.org/a.json'; d.links[0].headers = J('{"__proto__": 1}'); }],
  ['dims __proto__ bad', 'item_datacube_variables.json', (d) => { d.properties['cube:dimensions'] = Object.assign(J('{"__proto__": {"type": "temporal"}}'), d.properties['cube:dimensions']); }],
];
let n = 0;
for (const [name, base, m] of probes) {
  const d = structuredClone(ex.get(base)!); m(d);
  const o = ov.validate(d).filter((f) => f.severity === 'error');
  const z = validateItem(d);
  const ovalid = o.length === 0;
  const flag = ovalid !== z.valid ? '  <<<<< DISAGREE' : '';
  if (flag) n++;
  console.log(`${ovalid ? 'VALID  ' : 'INVALID'} ${name}${flag}`);
  if (flag) { console.log('   official:', o.map((f) => f.path + ' ' + f.message).join('\n             ')); console.log('   zod:', z.findings.filter(f=>f.severity==='error').map((f) => f.path + ' ' + f.message).join('\n        ')); }
}
console.log('disagreements', n);
