import { describe, expect, it } from 'vitest';

import { describeModel, describeProgress } from '../../../src/app/onnx/onnxImportView';
import { isModelDrop, isModelFile } from '../../../src/app/onnx/isModelFile';
import type { OnnxModelInfo } from '../../../src/onnx/onnxModel';

const model: OnnxModelInfo = {
  irVersion: 8,
  opsetImport: [
    { domain: 'com.microsoft', version: 1 },
    { domain: '', version: 17 },
  ],
  producerName: 'pytorch',
  producerVersion: '2.1.0',
  metadataProps: [],
  inputs: [],
  outputs: [],
  initializerInputs: 0,
  counts: {
    graphs: 3,
    nodes: 120,
    initializers: 10,
    sparseInitializers: 0,
    constantNodes: 2,
    functions: 0,
  },
  totalParameters: 11_689_512,
  memoryBytes: 46_758_048,
  externalData: [],
  warnings: [],
  bytesRead: 48_000,
  fileSize: 46_800_000,
};

describe('describeModel', () => {
  it('names the format, the default opset, the producer, the weights and what was read', () => {
    expect(describeModel(model)).toBe(
      'ONNX IR 8, opset 17 · made by pytorch 2.1.0 · 11,689,512 parameters (46.8 MB of weights) · 3 graphs, 120 nodes · read 48.0 kB of 46.8 MB',
    );
    expect(describeModel({ ...model, producerName: undefined, irVersion: undefined })).toMatch(
      /^ONNX, opset 17 · no producer named/,
    );
  });
});

describe('describeProgress', () => {
  it('gives the percentage, the speed and the time left once known', () => {
    expect(describeProgress({ bytesDone: 0, total: 2_000_000_000 })).toBe(
      'Computing the SHA-256 checksum: 0% of 2.0 GB',
    );
    expect(
      describeProgress({
        bytesDone: 900_000_000,
        total: 2_000_000_000,
        bytesPerSecond: 160_000_000,
        secondsLeft: 6.9,
      }),
    ).toBe('Computing the SHA-256 checksum: 45% of 2.0 GB · 160 MB/s · about 7 s left');
    expect(describeProgress({ bytesDone: 1, total: 10, secondsLeft: 125 })).toContain(
      'about 2 min 5 s left',
    );
  });
});

describe('isModelDrop', () => {
  it('sends model files (and drops that contain one) to the ONNX import', () => {
    expect(isModelFile('resnet.ONNX')).toBe(true);
    expect(isModelFile('model.onnx.data')).toBe(true);
    expect(isModelFile('weights.pt')).toBe(true);
    expect(isModelFile('item.json')).toBe(false);
    expect(isModelDrop([{ name: 'model.onnx' }, { name: 'weights.bin' }])).toBe(true);
    expect(isModelDrop([{ name: 'item.json' }])).toBe(false);
  });
});
