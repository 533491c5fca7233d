import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchExternalData as realMatchExternalData } from '../../src/onnx/externalData';
import type { ExternalDataMatch } from '../../src/onnx/externalData';
import { inspectFiles, MAX_MODEL_BYTES, pickModelFile } from '../../src/onnx/inspectFiles';
import type { InspectDeps } from '../../src/onnx/inspectFiles';
import type { ByteSource, OnnxModelInfo, OnnxReadResult } from '../../src/onnx/onnxModel';
import type { OnnxResponse } from '../../src/onnx/onnxProtocol';
import { readOnnx as realReadOnnx } from '../../src/onnx/readOnnx';

// The parser and the external-data matcher are mostly injected fakes: this suite pins the message
// flow, not what readOnnx finds (that has its own tests). One test wires the real ones.

const SLICE = 1024;

function modelInfo(overrides: Partial<OnnxModelInfo> = {}): OnnxModelInfo {
  return {
    opsetImport: [{ domain: '', version: 17 }],
    metadataProps: [],
    inputs: [],
    outputs: [],
    initializerInputs: 0,
    counts: {
      graphs: 1,
      nodes: 0,
      initializers: 0,
      sparseInitializers: 0,
      constantNodes: 0,
      functions: 0,
    },
    totalParameters: 0,
    memoryBytes: 0,
    externalData: [],
    warnings: [],
    bytesRead: 16,
    fileSize: 0,
    ...overrides,
  };
}

/** Buffers behind the test Files, since node has no FileReaderSync; records every read. */
function harness(
  contents: Record<string, Uint8Array<ArrayBuffer>>,
  options: { result?: OnnxReadResult; cancelAfterReads?: number } = {},
) {
  const messages: OnnxResponse[] = [];
  const reads: { file: string; offset: number; length: number }[] = [];
  const external: ExternalDataMatch = {
    needed: [],
    given: [],
    missing: [],
    rejected: [],
    unused: ['from the fake'],
    problems: [],
    messages: [],
  };
  const readOnnx = vi.fn((source: ByteSource): OnnxReadResult => {
    source.read(0, 16);
    return options.result ?? { ok: true, model: modelInfo({ fileSize: source.size }) };
  });
  const matchExternalData = vi.fn<InspectDeps['matchExternalData']>(() => external);
  const openSource = (file: File): ByteSource => {
    const bytes = contents[file.name];
    if (bytes === undefined) {
      throw new Error(`no test bytes for ${file.name}`);
    }
    return {
      size: bytes.length,
      read(offset, length) {
        reads.push({ file: file.name, offset, length });
        return bytes.subarray(offset, offset + length);
      },
    };
  };
  const deps: InspectDeps = {
    post: (message) => messages.push(message),
    isCancelled: () =>
      options.cancelAfterReads !== undefined && reads.length >= options.cancelAfterReads,
    readOnnx,
    matchExternalData,
    openSource,
    hashOptions: { sliceBytes: SLICE, progressIntervalMs: 0, yieldBetweenSlices: async () => {} },
  };
  const files = Object.entries(contents).map(([name, bytes]) => new File([bytes], name));
  return { deps, files, messages, reads, readOnnx, matchExternalData, external };
}

const types = (messages: OnnxResponse[]) => messages.map((message) => message.type);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pickModelFile', () => {
  it('takes the first *.onnx in any case, else the first file', () => {
    expect(pickModelFile([{ name: 'a.bin' }, { name: 'M.ONNX' }, { name: 'b.onnx' }])).toBe(1);
    expect(pickModelFile([{ name: 'model.onnx_data' }, { name: 'model' }])).toBe(0);
    expect(pickModelFile([])).toBeUndefined();
  });
});

describe('inspectFiles', () => {
  it('posts parsed before hashing, then progress, the checksum and done', async () => {
    const model = new Uint8Array(randomBytes(5 * SLICE + 3));
    const data = new Uint8Array(randomBytes(100));
    const { deps, files, messages, matchExternalData, external, reads } = harness({
      'model.onnx_data': data,
      'Model.ONNX': model,
    });
    await inspectFiles({ type: 'inspect', id: 7, files }, deps);

    expect(types(messages)).toEqual([
      'parsed',
      ...Array<string>(7).fill('progress'),
      'hashed',
      'done',
    ]);
    expect(messages.every((message) => message.id === 7)).toBe(true);
    expect(messages[0]).toMatchObject({ type: 'parsed', fileName: 'Model.ONNX', external });
    // The other dropped files are the external-data candidates.
    expect(matchExternalData).toHaveBeenCalledWith([], [files[0]]);
    expect(messages.at(-2)).toEqual({
      type: 'hashed',
      id: 7,
      fileName: 'Model.ONNX',
      checksum: `1220${createHash('sha256').update(model).digest('hex')}`,
    });
    const progress = messages.filter((message) => message.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ bytesDone: model.length, total: model.length });
    // Only the model is read: data files are matched by name and size, never hashed.
    expect(reads.every((read) => read.file === 'Model.ONNX')).toBe(true);
  });

  it('passes the external references of a parsed model to the matcher', async () => {
    const externalData = [{ tensor: 'w', location: 'weights.bin', offset: 0, length: 8 }];
    const { deps, files, matchExternalData } = harness(
      { 'model.onnx': new Uint8Array(64), 'weights.bin': new Uint8Array(8) },
      { result: { ok: true, model: modelInfo({ externalData }) } },
    );
    await inspectFiles({ type: 'inspect', id: 1, files }, deps);
    expect(matchExternalData).toHaveBeenCalledWith(externalData, [files[1]]);
  });

  it('does not hash a file that did not parse', async () => {
    const error = { code: 'not-onnx' as const, message: 'A PNG image.', detected: 'PNG image' };
    const { deps, files, messages, reads } = harness(
      { 'photo.onnx': new Uint8Array(randomBytes(4 * SLICE)) },
      { result: { ok: false, error } },
    );
    await inspectFiles({ type: 'inspect', id: 2, files }, deps);
    expect(messages).toEqual([
      {
        type: 'parsed',
        id: 2,
        fileName: 'photo.onnx',
        result: { ok: false, error },
        external: expect.anything(),
      },
      { type: 'done', id: 2 },
    ]);
    // The parser's one 16-byte read, nothing more.
    expect(reads).toEqual([{ file: 'photo.onnx', offset: 0, length: 16 }]);
  });

  it('stops hashing when cancelled and reports it', async () => {
    const { deps, files, messages, reads } = harness(
      { 'model.onnx': new Uint8Array(randomBytes(20 * SLICE)) },
      // The parser's read, then two hash slices.
      { cancelAfterReads: 3 },
    );
    await inspectFiles({ type: 'inspect', id: 3, files }, deps);
    expect(types(messages)).not.toContain('hashed');
    expect(messages.slice(-2)).toEqual([
      {
        type: 'failed',
        id: 3,
        fileName: 'model.onnx',
        error: { code: 'cancelled', message: expect.stringContaining('“model.onnx”') },
      },
      { type: 'done', id: 3 },
    ]);
    expect(reads.length).toBe(3);
  });

  it('reports an empty file as a parse result without calling the parser', async () => {
    const { deps, files, messages, readOnnx } = harness({ 'model.onnx': new Uint8Array(0) });
    await inspectFiles({ type: 'inspect', id: 4, files }, deps);
    expect(readOnnx).not.toHaveBeenCalled();
    expect(types(messages)).toEqual(['parsed', 'done']);
    expect(messages[0]).toMatchObject({
      result: {
        ok: false,
        error: { code: 'truncated', message: expect.stringContaining('empty') },
      },
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { deps, files, messages, reads } = harness({ 'huge.onnx': new Uint8Array(1) });
    const huge = files[0];
    expect(huge).toBeDefined();
    Object.defineProperty(huge, 'size', { value: MAX_MODEL_BYTES + 1 });
    await inspectFiles({ type: 'inspect', id: 5, files }, deps);
    expect(reads).toEqual([]);
    expect(messages[0]).toMatchObject({
      type: 'parsed',
      result: {
        ok: false,
        error: { code: 'not-onnx', message: expect.stringContaining('64 GiB') },
      },
    });
    expect(types(messages)).toEqual(['parsed', 'done']);
  });

  it('turns an exception in the parser into a failed message that says what failed', async () => {
    const { deps, files, messages } = harness({ 'model.onnx': new Uint8Array(32) });
    deps.readOnnx = () => {
      throw new TypeError('Cannot read properties of undefined');
    };
    await inspectFiles({ type: 'inspect', id: 6, files }, deps);
    expect(messages).toEqual([
      {
        type: 'failed',
        id: 6,
        fileName: 'model.onnx',
        error: {
          code: 'corrupt',
          message:
            'Reading “model.onnx” failed unexpectedly: TypeError: Cannot read properties of undefined.',
        },
      },
      { type: 'done', id: 6 },
    ]);
  });

  it('maps a refused browser read (FileReaderSync) to read-failed naming the file', async () => {
    // The default source reads through FileReaderSync; node lacks it, so stand one in that fails
    // the way browsers do when the file changed on disk.
    vi.stubGlobal(
      'FileReaderSync',
      class {
        readAsArrayBuffer(): ArrayBuffer {
          throw new DOMException('The requested file could not be read.', 'NotReadableError');
        }
      },
    );
    const { deps, files, messages } = harness({ 'model.onnx': new Uint8Array(32) });
    delete deps.openSource;
    await inspectFiles({ type: 'inspect', id: 8, files }, deps);
    expect(types(messages)).toEqual(['failed', 'done']);
    const failed = messages[0];
    expect(failed).toMatchObject({
      type: 'failed',
      fileName: 'model.onnx',
      error: { code: 'read-failed', offset: 0 },
    });
    const message = failed?.type === 'failed' ? failed.error.message : '';
    expect(message).toContain('“model.onnx”');
    expect(message).toContain('changed on disk');
    expect(message).toContain('NotReadableError');
  });

  it('answers a request without files with failed and done', async () => {
    const { deps, messages } = harness({});
    await inspectFiles({ type: 'inspect', id: 9, files: [] }, deps);
    expect(messages).toEqual([
      { type: 'failed', id: 9, error: { code: 'not-onnx', message: 'No file was given.' } },
      { type: 'done', id: 9 },
    ]);
  });

  it('works with the real reader and matcher on a model with external weights', async () => {
    const tensor = [
      ...[0x08, 4], // dims: [4]
      ...[0x10, 1], // data_type: FLOAT
      ...field(8, 'w'),
      ...field(13, [...field(1, 'location'), ...field(2, 'weights.bin')]),
      ...field(13, [...field(1, 'length'), ...field(2, '16')]),
      ...[0x70, 1], // data_location: EXTERNAL
    ];
    const graph = [...field(2, 'main'), ...field(5, tensor)];
    const model = new Uint8Array([0x08, 8, ...field(8, [0x10, 17]), ...field(7, graph)]);
    const { deps, files, messages } = harness({
      'model.onnx': model,
      'weights.bin': new Uint8Array(16),
    });
    deps.readOnnx = realReadOnnx;
    deps.matchExternalData = realMatchExternalData;
    await inspectFiles({ type: 'inspect', id: 10, files }, deps);

    expect(types(messages)).toEqual(['parsed', 'progress', 'progress', 'hashed', 'done']);
    const parsed = messages[0];
    if (parsed?.type !== 'parsed' || !parsed.result.ok) {
      throw new Error(`expected a parsed model, got ${JSON.stringify(parsed)}`);
    }
    expect(parsed.result.model).toMatchObject({
      irVersion: 8,
      totalParameters: 4,
      memoryBytes: 16,
    });
    expect(parsed.external).toMatchObject({
      needed: ['weights.bin'],
      given: [{ location: 'weights.bin', file: 'weights.bin', size: 16 }],
      missing: [],
    });
    // Tests run in node, so the result must also survive the structured clone the worker applies.
    expect(structuredClone(parsed)).toEqual(parsed);
    expect(messages[3]).toMatchObject({
      checksum: `1220${createHash('sha256').update(model).digest('hex')}`,
    });
  });
});

/** A length-delimited protobuf field (wire type 2), enough to hand-build a tiny ONNX model. */
function field(fieldNumber: number, payload: number[] | string): number[] {
  const bytes = typeof payload === 'string' ? [...new TextEncoder().encode(payload)] : payload;
  return [...varint((fieldNumber << 3) | 2), ...varint(bytes.length), ...bytes];
}

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 127) {
    out.push((rest & 127) | 128);
    rest >>>= 7;
  }
  out.push(rest);
  return out;
}
