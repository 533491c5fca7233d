import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import { validateItem } from '../schemas/validateItem';
import { OfficialValidator } from '../src/cli/officialValidator';

// `npm run bench`: how long one live validation takes, for the official examples and for a large
// item (1,000 classes, 10 inputs of 13 bands with per-band scaling, 50 hyperparameters).

const shared = resolve(process.cwd(), '../shared');
const examplesDir = join(shared, 'mlm/examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as Record<string, unknown>)
  .filter((d) => d.type === 'Feature');

function largeItem(): unknown {
  const base = structuredClone(
    examples.find((e) => e.id === 'resnet-18_sentinel-2_all_moco_classification') ?? examples[0],
  ) as { properties: Record<string, unknown> & { 'mlm:output': Record<string, unknown>[] } };
  const bands = Array.from({ length: 13 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`);
  base.properties['mlm:input'] = Array.from({ length: 10 }, (_, i) => ({
    name: `input_${i}`,
    bands,
    input: {
      shape: [-1, 13, 64, 64],
      dim_order: ['batch', 'bands', 'height', 'width'],
      data_type: 'float32',
    },
    value_scaling: bands.map((_, b) => ({ type: 'z-score', mean: b, stddev: 1 + b })),
  }));
  (base.properties['mlm:output'][0] as Record<string, unknown>)['classification:classes'] =
    Array.from({ length: 1000 }, (_, i) => ({
      value: i,
      name: `class_${i}`,
      description: `Class number ${i}`,
      color_hint: (i * 2654435761).toString(16).slice(-6).padStart(6, '0'),
    }));
  base.properties['mlm:hyperparameters'] = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`param_${i}`, i / 10]),
  );
  return base;
}

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
  console.log(`${label.padEnd(46)} median ${p(0.5)} ms   p95 ${p(0.95)} ms   (${runs} runs)`);
}

const large = largeItem();
console.log(`Large item: ${(JSON.stringify(large).length / 1024).toFixed(0)} KiB of JSON`);
time(
  'validateItem, all 9 official Item examples',
  () => examples.forEach((e) => validateItem(e)),
  200,
);
time('validateItem, large item', () => validateItem(large), 100);
const official = new OfficialValidator(shared);
time('official Ajv (CLI), large item', () => official.validate(large), 100);
const verdict = validateItem(large);
console.log(
  `Large item verdict: ${verdict.valid ? 'valid' : `invalid (${verdict.findings.length} findings, first: ${verdict.findings[0]?.path} ${verdict.findings[0]?.message})`}`,
);
