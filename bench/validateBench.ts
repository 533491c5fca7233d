import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { validateItem } from '../schemas/validateItem';
import { createValidationCache } from '../schemas/validationCache';
import { OfficialValidator } from '../src/cli/officialValidator';
import { EDITOR_BENCH_SIZE, largeItem, VALIDATION_BENCH_SIZE } from './largeItem';

// How long one live validation takes in node: the official examples, and large items.

const shared = resolve(process.cwd(), '../shared');
const examplesDir = join(shared, 'mlm/examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as Record<string, unknown>)
  .filter((d) => d.type === 'Feature');

function time(label: string, fn: () => unknown, runs: number): void {
  for (let i = 0; i < 3; i += 1) {
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) =>
    (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0).toFixed(2);
  console.log(`${label.padEnd(50)} median ${p(0.5)} ms   p95 ${p(0.95)} ms   (${runs} runs)`);
}

const items = [
  ['1,000 classes, 10 inputs × 13 bands', largeItem(VALIDATION_BENCH_SIZE)],
  ['1,000 classes, 20 inputs × 200 bands', largeItem(EDITOR_BENCH_SIZE)],
] as const;

console.log('Validation (node)');
time(
  'validateItem, all 9 official Item examples',
  () => examples.forEach((e) => validateItem(e)),
  200,
);
for (const [name, doc] of items) {
  const verdict = validateItem(doc);
  if (!verdict.valid) {
    throw new Error(
      `The benchmark item (${name}) should be valid: ${JSON.stringify(verdict.findings[0])}`,
    );
  }
  const kib = (JSON.stringify(doc).length / 1024).toFixed(0);
  time(`validateItem, ${name} (${kib} KiB)`, () => validateItem(doc), 50);
}
// What the editor runs per keystroke: the next document shares every part the edit did not touch,
// and the cache remembers those parts' results.
{
  const [name, doc] = items[1];
  const cache = createValidationCache();
  const properties = doc.properties as Record<string, unknown>;
  let n = 0;
  time(
    `validateItem after one edit, editor cache, ${name}`,
    () => {
      n += 1;
      validateItem({ ...doc, properties: { ...properties, 'mlm:name': `Model ${n}` } }, { cache });
    },
    200,
  );
}
const official = new OfficialValidator(shared);
time(`official Ajv (CLI), ${items[0][0]}`, () => official.validate(items[0][1]), 50);
