import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { run } from '../../src/cli/main';
import { loadExample, requireShared } from '../support/shared';

let shared: string;
let dir: string;

beforeAll(() => {
  shared = requireShared();
  dir = mkdtempSync(join(tmpdir(), 'mlm-cli-'));
});

const example = (name: string) => join(shared, 'mlm/examples', name);

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

interface Report {
  file: string;
  valid: boolean;
  findings: { severity: string; code: string; path: string; message: string; source: string }[];
}

function runJson(args: string[]): { code: number; reports: Report[] } {
  const result = run(['validate', '--json', '--schemas', shared, ...args], dir);
  return { code: result.code, reports: JSON.parse(result.stdout) as Report[] };
}

describe('cli validate', () => {
  it('passes the official examples and exits 0', () => {
    const result = run(
      ['validate', '--schemas', shared, example('item_basic.json'), example('item_multi_io.json')],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`PASS ${example('item_basic.json')}`);
    expect(result.stdout).toContain('2 files: 2 passed, 0 failed.');
  });

  it('prints the JSON shape with findings at JSON pointers from both validators', () => {
    const doc = structuredClone(loadExample('item_basic.json')) as Record<
      string,
      Record<string, unknown>
    >;
    const inputs = doc.properties?.['mlm:input'] as { input: { shape: unknown[] } }[];
    (inputs[0] as { input: { shape: unknown[] } }).input.shape = [1, 'x'];
    const { code, reports } = runJson([writeJson('bad-shape.json', doc)]);
    expect(code).toBe(1);
    expect(reports).toHaveLength(1);
    const [report] = reports as [Report];
    expect(report.valid).toBe(false);
    expect(Object.keys(report).sort()).toEqual(['file', 'findings', 'valid']);
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual(['code', 'message', 'path', 'severity', 'source']);
    }
    const paths = report.findings.map((f) => `${f.source} ${f.path}`);
    expect(paths).toContain('schema /properties/mlm:input/0/input/shape/1');
    expect(paths.some((p) => p.startsWith('official /properties/mlm:input/0/input/shape'))).toBe(
      true,
    );
  });

  it('--no-official gives the Zod verdict alone', () => {
    const { code, reports } = runJson(['--no-official', example('item_eo_bands.json')]);
    expect(code).toBe(0);
    // Lint still runs; only the official JSON Schemas are left out.
    expect(reports[0]?.findings.some((f) => f.source === 'official')).toBe(false);
    expect(reports[0]?.findings.every((f) => f.source === 'schema' || f.source === 'lint')).toBe(
      true,
    );
  });

  it('reports broken JSON, a missing file and a non-item as findings, not crashes', () => {
    const broken = writeJson('broken.json', '{\n  "type": "Feature",\n  "id": \n}');
    const collection = example('collection.json');
    const { code, reports } = runJson([broken, join(dir, 'missing.json'), collection]);
    expect(code).toBe(1);
    expect(reports.map((r) => r.valid)).toEqual([false, false, false]);
    expect(reports[0]?.findings[0]?.message).toMatch(/line 4, column 1/);
    expect(reports[1]?.findings[0]?.code).toBe('file-not-found');
    expect(reports[2]?.findings.some((f) => f.code === 'not-an-item')).toBe(true);
  });

  it('--strict makes warnings fail', () => {
    const doc = loadExample('item_basic.json');
    const withUnknown = {
      ...doc,
      stac_extensions: [
        ...(doc.stac_extensions as string[]),
        'https://example.com/ext/v1.0.0/schema.json',
      ],
    };
    const file = writeJson('unknown-ext.json', withUnknown);
    expect(run(['validate', '--no-official', file], dir).code).toBe(0);
    const strict = run(['validate', '--no-official', '--strict', file], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('warning');
  });

  it('explains a missing schemas folder and usage errors with exit code 2', () => {
    const missing = run(
      ['validate', '--schemas', join(dir, 'nowhere'), example('item_basic.json')],
      dir,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The official schemas were not found');
    expect(run(['validate'], dir).code).toBe(2);
    expect(run(['frobnicate'], dir).code).toBe(2);
    expect(run(['validate', '--bogus', 'x.json'], dir).code).toBe(2);
  });
});

describe('cli validate with lint findings', () => {
  it('reports lint findings with source "lint" without failing the file', () => {
    const { code, reports } = runJson([example('item_basic.json')]);
    expect(code).toBe(0);
    const [report] = reports as [Report];
    expect(report.valid).toBe(true);
    const lint = report.findings.filter((f) => f.source === 'lint');
    expect(lint.map((f) => [f.code, f.path, f.severity])).toEqual([
      ['MLM-L24', '/properties/mlm:output/0/classification_classes', 'warning'],
    ]);
    // The documented JSON shape: the editor's quick fix is not part of it.
    expect(Object.keys(lint[0] ?? {}).sort()).toEqual([
      'code',
      'message',
      'path',
      'severity',
      'source',
    ]);
    // Schema and official findings are unchanged by lint.
    expect(report.findings.filter((f) => f.source !== 'lint')).toEqual([]);
  });

  it('a lint error never changes the verdict without --strict', () => {
    // Schema-valid, but no asset has the mlm:model role (MLM-L7, a lint error).
    const file = writeJson('no-assets.json', { ...loadExample('item_basic.json'), assets: {} });
    const { code, reports } = runJson([file]);
    expect(code).toBe(0);
    expect(reports[0]?.valid).toBe(true);
    expect(reports[0]?.findings).toContainEqual(
      expect.objectContaining({
        code: 'MLM-L7',
        path: '/assets',
        severity: 'error',
        source: 'lint',
      }),
    );
    const strict = runJson(['--strict', file]);
    expect(strict.code).toBe(1);
    expect(strict.reports[0]?.valid).toBe(false);
  });

  it('--strict counts lint warnings but not lint info', () => {
    const basic = example('item_basic.json');
    expect(run(['validate', '--no-official', '--strict', basic], dir).code).toBe(1);
    const doc = structuredClone(loadExample('item_basic.json')) as {
      properties: { 'mlm:output': Record<string, unknown>[] };
    };
    const out = doc.properties['mlm:output'][0] as Record<string, unknown>;
    delete out.classification_classes;
    // Only MLM-L23 (info) is left: classification outputs should list their classes.
    const file = writeJson('info-only.json', doc);
    const { code, reports } = runJson(['--no-official', '--strict', file]);
    expect(reports[0]?.findings.map((f) => [f.code, f.severity])).toEqual([['MLM-L23', 'info']]);
    expect(code).toBe(0);
  });

  it('shows lint findings in the text report', () => {
    const result = run(
      ['validate', '--schemas', shared, example('item_pytorch_geo_unet.json')],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`PASS ${example('item_pytorch_geo_unet.json')}`);
    expect(result.stdout).toMatch(/warning +\/mlm:entrypoint: .*\[MLM-L29, lint\]/);
    expect(result.stdout).toContain('3 lint findings (MLM prose rules)');
  });

  it('mentions lint and --strict in the usage text', () => {
    const help = run(['validate', '--help'], dir).stdout;
    expect(help).toContain('"source": "lint"');
    expect(help).toMatch(/--strict +warnings fail a file too, and so do lint errors and warnings/);
  });
});
