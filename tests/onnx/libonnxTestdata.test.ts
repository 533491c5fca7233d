// Cross-checks the lazy reader against python-onnx (full decode + the §4 reference walk) on every
// model of Debian's libonnx-testdata: 1,072 small real models with If/Loop/Scan bodies, sequence
// and optional I/O, IR 3 initializer inputs. CI installs both packages (.ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import { beforeAll, describe, expect, it } from 'vitest';

import type { OnnxModelInfo } from '../../src/onnx/onnxModel';
import { readOnnx } from '../../src/onnx/readOnnx';
import { openFileSource } from '../support/fileSource';

/** Debian's python with python3-onnx; a pyenv python3 first on PATH has no onnx. */
const PYTHON = '/usr/bin/python3';
const DATA_DIR = process.env.LIBONNX_TESTDATA_DIR ?? '/usr/share/libonnx-testdata/data';
const SCRIPT = fileURLToPath(new URL('./reference/onnx_reference.py', import.meta.url));
const INSTALL = 'sudo apt-get install -y python3-onnx libonnx-testdata';
const EXPECTED_MODELS = 1072;

type Info = Omit<OnnxModelInfo, 'warnings' | 'bytesRead'>;

interface ReferenceModel {
  path: string;
  model?: Info;
  warningCount?: number;
  error?: string;
}

function missing(what: string): Error {
  return new Error(
    `The libonnx-testdata comparison needs ${what}. Install Debian's packages: ${INSTALL} ` +
      '(.ci/run does this in CI).',
  );
}

/** Runs the python reference once over the whole data directory. Throws when it cannot. */
function runReference(): ReferenceModel[] {
  if (!existsSync(PYTHON)) {
    throw missing(`${PYTHON} (Debian's python3)`);
  }
  if (!existsSync(DATA_DIR)) {
    throw missing(`the models in ${DATA_DIR}`);
  }
  const run = spawnSync(PYTHON, [SCRIPT, DATA_DIR], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.error) {
    throw new Error(`${PYTHON} ${SCRIPT} could not run: ${run.error.message}`);
  }
  if (run.status !== 0) {
    if (/No module named .?onnx/.test(run.stderr)) {
      throw missing(`the onnx module for ${PYTHON} (python3-onnx)`);
    }
    throw new Error(`${SCRIPT} exited with ${run.status}: ${run.stderr.slice(-2000)}`);
  }
  return (JSON.parse(run.stdout) as { models: ReferenceModel[] }).models;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Every field where our reading of one model differs from python's, in words. */
function compare(ref: ReferenceModel): string[] {
  const name = relative(DATA_DIR, ref.path);
  if (ref.error !== undefined || !ref.model) {
    return [`${name}: python-onnx could not read it (${ref.error ?? 'no result'})`];
  }
  const source = openFileSource(ref.path);
  let result;
  try {
    result = readOnnx(source);
  } finally {
    source.close();
  }
  if (!result.ok) {
    return [`${name}: our reader failed: ${result.error.code}: ${result.error.message}`];
  }
  const { warnings, bytesRead, ...ours } = result.model;
  const want = ref.model;
  const problems: string[] = [];
  const keys = new Set([...Object.keys(want), ...Object.keys(ours)]) as Set<keyof Info>;
  for (const key of keys) {
    if (key === 'inputs' || key === 'outputs') {
      const a = ours[key];
      const b = want[key];
      if (a.length !== b.length) {
        problems.push(
          `${name}: ${key}: ours ${show(a.map((v) => v.name))}, python ${show(b.map((v) => v.name))}`,
        );
        continue;
      }
      a.forEach((value, i) => {
        if (!isDeepStrictEqual(value, b[i])) {
          problems.push(`${name}: ${key}[${i}]: ours ${show(value)}, python ${show(b[i])}`);
        }
      });
    } else if (!isDeepStrictEqual(ours[key], want[key])) {
      problems.push(`${name}: ${key}: ours ${show(ours[key])}, python ${show(want[key])}`);
    }
  }
  if (warnings.length !== ref.warningCount) {
    problems.push(
      `${name}: ${warnings.length} warnings (${show(warnings)}), python expects ${ref.warningCount}`,
    );
  }
  if (bytesRead <= 0 || bytesRead > ours.fileSize) {
    problems.push(`${name}: read ${bytesRead} bytes of a ${ours.fileSize}-byte file`);
  }
  return problems;
}

describe('readOnnx agrees with python-onnx on Debian libonnx-testdata', () => {
  let reference: ReferenceModel[] = [];

  beforeAll(() => {
    reference = runReference();
  }, 120_000);

  it(`finds the ${EXPECTED_MODELS.toLocaleString('en')} models`, () => {
    expect(
      reference.length,
      `python-onnx listed ${reference.length} models in ${DATA_DIR}`,
    ).toBeGreaterThanOrEqual(1000);
    if (DATA_DIR === '/usr/share/libonnx-testdata/data') {
      expect(reference.length).toBe(EXPECTED_MODELS);
    }
  });

  it('reads inputs, outputs, shapes, types, parameters and bytes of every model as python does', () => {
    const disagreements = reference.flatMap(compare);
    expect(disagreements, `${disagreements.length} disagreements`).toEqual([]);
  });
});
