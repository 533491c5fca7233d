import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { bytesSource } from '../../src/onnx/bytesSource';
import { matchExternalData } from '../../src/onnx/externalData';
import type { ByteSource, OnnxModelInfo, OnnxReadResult } from '../../src/onnx/onnxModel';
import { readOnnx } from '../../src/onnx/readOnnx';
import { bytes, concat, floatInput, graph, int, model, str, tensor } from './fixtures/encodeProto';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Expected {
  model: Omit<OnnxModelInfo, 'warnings' | 'bytesRead'>;
  warningCount: number;
  dataFileSize?: number;
}

const expected = JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8')) as Record<
  string,
  Expected
>;

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}

function read(data: Uint8Array, options?: Parameters<typeof readOnnx>[1]): OnnxModelInfo {
  const result = readOnnx(bytesSource(data), options);
  if (!result.ok) {
    throw new Error(`expected a model, got ${result.error.code}: ${result.error.message}`);
  }
  return result.model;
}

function failure(result: OnnxReadResult) {
  if (result.ok) {
    throw new Error('expected an error, got a model');
  }
  return result.error;
}

/** A minimal valid model around the given graph fields. */
function modelWith(...graphParts: Uint8Array[]): Uint8Array {
  return concat(
    model.irVersion(8),
    model.graph(...graphParts, graph.input(floatInput('x', [1]))),
    model.opset('', 17),
  );
}

describe('readOnnx on the python-made fixtures', () => {
  it('has fixtures for every case', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(15);
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`reads ${name} as python-onnx does`, () => {
      const { warnings, bytesRead, ...info } = read(fixture(name));
      expect(info).toEqual(want.model);
      expect(warnings).toHaveLength(want.warningCount);
      expect(bytesRead).toBeGreaterThan(0);
      expect(bytesRead).toBeLessThanOrEqual(want.model.fileSize);
    });
  }

  it('keeps named dims, denotations and doc strings of an NCHW input', () => {
    const info = read(fixture('conv_nchw.onnx'));
    expect(info.inputs.map((i) => i.name)).toEqual(['images']);
    const type = info.inputs[0]?.type;
    expect(type).toMatchObject({ kind: 'tensor', elemType: 1, denotation: 'IMAGE' });
    expect(type && 'shape' in type ? type.shape : undefined).toEqual([
      { param: 'batch', denotation: 'DATA_BATCH' },
      { value: 3, denotation: 'DATA_CHANNEL' },
      { value: 32, denotation: 'DATA_FEATURE' },
      { value: 32, denotation: 'DATA_FEATURE' },
    ]);
    expect(info.metadataProps).toContainEqual({ key: 'classes', value: '["cat", "dog"]' });
  });

  it('tells a scalar (rank 0) from an input without shape', () => {
    const inputs = read(fixture('dims_zoo.onnx')).inputs;
    const byName = new Map(inputs.map((i) => [i.name, i.type]));
    expect(byName.get('scalar')).toEqual({ kind: 'tensor', elemType: 1, shape: [] });
    expect(byName.get('noshape')).toEqual({ kind: 'tensor', elemType: 7 });
    expect(byName.get('huge')).toMatchObject({
      shape: [{ value: '1152921504606846976' }, { value: 2 }],
    });
    expect(byName.get('seq')).toEqual({
      kind: 'sequence',
      description: 'sequence of tensor(float)',
    });
    expect(byName.has('typeless')).toBe(true);
    expect(byName.get('typeless')).toBeUndefined();
  });

  it('drops initializers listed as graph inputs (IR 3) from the model inputs', () => {
    const info = read(fixture('ir3_initializer_inputs.onnx'));
    expect(info.inputs.map((i) => i.name)).toEqual(['data']);
    expect(info.initializerInputs).toBe(2);
  });

  it('counts Constant-node, subgraph and function weights the naive recipe misses', () => {
    expect(read(fixture('constant_nodes.onnx')).totalParameters).toBe(250);
    expect(read(fixture('subgraphs.onnx')).counts.graphs).toBe(8);
    expect(read(fixture('local_function.onnx')).totalParameters).toBe(16 + 16 + 2);
    expect(read(fixture('training_info.onnx')).totalParameters).toBe(10);
  });

  it('lists external data and matches it with the data file', () => {
    const info = read(fixture('external_data.onnx'));
    expect(info.externalData.map((r) => r.tensor)).toEqual(['w1', 'w2']);
    const size = expected['external_data.onnx']?.dataFileSize ?? -1;
    const match = matchExternalData(info.externalData, [{ name: 'external_data.bin', size }]);
    expect(match.needed).toEqual(['external_data.bin']);
    expect(match.missing).toEqual([]);
    expect(match.problems).toEqual([]);
    const alone = matchExternalData(info.externalData, []);
    expect(alone.missing).toEqual(['external_data.bin']);
  });

  it('caps doc strings at maxString characters', () => {
    const info = read(fixture('empty_producer.onnx'), { maxString: 10 });
    expect(info.docString).toBe(`${'d'.repeat(10)}…`);
    expect(info.producerName).toBeUndefined();
  });

  it('warns about duplicate initializers and raw_data of the wrong length', () => {
    const { warnings } = read(fixture('duplicates_and_mismatch.onnx'));
    expect(warnings).toContain(
      'The graph has two initializers named “w”; the second was not counted.',
    );
    expect(warnings.some((w) => w.includes('“bad”') && w.includes('40 bytes'))).toBe(true);
  });
});

describe('readOnnx on hand-made protobuf', () => {
  const weight = (name: string, dims: (number | bigint)[], dataType = 1) =>
    graph.initializer(tensor.dims(dims), tensor.dataType(dataType), tensor.name(name));

  it('reads packed and unpacked dims alike', () => {
    const unpacked = graph.initializer(int(1, 3), int(1, 4), tensor.dataType(1), tensor.name('u'));
    const info = read(modelWith(weight('p', [3, 4]), unpacked));
    expect(info.totalParameters).toBe(24);
    expect(info.memoryBytes).toBe(96);
  });

  it('merges a repeated graph field as protobuf does', () => {
    const data = concat(
      model.irVersion(8),
      model.graph(graph.input(floatInput('a', [1])), weight('w1', [2])),
      model.graph(graph.input(floatInput('b', [1])), weight('w2', [3])),
      model.opset('', 17),
    );
    const info = read(data);
    expect(info.inputs.map((i) => i.name)).toEqual(['a', 'b']);
    expect(info.totalParameters).toBe(5);
    expect(info.counts.graphs).toBe(1);
  });

  it('caps totals beyond 2^53 with a warning instead of losing precision', () => {
    const info = read(modelWith(weight('galaxy', [2n ** 40n, 2n ** 40n])));
    expect(info.totalParameters).toBe(Number.MAX_SAFE_INTEGER);
    expect(info.memoryBytes).toBe(Number.MAX_SAFE_INTEGER);
    expect(info.warnings.some((w) => w.includes('2^53'))).toBe(true);
  });

  it('counts tensors with a negative dim or an unknown type as nothing, with a warning', () => {
    const info = read(modelWith(weight('neg', [-1, 4]), weight('odd', [4], 99), weight('ok', [2])));
    expect(info.totalParameters).toBe(2);
    expect(info.warnings).toHaveLength(2);
  });

  it('reads external data entries and warns about invalid ones', () => {
    const entry = (key: string, value: string) => bytes(13, str(1, key), str(2, value));
    const external = (name: string, ...entries: Uint8Array[]) =>
      graph.initializer(
        tensor.dims([4]),
        tensor.dataType(1),
        tensor.name(name),
        ...entries,
        int(14, 1),
      );
    const info = read(
      modelWith(
        external('a', entry('location', 'w.bin'), entry('offset', '64'), entry('length', '16')),
        external('b', entry('location', 'w.bin'), entry('offset', 'x'), entry('length', '8')),
        external('c'),
      ),
    );
    expect(info.externalData).toEqual([
      { tensor: 'a', location: 'w.bin', offset: 64, length: 16 },
      { tensor: 'b', location: 'w.bin', offset: 0, length: 8 },
    ]);
    expect(info.totalParameters).toBe(12);
    // b: bad offset and a length that is not 16 bytes; c: no location.
    expect(info.warnings).toHaveLength(3);
  });

  it('decodes invalid UTF-8 in names without failing', () => {
    const badName = bytes(8, [0x77, 0xff, 0xfe]);
    const info = read(modelWith(graph.initializer(tensor.dims([1]), tensor.dataType(1), badName)));
    expect(info.totalParameters).toBe(1);
  });

  it('reports other protobufs and graph-less headers as not ONNX', () => {
    const tfGraph = concat(bytes(1, str(1, 'node'), str(2, 'Const')), bytes(4, int(1, 27)));
    expect(failure(readOnnx(bytesSource(tfGraph)))).toMatchObject({
      code: 'not-onnx',
      detected: 'protobuf message (not ONNX)',
    });
    const headerOnly = concat(model.irVersion(8), model.producer('pytorch'));
    const error = failure(readOnnx(bytesSource(headerOnly)));
    expect(error).toMatchObject({ code: 'not-onnx', detected: 'ONNX header without a graph' });
    expect(error.message).toContain('IR version 8, producer “pytorch”');
    const emptyGraph = concat(model.producer('x'), model.graph());
    expect(failure(readOnnx(bytesSource(emptyGraph))).code).toBe('not-onnx');
  });

  it('says where a cut file ends, naming the initializer', () => {
    const data = fixture('conv_nchw.onnx');
    // The last occurrence is the initializer's name (the first is the Conv node's input).
    const at = findLastAscii(data, 'conv1.weight') + 40;
    const error = failure(readOnnx(bytesSource(data.subarray(0, at))));
    expect(error.code).toBe('truncated');
    expect(error.offset).toBe(at);
    expect(error.message).toMatch(
      /^The file ends inside the graph's initializer “conv1\.weight” at byte [\d,]+ of at least [\d,]+: the download or copy was probably interrupted/,
    );
  });

  it('returns read failures as data', () => {
    const data = fixture('conv_nchw.onnx');
    const throwing: ByteSource = {
      size: data.length,
      read: () => {
        throw new Error('NotReadableError: the file changed');
      },
    };
    expect(failure(readOnnx(throwing))).toMatchObject({ code: 'read-failed', offset: 0 });
    const short: ByteSource = { size: data.length + 100, read: bytesSource(data).read };
    expect(failure(readOnnx(short)).code).toBe('read-failed');
  });
});

describe('bytesSource', () => {
  it('returns views clamped to the data', () => {
    const source = bytesSource(Uint8Array.from([1, 2, 3, 4]));
    expect(source.size).toBe(4);
    expect(Array.from(source.read(1, 2))).toEqual([2, 3]);
    expect(Array.from(source.read(3, 10))).toEqual([4]);
    expect(source.read(9, 1)).toHaveLength(0);
  });
});

function findLastAscii(data: Uint8Array, text: string): number {
  const needle = new TextEncoder().encode(text);
  outer: for (let i = data.length - needle.length; i >= 0; i--) {
    for (let k = 0; k < needle.length; k++) {
      if (data[i + k] !== needle[k]) {
        continue outer;
      }
    }
    return i;
  }
  throw new Error(`${text} not found`);
}
