import { closeSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';

import {
  bytes,
  concat,
  header,
  int,
  packed,
  str,
  tag,
  varint,
} from '../tests/onnx/fixtures/encodeProto';

// ONNX models of any size for the benchmarks, written as sparse files: only the protobuf structure
// is on disk, every raw_data payload is a hole, so a 4 GiB model takes a few KiB of disk and reads
// back as zeros. The layout follows a PyTorch export (nodes, initializers, then inputs and outputs;
// opset_import after the graph), so a reader has to seek past every payload to reach the model's
// inputs, outputs and opset.

/** The bytes a piece of the file holds: written structure, or a hole of that many bytes. */
type Piece = Uint8Array | { hole: number };

/** What the file holds, to check what the readers find against. */
export interface SparseModel {
  path: string;
  /** File size in bytes. */
  size: number;
  /** Bytes the file takes on disk (st_blocks), to show that the holes stayed holes. */
  allocated: number;
  inputs: string[];
  outputs: string[];
  nodes: number;
  initializers: number;
  totalParameters: number;
}

const FLOAT = 1;
/** AttributeProto.AttributeType */
const ATTR_INT = 2;
const ATTR_INTS = 7;
/** Columns of every large weight matrix: rows follow from the size asked for. */
const COLUMNS = 4096;
const LARGE_WEIGHTS = ['encoder.embed.weight', 'encoder.block0.weight', 'encoder.block1.weight'];
const HEAD_WEIGHT = 'head.weight';
const CLASSES = 1000;

const piecesLength = (pieces: Piece[]) =>
  pieces.reduce((n, p) => n + (p instanceof Uint8Array ? p.length : p.hole), 0);

/** A length-delimited field around pieces that may contain holes. */
function message(field: number, ...pieces: Piece[]): Piece[] {
  return [concat(tag(field, 2), varint(piecesLength(pieces))), ...pieces];
}

function attrInt(name: string, value: number): Uint8Array {
  return bytes(5, str(1, name), int(3, value), int(20, ATTR_INT));
}

function attrInts(name: string, values: number[]): Uint8Array {
  return bytes(5, str(1, name), packed(8, values), int(20, ATTR_INTS));
}

function node(
  op: string,
  name: string,
  inputs: string[],
  outputs: string[],
  ...attrs: Uint8Array[]
) {
  return bytes(
    1,
    ...inputs.map((i) => str(1, i)),
    ...outputs.map((o) => str(2, o)),
    str(3, name),
    str(4, op),
    ...attrs,
  );
}

/** A FLOAT initializer whose raw_data is a hole. */
function initializer(name: string, dims: number[]): { pieces: Piece[]; elements: number } {
  const elements = dims.reduce((a, b) => a * b, 1);
  const payload = elements * 4;
  const head = concat(packed(1, dims), int(2, FLOAT), str(8, name), header(9, payload));
  return { pieces: message(5, head, { hole: payload }), elements };
}

/** A FLOAT tensor ValueInfoProto; string dims are symbolic (dim_param). */
function valueInfo(field: number, name: string, dims: (number | string)[]): Uint8Array {
  const shape = bytes(
    2,
    ...dims.map((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d))),
  );
  return bytes(field, str(1, name), bytes(2, bytes(1, int(1, FLOAT), shape)));
}

/**
 * Writes a classifier-shaped model whose weights add up to just under `weightBytes`, as a sparse
 * file at `path`: a stem Conv, three 4096-wide MatMul blocks and a Gemm head.
 */
export function writeSparseOnnx(path: string, weightBytes: number): SparseModel {
  const headBytes = CLASSES * COLUMNS * 4;
  const rowBytes = COLUMNS * 4 * LARGE_WEIGHTS.length;
  const smallBytes = (64 * 3 * 7 * 7 + 64 + CLASSES) * 4;
  const rows = Math.floor((weightBytes - headBytes - smallBytes) / rowBytes);
  if (rows < 1) {
    throw new Error(`A sparse model needs more than ${headBytes + smallBytes} bytes of weights`);
  }

  const inits = [
    initializer('stem.weight', [64, 3, 7, 7]),
    initializer('stem.bias', [64]),
    ...LARGE_WEIGHTS.map((name) => initializer(name, [rows, COLUMNS])),
    initializer(HEAD_WEIGHT, [CLASSES, COLUMNS]),
    initializer('head.bias', [CLASSES]),
  ];
  const nodes = [
    node(
      'Conv',
      '/stem/Conv',
      ['pixels', 'stem.weight', 'stem.bias'],
      ['/stem/Conv_output_0'],
      attrInts('kernel_shape', [7, 7]),
      attrInts('strides', [2, 2]),
      attrInts('pads', [3, 3, 3, 3]),
    ),
    node('Relu', '/stem/Relu', ['/stem/Conv_output_0'], ['/stem/Relu_output_0']),
    node('Flatten', '/Flatten', ['/stem/Relu_output_0'], ['/Flatten_output_0'], attrInt('axis', 1)),
    ...LARGE_WEIGHTS.map((weight, i) =>
      node(
        'MatMul',
        `/encoder/MatMul_${i}`,
        [i === 0 ? '/Flatten_output_0' : `/encoder/MatMul_${i - 1}_output_0`, weight],
        [`/encoder/MatMul_${i}_output_0`],
      ),
    ),
    node(
      'Gemm',
      '/head/Gemm',
      [`/encoder/MatMul_${LARGE_WEIGHTS.length - 1}_output_0`, HEAD_WEIGHT, 'head.bias'],
      ['logits'],
      attrInt('transB', 1),
    ),
    node('Softmax', '/Softmax', ['logits'], ['probabilities'], attrInt('axis', 1)),
  ];
  const graph: Piece[] = [
    ...nodes,
    str(2, 'main_graph'),
    ...inits.flatMap((i) => i.pieces),
    valueInfo(11, 'pixels', ['batch', 3, 224, 224]),
    valueInfo(12, 'logits', ['batch', CLASSES]),
    valueInfo(12, 'probabilities', ['batch', CLASSES]),
  ];
  const pieces: Piece[] = [
    int(1, 8),
    str(2, 'pytorch'),
    str(3, '2.5.1'),
    ...message(7, ...graph),
    bytes(8, str(1, ''), int(2, 17)),
    bytes(14, str(1, 'source'), str(2, 'stac-mlm-editor benchmark')),
  ];

  const size = piecesLength(pieces);
  const fd = openSync(path, 'w');
  try {
    let at = 0;
    for (const piece of pieces) {
      if (piece instanceof Uint8Array) {
        writeSync(fd, piece, 0, piece.length, at);
        at += piece.length;
      } else {
        at += piece.hole;
      }
    }
    // Only needed should the file ever end in a hole; a no-op otherwise.
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return {
    path,
    size,
    allocated: statSync(path).blocks * 512,
    inputs: ['pixels'],
    outputs: ['logits', 'probabilities'],
    nodes: nodes.length,
    initializers: inits.length,
    totalParameters: inits.reduce((n, i) => n + i.elements, 0),
  };
}
