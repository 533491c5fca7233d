import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { bytesSource } from '../../src/onnx/bytesSource';
import type { OnnxErrorCode, OnnxReadResult } from '../../src/onnx/onnxModel';
import { readOnnx } from '../../src/onnx/readOnnx';
import { mulberry32 } from '../support/randomMutations';
import {
  attribute,
  bytes,
  concat,
  floatInput,
  graph,
  header,
  model,
  node,
  tag,
  tensor,
} from './fixtures/encodeProto';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const CODES: OnnxErrorCode[] = ['truncated', 'corrupt', 'not-onnx', 'too-deep'];

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}

function run(data: Uint8Array, options?: Parameters<typeof readOnnx>[1]): OnnxReadResult {
  return readOnnx(bytesSource(data), options);
}

function errorOf(result: OnnxReadResult) {
  if (result.ok) {
    throw new Error('expected an error, got a model');
  }
  return result.error;
}

/** A result is either a sane model or a typed error with a message; nothing else. */
function expectWellFormed(result: OnnxReadResult): void {
  if (result.ok) {
    const m = result.model;
    expect(Number.isSafeInteger(m.totalParameters) && m.totalParameters >= 0).toBe(true);
    expect(Number.isSafeInteger(m.memoryBytes) && m.memoryBytes >= 0).toBe(true);
    expect(() => structuredClone(m)).not.toThrow();
  } else {
    expect(CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(20);
  }
}

/** Offsets where top-level ModelProto fields start/end, and where the graph field ends. */
function topLevelBoundaries(data: Uint8Array): { boundaries: Set<number>; graphEnd: number } {
  const boundaries = new Set<number>([0]);
  let graphEnd = -1;
  let pos = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = data[pos++] ?? 0;
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) {
        return value;
      }
    }
  };
  while (pos < data.length) {
    const key = varint();
    const wireType = key % 8;
    if (wireType === 0) {
      varint();
    } else if (wireType === 2) {
      const length = varint();
      pos += length;
    } else {
      throw new Error(`unexpected wire type ${wireType} in fixture`);
    }
    if (Math.floor(key / 8) === 7) {
      graphEnd = pos;
    }
    boundaries.add(pos);
  }
  return { boundaries, graphEnd };
}

/** A model whose main graph holds If nodes nested `depth` graphs deep. */
function nestedIfs(depth: number): Uint8Array {
  let inner: Uint8Array = concat(graph.name(`g${depth}`));
  for (let level = depth - 1; level >= 1; level--) {
    const ifNode = graph.node(
      node.op('If'),
      node.attribute(attribute.name('then_branch'), attribute.type(5), attribute.graph(inner)),
    );
    inner = concat(graph.name(`g${level}`), ifNode);
  }
  return concat(model.irVersion(8), model.graph(inner, graph.input(floatInput('x', [1]))));
}

/** Inserts raw bytes as a field inside the main graph of a minimal model. */
function modelWithGraphBytes(...inside: (Uint8Array | number[])[]): Uint8Array {
  return concat(
    model.irVersion(8),
    model.producer('test'),
    model.graph(graph.input(floatInput('x', [1])), ...inside),
    model.opset('', 17),
  );
}

describe('truncated files', () => {
  for (const name of ['subgraphs.onnx', 'conv_nchw.onnx', 'dims_zoo.onnx']) {
    it(`${name} cut at every byte gives truncated, or not-onnx before the graph`, () => {
      const data = fixture(name);
      const whole = run(data);
      expect(whole.ok).toBe(true);
      const { boundaries, graphEnd } = topLevelBoundaries(data);
      for (let cut = 0; cut < data.length; cut++) {
        const result = run(data.subarray(0, cut));
        if (boundaries.has(cut) && cut >= graphEnd) {
          // A cut between top-level fields after the graph is a valid, smaller model.
          expect(result.ok, `cut at ${cut}`).toBe(true);
          if (result.ok && whole.ok) {
            expect(result.model.totalParameters).toBe(whole.model.totalParameters);
          }
        } else if (boundaries.has(cut)) {
          expect(errorOf(result).code, `cut at ${cut}`).toBe('not-onnx');
        } else {
          const error = errorOf(result);
          expect(error.code, `cut at ${cut}`).toBe('truncated');
          expect(error.offset).toBe(cut);
          expect(error.message).toContain('the download or copy was probably interrupted');
        }
      }
    });
  }
});

describe('random damage', () => {
  it('never throws on 3,000 seeded byte flips of real fixtures', () => {
    const random = mulberry32(20261122);
    const sources = [
      'subgraphs.onnx',
      'constant_nodes.onnx',
      'dims_zoo.onnx',
      'sparse_initializer.onnx',
    ].map(fixture);
    let errors = 0;
    for (let i = 0; i < 3000; i++) {
      const data = Uint8Array.from(sources[i % sources.length] ?? []);
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) {
        const at = Math.floor(random() * data.length);
        data[at] =
          random() < 0.5
            ? (data[at] ?? 0) ^ (1 << Math.floor(random() * 8))
            : Math.floor(random() * 256);
      }
      const result = run(data);
      expectWellFormed(result);
      errors += result.ok ? 0 : 1;
    }
    // Flips in payload bytes are harmless; many others must be caught.
    expect(errors).toBeGreaterThan(100);
  });

  it('never throws on 500 files of random bytes', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      const data = Uint8Array.from({ length: 1 + Math.floor(random() * 300) }, () =>
        Math.floor(random() * 256),
      );
      const result = run(data);
      expectWellFormed(result);
    }
  });
});

describe('invalid protobuf', () => {
  for (const wireType of [3, 4, 6, 7]) {
    it(`rejects wire type ${wireType} as corrupt, with its offset`, () => {
      const data = modelWithGraphBytes(tag(20, wireType), [0, 0, 0, 0, 0, 0, 0, 0]);
      const error = errorOf(run(data));
      expect(error.code).toBe('corrupt');
      expect(error.message).toContain(`wire type ${wireType}`);
      expect(data[error.offset ?? -1]).toBe(20 * 8 + wireType);
    });
  }

  it('rejects field number 0', () => {
    const error = errorOf(run(modelWithGraphBytes([0x00, 0x00])));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('number 0');
  });

  it('rejects a varint longer than 10 bytes', () => {
    const data = modelWithGraphBytes(tag(99, 0), Array(11).fill(0xff), [0x01]);
    const error = errorOf(run(data));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('longer than 10 bytes');
  });

  it('rejects a length beyond the parent message as corrupt', () => {
    // A node that claims 50 bytes inside a graph that has 5 left.
    const data = modelWithGraphBytes(header(1, 50), [0x22, 0x01, 0x41]);
    const error = errorOf(run(data));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/claims 50 bytes/);
    expect(error.message).toContain('the graph');
  });

  it('reports a payload beyond the end of the file as truncated', () => {
    const data = concat(
      model.irVersion(8),
      model.graph(graph.initializer(tensor.dims([4]), tensor.name('w'), header(9, 1000))),
    );
    const error = errorOf(run(data.subarray(0, data.length)));
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('initializer “w”');
  });

  it('gives too-deep for graphs nested beyond maxDepth, and reads them within it', () => {
    const data = nestedIfs(40);
    const error = errorOf(run(data));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain('more than the 32 allowed');
    const deep = run(data, { maxDepth: 64 });
    expect(deep.ok && deep.model.counts.graphs).toBe(40);
    expect(errorOf(run(data, { maxDepth: 5 })).code).toBe('too-deep');
  });

  it('stays safe on thousands of nested graphs even without a depth limit', () => {
    const result = run(nestedIfs(3000), { maxDepth: Number.MAX_SAFE_INTEGER });
    // Either read, or stopped as too deep when the stack ran out: never thrown.
    expect(result.ok || result.error.code === 'too-deep').toBe(true);
  });

  it('gives too-deep for absurdly nested types', () => {
    let type: Uint8Array = bytes(1, [0x08, 0x01]); // tensor_type { elem_type: FLOAT }
    for (let i = 0; i < 100; i++) {
      type = bytes(4, bytes(1, type)); // sequence_type { elem_type: <type> }
    }
    const input = concat(bytes(1, [0x78]), bytes(2, type.subarray(0)));
    const data = concat(model.irVersion(8), model.graph(graph.input(input)));
    const error = errorOf(run(data));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain('input “x”');
  });
});
