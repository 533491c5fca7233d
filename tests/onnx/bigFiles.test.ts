import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ByteSource, OnnxReadResult } from '../../src/onnx/onnxModel';
import { readOnnx } from '../../src/onnx/readOnnx';
import { writeSparseModel } from './fixtures/writeSparseModel';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A ByteSource over a file descriptor, as a node tool would use; counts what it reads. */
function fileSource(path: string): ByteSource & { close(): void; reads: number } {
  const fd = openSync(path, 'r');
  const source = {
    size: fstatSync(fd).size,
    reads: 0,
    read(offset: number, length: number): Uint8Array {
      source.reads++;
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, source.size - offset)));
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.subarray(0, n);
    },
    close: () => closeSync(fd),
  };
  return source;
}

function readFile(path: string): { result: OnnxReadResult; reads: number } {
  const source = fileSource(path);
  try {
    return { result: readOnnx(source), reads: source.reads };
  } finally {
    source.close();
  }
}

describe('models larger than 2 GiB (sparse files)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'onnx-big-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a 3 GiB model whose raw_data runs to the end of the file', () => {
    const path = join(dir, 'three.onnx');
    // FLOAT [3, 1024, 1024, 256] = 805,306,368 elements = 3 GiB.
    writeSparseModel(path, [3, 1024, 1024, 256], 1, 3 * GiB, { tail: false });
    const { result, reads } = readFile(path);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.model.fileSize).toBeGreaterThan(3 * GiB);
      expect(result.model.totalParameters).toBe(805_306_368);
      expect(result.model.memoryBytes).toBe(3 * GiB);
      expect(result.model.inputs.map((i) => i.name)).toEqual(['pixels']);
      expect(result.model.warnings).toEqual([
        'The model declares no opset_import, so its operator set version is unknown.',
      ]);
      expect(result.model.bytesRead).toBeLessThan(MiB);
    }
    expect(reads).toBeLessThanOrEqual(3);
  });

  it('reads a 4.5 GiB model with fields after the payload', () => {
    const path = join(dir, 'four-and-a-half.onnx');
    // FLOAT16 [2, 1152, 1024, 1024] = 2,415,919,104 elements = 4.5 GiB.
    writeSparseModel(path, [2, 1152, 1024, 1024], 10, 4.5 * GiB, { tail: true });
    const { result } = readFile(path);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.model.totalParameters).toBe(2_415_919_104);
      expect(result.model.memoryBytes).toBe(4.5 * GiB);
      expect(result.model.outputs.map((o) => o.name)).toEqual(['logits']);
      expect(result.model.opsetImport).toEqual([{ domain: '', version: 19 }]);
      expect(result.model.warnings).toEqual([]);
      expect(result.model.bytesRead).toBeLessThan(MiB);
    }
  });

  it('says how much is missing from a cut multi-GB download', () => {
    const path = join(dir, 'cut.onnx');
    writeSparseModel(path, [2, 1152, 1024, 1024], 10, 4.5 * GiB, { tail: true, cutTo: 2.5 * GiB });
    const { result } = readFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('truncated');
      expect(result.error.offset).toBe(2.5 * GiB);
      expect(result.error.message).toContain(
        "The file ends inside the graph's initializer “huge.weight” at byte 2,684,354,560 of at least 4,831,838,",
      );
    }
  });
});
