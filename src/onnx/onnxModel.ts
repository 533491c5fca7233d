// What the lazy ONNX reader finds in a model file, as plain data that crosses the worker boundary
// (structured-clone safe: no classes, no functions, no BigInt). docs: ../shared/docs/onnx-notes.md.

/**
 * Random access to the bytes of a file without holding it: `read` returns `length` bytes from
 * `offset` (fewer only at the end of the file). Adapters: a Blob through FileReaderSync in the
 * worker, a Uint8Array in tests, a file descriptor in node.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** Why a file could not be read as an ONNX model. */
export type OnnxErrorCode =
  /** Recognised as something else (PNG, HTML, Git LFS pointer, zip/PyTorch, .ort, text...). */
  | 'not-onnx'
  /** The file ends inside a field: an interrupted download or copy. */
  | 'truncated'
  /** Bytes that are not valid protobuf where the ONNX schema expects a message. */
  | 'corrupt'
  /** Graphs nested deeper than the reader allows (a malicious or broken file). */
  | 'too-deep'
  /** The browser could not read the file (permissions, the file changed on disk). */
  | 'read-failed'
  /** The user cancelled. */
  | 'cancelled';

/** A typed error that says what failed and where (netron's style: "…at offset 1,234"). */
export interface OnnxError {
  code: OnnxErrorCode;
  message: string;
  /** Byte offset in the file where reading failed, when it applies. */
  offset?: number;
  /** What the file looks like instead, for `not-onnx` (e.g. "PNG image", "Git LFS pointer"). */
  detected?: string;
}

/** One dimension of a tensor shape as stored: a size, a symbolic name, both or neither. */
export interface OnnxDim {
  /** dim_value; may be 0 or negative in real files; beyond 2^53 it is kept as a decimal string. */
  value?: number | string;
  /** dim_param, e.g. "batch", "unk__314", "p2o.DynamicDimension.0". */
  param?: string;
  /** Dimension denotation, e.g. "DATA_BATCH", "DATA_CHANNEL". */
  denotation?: string;
}

export type OnnxType =
  | {
      kind: 'tensor' | 'sparse_tensor';
      /** TensorProto.DataType number (1 FLOAT, 7 INT64, ...; see ELEMENT_TYPES). */
      elemType: number;
      /** Undefined when the file gives no shape (unknown rank); [] for a scalar (rank 0). */
      shape?: OnnxDim[];
      /** TypeProto.denotation, e.g. "IMAGE". */
      denotation?: string;
    }
  | {
      kind: 'sequence' | 'map' | 'optional' | 'opaque' | 'unknown';
      /** Plain words for the user, e.g. "sequence of tensor(float)". */
      description: string;
    };

export interface OnnxValueInfo {
  name: string;
  /** Undefined when the file gives no type. */
  type?: OnnxType;
  docString?: string;
}

/** A tensor whose bytes live in another file (data_location = EXTERNAL). */
export interface OnnxExternalRef {
  /** Name of the tensor in the model. */
  tensor: string;
  /** The `location` entry as written in the model (a relative path). */
  location: string;
  /** Byte offset in that file (0 when absent). */
  offset: number;
  /** Byte length, when the model says. */
  length?: number;
}

export interface OnnxModelInfo {
  irVersion?: number;
  /** `domain` "" is the default ONNX operator set (ai.onnx). */
  opsetImport: { domain: string; version: number }[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: number;
  /** Capped in length (see the reader's limits). */
  docString?: string;
  metadataProps: { key: string; value: string }[];
  graphName?: string;
  /** Model inputs: the main graph's inputs minus the names of its initializers. */
  inputs: OnnxValueInfo[];
  /** The main graph's outputs. */
  outputs: OnnxValueInfo[];
  /** Main-graph initializers that were also listed as graph inputs (not model inputs). */
  initializerInputs: number;
  counts: {
    /** Every graph read: the main graph plus nested If/Loop/Scan bodies and function bodies. */
    graphs: number;
    nodes: number;
    initializers: number;
    sparseInitializers: number;
    constantNodes: number;
    functions: number;
  };
  /** Elements of all stored numeric constant tensors (onnx-notes §4). */
  totalParameters: number;
  /** Bytes those tensors take when loaded (onnx-notes §4). */
  memoryBytes: number;
  /** Tensors stored in external files. */
  externalData: OnnxExternalRef[];
  /** Things the user should know (duplicate initializer names, raw_data length mismatches...). */
  warnings: string[];
  /** How many bytes of the file were read to learn all this. */
  bytesRead: number;
  fileSize: number;
}

export type OnnxReadResult = { ok: true; model: OnnxModelInfo } | { ok: false; error: OnnxError };

export interface ElementType {
  /** ONNX name, e.g. "FLOAT", "INT64". */
  name: string;
  /** Bits per element when stored (sub-byte types are packed). 0 when not numeric (STRING). */
  bits: number;
  /** The STAC raster data_type MLM uses ("other" when STAC has none). */
  stac: string;
}

/** TensorProto.DataType, by number (onnx.proto). */
export const ELEMENT_TYPES: Readonly<Record<number, ElementType>> = {
  0: { name: 'UNDEFINED', bits: 0, stac: 'other' },
  1: { name: 'FLOAT', bits: 32, stac: 'float32' },
  2: { name: 'UINT8', bits: 8, stac: 'uint8' },
  3: { name: 'INT8', bits: 8, stac: 'int8' },
  4: { name: 'UINT16', bits: 16, stac: 'uint16' },
  5: { name: 'INT16', bits: 16, stac: 'int16' },
  6: { name: 'INT32', bits: 32, stac: 'int32' },
  7: { name: 'INT64', bits: 64, stac: 'int64' },
  8: { name: 'STRING', bits: 0, stac: 'other' },
  9: { name: 'BOOL', bits: 8, stac: 'other' },
  10: { name: 'FLOAT16', bits: 16, stac: 'float16' },
  11: { name: 'DOUBLE', bits: 64, stac: 'float64' },
  12: { name: 'UINT32', bits: 32, stac: 'uint32' },
  13: { name: 'UINT64', bits: 64, stac: 'uint64' },
  14: { name: 'COMPLEX64', bits: 64, stac: 'cfloat32' },
  15: { name: 'COMPLEX128', bits: 128, stac: 'cfloat64' },
  16: { name: 'BFLOAT16', bits: 16, stac: 'other' },
  17: { name: 'FLOAT8E4M3FN', bits: 8, stac: 'other' },
  18: { name: 'FLOAT8E4M3FNUZ', bits: 8, stac: 'other' },
  19: { name: 'FLOAT8E5M2', bits: 8, stac: 'other' },
  20: { name: 'FLOAT8E5M2FNUZ', bits: 8, stac: 'other' },
  21: { name: 'UINT4', bits: 4, stac: 'other' },
  22: { name: 'INT4', bits: 4, stac: 'other' },
  23: { name: 'FLOAT4E2M1', bits: 4, stac: 'other' },
  24: { name: 'FLOAT8E8M0', bits: 8, stac: 'other' },
  25: { name: 'UINT2', bits: 2, stac: 'other' },
  26: { name: 'INT2', bits: 2, stac: 'other' },
};

/** "tensor(float)", "tensor(int64)": how ONNX tools print an element type. */
export function elementTypeLabel(elemType: number): string {
  return ELEMENT_TYPES[elemType]?.name.toLowerCase() ?? `type ${elemType}`;
}

/** One field of the item an ONNX model can fill, for the review step before anything is written. */
export interface ProposedField {
  /** Stable across files of the same model, e.g. "input:images", "mlm:total_parameters". */
  id: string;
  /**
   * JSON pointer where the value goes, e.g. "/properties/mlm:total_parameters",
   * "/properties/mlm:input/0" (an index equal to the list's length appends), "/assets/model/file:size".
   */
  pointer: string;
  /** For the dialog, e.g. "Total parameters", "Input “images”". */
  label: string;
  /** The value to write at `pointer` (a list item is written whole, merged with what was there). */
  value: unknown;
  /** The ONNX value in plain words, e.g. "float32, shape [-1, 3, 640, 640] (batch, channel, height, width)". */
  summary: string;
  /** Set when the value needs the user's judgement (scalar, unknown rank, not a tensor): unchecked by default. */
  warning?: string;
}

export interface MlmProposal {
  fields: ProposedField[];
  /** What the mapping could not do or had to guess, in plain words. */
  notes: { severity: 'warning' | 'info'; message: string }[];
}

/** The model file as the mapping needs it (checksum only once hashing has finished). */
export interface ModelFileFacts {
  name: string;
  size: number;
  /** sha256 multihash in hex ("1220" + 64 hex digits). */
  checksum?: string;
}
