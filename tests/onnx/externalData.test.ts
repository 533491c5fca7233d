import { describe, expect, it } from 'vitest';

import { baseName, matchExternalData, unsafeLocation } from '../../src/onnx/externalData';
import type { OnnxExternalRef } from '../../src/onnx/onnxModel';

const ref = (tensor: string, location: string, offset = 0, length?: number): OnnxExternalRef =>
  length === undefined ? { tensor, location, offset } : { tensor, location, offset, length };

describe('matchExternalData', () => {
  it('lists each needed file once and matches given files by base name', () => {
    const match = matchExternalData(
      [
        ref('a', 'model.onnx_data', 0, 100),
        ref('b', 'model.onnx_data', 100, 50),
        ref('c', 'weights/c.bin', 0, 8),
      ],
      [
        { name: 'c.bin', size: 8 },
        { name: 'model.onnx_data', size: 150 },
      ],
    );
    expect(match.needed).toEqual(['model.onnx_data', 'weights/c.bin']);
    expect(match.given).toEqual([
      { location: 'model.onnx_data', file: 'model.onnx_data', size: 150 },
      { location: 'weights/c.bin', file: 'c.bin', size: 8 },
    ]);
    expect(match.missing).toEqual([]);
    expect(match.problems).toEqual([]);
    expect(match.messages).toEqual([]);
  });

  it('reports missing files as warnings, with the tensor count', () => {
    const match = matchExternalData([ref('a', 'w.bin', 0, 4), ref('b', 'w.bin', 4, 4)], []);
    expect(match.missing).toEqual(['w.bin']);
    expect(match.messages).toHaveLength(1);
    expect(match.messages[0]?.severity).toBe('warning');
    expect(match.messages[0]?.message).toContain(
      'weights of 2 tensors in “w.bin”, which was not given',
    );
  });

  it('flags a file shorter than the ranges read from it, naming the furthest tensor', () => {
    const match = matchExternalData(
      [ref('a', 'w.bin', 0, 1000), ref('b', 'w.bin', 1000, 1048), ref('c', 'w.bin', 3000)],
      [{ name: 'w.bin', size: 1500 }],
    );
    expect(match.problems).toHaveLength(1);
    expect(match.problems[0]?.message).toBe(
      '“w.bin” is 1,500 bytes, but the model reads tensor “c” from byte 3,000 onwards (and 1 tensor more): the file is incomplete or belongs to another version of the model.',
    );
    expect(match.messages[0]?.severity).toBe('error');
  });

  it('refuses absolute paths and paths that leave the folder', () => {
    const locations = [
      '../secrets.bin',
      'a/../../b.bin',
      '/etc/passwd',
      'C:\\w.bin',
      '\\\\server\\share\\w.bin',
      'https://x.org/w.bin',
      '',
    ];
    const match = matchExternalData(
      locations.map((l, i) => ref(`t${i}`, l)),
      [
        { name: 'secrets.bin', size: 10 },
        { name: 'passwd', size: 10 },
      ],
    );
    expect(match.rejected).toEqual(locations);
    expect(match.needed).toEqual([]);
    expect(match.unused).toEqual(['secrets.bin', 'passwd']);
    expect(match.messages.filter((m) => m.severity === 'error')).toHaveLength(locations.length);
    expect(match.messages[0]?.message).toContain("leaves the model's folder");
  });

  it('falls back to a case-insensitive match and reports unused files', () => {
    const match = matchExternalData(
      [ref('a', 'Weights.BIN', 0, 4)],
      [
        { name: 'weights.bin', size: 4 },
        { name: 'README.md', size: 100 },
      ],
    );
    expect(match.given).toEqual([{ location: 'Weights.BIN', file: 'weights.bin', size: 4 }]);
    expect(match.unused).toEqual(['README.md']);
    expect(match.messages).toEqual([
      {
        severity: 'info',
        message: '“README.md” is not an external-data file of this model; it is ignored.',
      },
    ]);
  });

  it('returns plain data that survives structured cloning', () => {
    const match = matchExternalData([ref('a', 'x.bin')], [{ name: 'x.bin', size: 0 }]);
    expect(structuredClone(match)).toEqual(match);
  });
});

describe('unsafeLocation and baseName', () => {
  it('accepts relative paths inside the folder', () => {
    expect(unsafeLocation('model.onnx.data')).toBeUndefined();
    expect(unsafeLocation('./sub/1.weight')).toBeUndefined();
    expect(unsafeLocation('..data')).toBeUndefined();
  });

  it('takes the last segment with either separator', () => {
    expect(baseName('a/b\\c.bin')).toBe('c.bin');
    expect(baseName('c.bin')).toBe('c.bin');
  });
});
