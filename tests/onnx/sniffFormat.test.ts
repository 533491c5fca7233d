import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { bytesSource } from '../../src/onnx/bytesSource';
import { readOnnx } from '../../src/onnx/readOnnx';
import { sniffFormat } from '../../src/onnx/sniffFormat';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const text = (s: string) => new TextEncoder().encode(s);
const bin = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(text(p)) : p)));

const CASES: { name: string; data: Uint8Array; detected: string; says: RegExp }[] = [
  {
    name: 'PNG header',
    data: bin([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'),
    detected: 'PNG image',
    says: /PNG image, not an ONNX model/,
  },
  {
    name: 'JPEG',
    data: bin([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
    detected: 'JPEG image',
    says: /JPEG/,
  },
  { name: 'GIF', data: bin('GIF89a', [1, 0, 1, 0]), detected: 'GIF image', says: /GIF/ },
  { name: 'PDF', data: bin('%PDF-1.7\n%\xe2\xe3'), detected: 'PDF document', says: /PDF/ },
  {
    name: 'HTML page',
    data: text('\ufeff\n  <!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>'),
    detected: 'HTML page',
    says: /web page \(HTML\), not the model/,
  },
  {
    name: 'Git LFS pointer',
    data: text(
      'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146c6e0e1f0c3c7e9b0\nsize 102345678\n',
    ),
    detected: 'Git LFS pointer',
    says: /downloaded without Git LFS\. Run `git lfs pull`/,
  },
  {
    name: 'zip',
    data: bin('PK\x03\x04', [20, 0, 0, 0, 8, 0], 'archive/data.pkl'),
    detected: 'zip archive',
    says: /zip archive \(a PyTorch \.pt\/\.pth checkpoint or a zipped model\?\)/,
  },
  {
    name: 'legacy PyTorch pickle',
    data: bin([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8]),
    detected: 'PyTorch pickle',
    says: /pickle/,
  },
  {
    name: '.ort flatbuffers',
    data: bin([0x18, 0, 0, 0], 'ORTM', [0, 0, 0x12, 0, 0x1c, 0x00]),
    detected: 'ONNX Runtime .ort model',
    says: /\.ort model \(flatbuffers\)/,
  },
  { name: 'JSON', data: text('  {"type": "Feature"}'), detected: 'JSON file', says: /JSON/ },
  { name: 'JSON array', data: text('[1, 2, 3]'), detected: 'JSON file', says: /JSON/ },
  {
    name: 'empty file',
    data: new Uint8Array(0),
    detected: 'empty file',
    says: /empty \(0 bytes\)/,
  },
  {
    name: 'text file',
    data: text('Model card\n==========\nThis model detects ships — trained on Sentinel-2.\n'),
    detected: 'text file',
    says: /text file, not a binary ONNX model/,
  },
  {
    name: 'ONNX textual syntax',
    data: text(
      '<\n  ir_version: 8,\n  opset_import: ["" : 18]\n>\nagraph (float[N] X) => (float[N] Y) {\n',
    ),
    detected: 'ONNX textual syntax',
    says: /textual syntax/,
  },
  {
    name: 'protobuf text',
    data: text('ir_version: 8\nproducer_name: "pytorch"\ngraph {\n  node {\n'),
    detected: 'protobuf text format',
    says: /protobuf text format/,
  },
  {
    name: 'HDF5 / Keras',
    data: bin([0x89], 'HDF\r\n\x1a\n', [0, 0, 0, 0]),
    detected: 'HDF5 file',
    says: /Keras/,
  },
  { name: 'gzip', data: bin([0x1f, 0x8b, 0x08, 0x00]), detected: 'gzip archive', says: /gzip/ },
];

describe('sniffFormat', () => {
  for (const c of CASES) {
    it(`recognises a ${c.name}, in sniffFormat and readOnnx`, () => {
      expect(sniffFormat(c.data)).toMatchObject({ detected: c.detected });
      const result = readOnnx(bytesSource(c.data));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'not-onnx', detected: c.detected });
        expect(result.error.message).toMatch(c.says);
      }
    });
  }

  it('gives no verdict on any ONNX fixture', () => {
    const models = readdirSync(FIXTURES).filter((f) => f.endsWith('.onnx'));
    expect(models.length).toBeGreaterThan(10);
    for (const name of models) {
      expect(sniffFormat(new Uint8Array(readFileSync(`${FIXTURES}${name}`))), name).toBeUndefined();
    }
  });

  it('does not take binary with printable stretches for text', () => {
    const data = bin([0x08, 0x07, 0x12, 0x07], 'pytorch', [0x1a, 0x03], '2.1');
    expect(sniffFormat(data)).toBeUndefined();
  });

  it('recognises UTF-16 text by its byte order mark', () => {
    expect(sniffFormat(bin([0xff, 0xfe], [0x68, 0, 0x69, 0]))?.detected).toBe('text file');
  });

  it('uses the file size, so a non-empty file is not called empty', () => {
    expect(sniffFormat(new Uint8Array(0), 0)?.detected).toBe('empty file');
    expect(sniffFormat(bin([0x08, 0x08]), 1_000_000)).toBeUndefined();
  });
});
