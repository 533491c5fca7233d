import { ELEMENT_TYPES } from './onnxModel';
import type {
  ByteSource,
  OnnxError,
  OnnxExternalRef,
  OnnxModelInfo,
  OnnxReadResult,
  OnnxValueInfo,
} from './onnxModel';
import {
  formatCount,
  ProtoCursor,
  ProtoError,
  WIRE_I32,
  WIRE_LEN,
  WIRE_VARINT,
} from './protoCursor';
import { readValueInfo } from './readValueInfo';
import type { ValueInfoLimits } from './readValueInfo';
import { SNIFF_BYTES, sniffFormat } from './sniffFormat';

export interface ReadOnnxOptions {
  /** Deepest graph nesting read (the main graph and function bodies are level 1). Default 32. */
  maxDepth?: number;
  /** Longest doc_string kept, in characters. Default 4,000. */
  maxString?: number;
}

const DEFAULT_MAX_DEPTH = 32;
const DEFAULT_MAX_STRING = 4000;
const MAX_NAME = 4096;
/** Metadata values may hold class lists (ultralytics): allow more than a name. */
const MAX_METADATA_VALUE = 100_000;
const MAX_TYPE_DEPTH = 32;
const MAX_WARNINGS = 100;
/** TensorProto.DataLocation.EXTERNAL */
const EXTERNAL = 1;
/** No real tensor has more elements; stops BigInt growth on hostile dims. */
const ELEMENT_LIMIT = 2n ** 64n;

/** ModelProto fields and the wire type ONNX writes them with; others are skipped. */
const MODEL_FIELDS: Readonly<Record<number, number>> = {
  1: WIRE_VARINT, // ir_version
  2: WIRE_LEN, // producer_name
  3: WIRE_LEN, // producer_version
  4: WIRE_LEN, // domain
  5: WIRE_VARINT, // model_version
  6: WIRE_LEN, // doc_string
  7: WIRE_LEN, // graph
  8: WIRE_LEN, // opset_import
  14: WIRE_LEN, // metadata_props
  20: WIRE_LEN, // training_info
  25: WIRE_LEN, // functions
};

/** Where the reader is, innermost last, so errors can name the field that failed. */
interface Frame {
  kind:
    | 'model'
    | 'graph'
    | 'function'
    | 'node'
    | 'attribute'
    | 'initializer'
    | 'sparse initializer'
    | 'tensor'
    | 'input'
    | 'output'
    | 'opset_import entry'
    | 'metadata_props entry';
  name?: string;
  op?: string;
  main?: boolean;
}

interface GraphScope {
  main: boolean;
  name?: string;
  /** Initializer and sparse initializer names, to drop duplicates within the graph. */
  names: Set<string>;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** Nodes, inputs, outputs and initializers seen: a graph without any is not evidence of ONNX. */
  items: number;
  counted: boolean;
}

interface TensorFacts {
  name: string;
  dataType: number;
  dims: (number | bigint)[];
  rawLength?: number;
  dataLocation: number;
  external: { key: string; value: string }[];
}

interface SparseFacts {
  values?: TensorFacts;
  indices?: TensorFacts;
  dims: (number | bigint)[];
}

interface AttributeFacts {
  name: string;
  tensor?: TensorFacts;
  sparse?: SparseFacts;
  floats: number;
  ints: number;
}

function newScope(main: boolean): GraphScope {
  return { main, names: new Set(), inputs: [], outputs: [], items: 0, counted: false };
}

function quoted(name: string | undefined): string {
  return `“${name ?? ''}”`;
}

function framePhrase(frame: Frame): string {
  switch (frame.kind) {
    case 'graph':
      if (frame.main) {
        return 'the graph';
      }
      return frame.name ? `subgraph ${quoted(frame.name)}` : 'a subgraph';
    case 'node': {
      const op = frame.op ? ` (${frame.op})` : '';
      if (frame.name) {
        return `node ${quoted(frame.name)}${op}`;
      }
      return frame.op ? `a ${frame.op} node` : 'a node';
    }
    case 'opset_import entry':
    case 'metadata_props entry':
      return `an ${frame.kind}`;
    case 'model':
      return 'the model header';
    default:
      return frame.name ? `${frame.kind} ${quoted(frame.name)}` : `an unnamed ${frame.kind}`;
  }
}

/** "the graph's initializer “w”", "initializer “w” in subgraph “then” in node “If_0” (If) in the graph". */
function describeWhere(frames: readonly Frame[]): string {
  const shown = frames.filter((f) => f.kind !== 'model');
  if (shown.length === 0) {
    return 'the model header';
  }
  const [outer, inner] = shown;
  if (shown.length === 2 && outer?.main && inner?.name) {
    return `the graph's ${framePhrase(inner)}`;
  }
  const phrases = shown.map(framePhrase).reverse();
  // Deep paths keep the innermost steps (what failed) and the outermost (where it hangs).
  return phrases.length > 5
    ? `${phrases.slice(0, 4).join(' in ')} in … in ${phrases[phrases.length - 1] ?? ''}`
    : phrases.join(' in ');
}

function elementCount(dims: readonly (number | bigint)[]): { count: bigint; negative: boolean } {
  let count = 1n;
  let zero = false;
  let negative = false;
  for (const dim of dims) {
    const d = BigInt(dim);
    if (d < 0n) {
      negative = true;
    } else if (d === 0n) {
      zero = true;
    } else if (count < ELEMENT_LIMIT) {
      count *= d;
    }
  }
  if (count > ELEMENT_LIMIT) {
    count = ELEMENT_LIMIT;
  }
  return { count: zero || negative ? 0n : count, negative };
}

function parseCount(text: string): number | undefined {
  if (!/^\d{1,16}$/.test(text.trim())) {
    return undefined;
  }
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Walks a ModelProto over a cursor, summing weights and collecting what the MLM form needs. */
class OnnxWalker {
  readonly c: ProtoCursor;
  readonly frames: Frame[] = [];
  /** A ModelProto field with the right wire type was seen: errors are then about a damaged model. */
  sawOnnxField = false;
  private readonly maxDepth: number;
  private readonly limits: ValueInfoLimits;
  private params = 0n;
  private bytes = 0n;
  private readonly counts: OnnxModelInfo['counts'] = {
    graphs: 0,
    nodes: 0,
    initializers: 0,
    sparseInitializers: 0,
    constantNodes: 0,
    functions: 0,
  };
  private readonly warnings: string[] = [];
  private droppedWarnings = 0;
  private readonly externalData: OnnxExternalRef[] = [];

  constructor(c: ProtoCursor, options: ReadOnnxOptions) {
    this.c = c;
    this.maxDepth = Math.max(1, options.maxDepth ?? DEFAULT_MAX_DEPTH);
    this.limits = {
      maxName: MAX_NAME,
      maxString: Math.max(1, options.maxString ?? DEFAULT_MAX_STRING),
      maxTypeDepth: MAX_TYPE_DEPTH,
    };
  }

  readModel(): OnnxModelInfo {
    const c = this.c;
    const end = c.size;
    const main = newScope(true);
    let graphSeen = false;
    let irVersion: number | undefined;
    let producerName: string | undefined;
    let producerVersion: string | undefined;
    let domain: string | undefined;
    let modelVersion: number | undefined;
    let docString: string | undefined;
    const opsetImport: OnnxModelInfo['opsetImport'] = [];
    const metadataProps: OnnxModelInfo['metadataProps'] = [];

    this.enter({ kind: 'model' });
    while (c.next(end)) {
      const expected = MODEL_FIELDS[c.field];
      if (expected !== undefined && c.wireType !== expected) {
        if (!this.sawOnnxField) {
          throw this.otherProtobuf();
        }
        throw c.corrupt(
          `ModelProto field ${c.field} has wire type ${c.wireType} instead of ${expected}`,
          c.fieldStart,
        );
      }
      if (expected !== undefined) {
        this.sawOnnxField = true;
      }
      switch (c.field) {
        case 1:
          irVersion = c.number(end);
          break;
        case 2:
          producerName = c.string(end, MAX_NAME);
          break;
        case 3:
          producerVersion = c.string(end, MAX_NAME);
          break;
        case 4:
          domain = c.string(end, MAX_NAME);
          break;
        case 5:
          modelVersion = c.number(end);
          break;
        case 6:
          docString = c.string(end, this.limits.maxString);
          break;
        case 7:
          // A repeated non-repeated message merges in protobuf: read it into the same scope.
          this.readGraph(c.messageEnd(end), 1, main);
          graphSeen = true;
          break;
        case 8:
          opsetImport.push(this.readOpset(c.messageEnd(end)));
          break;
        case 14:
          metadataProps.push(this.readMetadataEntry(c.messageEnd(end)));
          break;
        case 25:
          this.readFunction(c.messageEnd(end));
          break;
        default:
          // training_info (20) is excluded from the counts by definition (onnx-notes §4).
          c.skip(end);
      }
    }
    this.leave();

    if (!graphSeen) {
      throw this.noGraph(irVersion, producerName);
    }
    if (irVersion === undefined) {
      if (main.items === 0) {
        throw this.noGraph(irVersion, producerName);
      }
      this.warn('The model has no ir_version (IR version); it may be incomplete or non-standard.');
    }
    if (opsetImport.length === 0) {
      this.warn('The model declares no opset_import, so its operator set version is unknown.');
    }

    const inputs = main.inputs.filter((input) => !main.names.has(input.name));
    const model: OnnxModelInfo = {
      opsetImport,
      metadataProps,
      inputs,
      outputs: main.outputs,
      initializerInputs: main.inputs.length - inputs.length,
      counts: this.counts,
      totalParameters: this.safeTotal(this.params, 'parameter count'),
      memoryBytes: this.safeTotal(this.bytes, 'weight size'),
      externalData: this.externalData,
      warnings: this.warnings,
      bytesRead: c.bytesRead,
      fileSize: c.size,
    };
    if (irVersion !== undefined) {
      model.irVersion = irVersion;
    }
    if (producerName !== undefined) {
      model.producerName = producerName;
    }
    if (producerVersion !== undefined) {
      model.producerVersion = producerVersion;
    }
    if (domain !== undefined) {
      model.domain = domain;
    }
    if (modelVersion !== undefined) {
      model.modelVersion = modelVersion;
    }
    if (docString !== undefined) {
      model.docString = docString;
    }
    if (main.name !== undefined) {
      model.graphName = main.name;
    }
    if (this.droppedWarnings > 0) {
      this.warnings.push(`…and ${formatCount(this.droppedWarnings)} more warnings.`);
    }
    return model;
  }

  /** Turns anything thrown while reading into a typed error that says what failed and where. */
  describeError(e: unknown, head: Uint8Array): OnnxError {
    const c = this.c;
    if (!(e instanceof ProtoError)) {
      if (e instanceof RangeError) {
        return {
          code: 'too-deep',
          message: `The model is nested too deeply to read (in ${describeWhere(this.frames)} at byte ${formatCount(c.pos)}): the file may be broken or malicious.`,
          offset: c.pos,
        };
      }
      const why = e instanceof Error ? e.message : String(e);
      return {
        code: 'corrupt',
        message: `The model could not be read (in ${describeWhere(this.frames)} at byte ${formatCount(c.pos)}): ${why}.`,
        offset: c.pos,
      };
    }
    if (e.code === 'not-onnx') {
      return { code: 'not-onnx', message: e.message, offset: e.offset, detected: e.detected };
    }
    if (e.code === 'read-failed') {
      return {
        code: 'read-failed',
        message: `The file could not be read at byte ${formatCount(e.offset)} (${e.message}). It may have been moved or changed on disk: choose it again.`,
        offset: e.offset,
      };
    }
    if (!this.sawOnnxField && (e.code === 'truncated' || e.code === 'corrupt')) {
      const hex = Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
      return {
        code: 'not-onnx',
        message: `This file is not an ONNX model: it does not start like one (its first bytes are ${hex}). Choose the .onnx file exported from your framework.`,
        offset: 0,
        detected: 'unknown binary file',
      };
    }
    const where = describeWhere(this.frames);
    if (e.code === 'truncated') {
      const of =
        e.needed !== undefined && e.needed > c.size ? ` of at least ${formatCount(e.needed)}` : '';
      return {
        code: 'truncated',
        message: `The file ends inside ${where} at byte ${formatCount(c.size)}${of}: the download or copy was probably interrupted. Download or copy the model again.`,
        offset: c.size,
      };
    }
    if (e.code === 'too-deep') {
      return {
        code: 'too-deep',
        message: `The model is nested too deeply: ${e.message} (in ${where} at byte ${formatCount(e.offset)}). The reader stops there because the file may be broken or malicious.`,
        offset: e.offset,
      };
    }
    return {
      code: 'corrupt',
      message: `The file is damaged in ${where} at byte ${formatCount(e.offset)}: ${e.message}. It is not a valid ONNX model; download or export it again.`,
      offset: e.offset,
    };
  }

  private otherProtobuf(): ProtoError {
    return new ProtoError(
      'not-onnx',
      'This file is a protobuf message, but not an ONNX model (its first fields do not match ' +
        'ModelProto): maybe a TensorFlow .pb, a bare ONNX graph or tensor, or another ' +
        "framework's file. Convert the model to ONNX first (for example with tf2onnx).",
      this.c.fieldStart,
      { detected: 'protobuf message (not ONNX)' },
    );
  }

  private noGraph(irVersion: number | undefined, producer: string | undefined): ProtoError {
    if (irVersion === undefined) {
      return new ProtoError(
        'not-onnx',
        'This file is a protobuf message without an ONNX graph: maybe a TensorFlow .pb or ' +
          "SavedModel, or another framework's file. Convert the model to ONNX first.",
        0,
        { detected: 'protobuf message (not ONNX)' },
      );
    }
    const by = producer ? `, producer ${quoted(producer)}` : '';
    return new ProtoError(
      'not-onnx',
      `This file has ONNX header fields (IR version ${irVersion}${by}) but no graph: it is ` +
        'incomplete (an interrupted download?) or not a model. Download or export it again.',
      this.c.size,
      { detected: 'ONNX header without a graph' },
    );
  }

  private enter(frame: Frame): Frame {
    this.frames.push(frame);
    return frame;
  }

  private leave(): void {
    this.frames.pop();
  }

  private warn(message: string): void {
    if (this.warnings.length < MAX_WARNINGS) {
      this.warnings.push(message);
    } else {
      this.droppedWarnings++;
    }
  }

  private safeTotal(total: bigint, what: string): number {
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
      this.warn(
        `The ${what} is larger than 2^53 and was capped: the tensor shapes are implausible.`,
      );
      return Number.MAX_SAFE_INTEGER;
    }
    return Number(total);
  }

  private tooDeep(depth: number): ProtoError {
    return new ProtoError(
      'too-deep',
      `graphs are nested ${depth} levels deep, more than the ${this.maxDepth} allowed`,
      this.c.pos,
    );
  }

  private readGraph(end: number, depth: number, scope: GraphScope): void {
    if (depth > this.maxDepth) {
      throw this.tooDeep(depth);
    }
    const c = this.c;
    const frame = this.enter({ kind: 'graph', main: scope.main, name: scope.name });
    if (!scope.counted) {
      this.counts.graphs++;
      scope.counted = true;
    }
    while (c.next(end)) {
      switch (c.field) {
        case 1:
          if (c.expect(WIRE_LEN, end)) {
            this.readNode(c.messageEnd(end), depth);
            scope.items++;
          }
          break;
        case 2:
          if (c.expect(WIRE_LEN, end)) {
            scope.name = c.string(end, MAX_NAME);
            frame.name = scope.name;
          }
          break;
        case 5:
          if (c.expect(WIRE_LEN, end)) {
            this.readInitializer(c.messageEnd(end), scope);
            scope.items++;
          }
          break;
        case 15:
          if (c.expect(WIRE_LEN, end)) {
            this.readSparseInitializer(c.messageEnd(end), scope);
            scope.items++;
          }
          break;
        case 11:
        case 12:
          // Only the main graph's inputs and outputs are the model's; nested ones are skipped.
          if (scope.main && c.expect(WIRE_LEN, end)) {
            const kind = c.field === 11 ? 'input' : 'output';
            const stop = c.messageEnd(end);
            const label = this.enter({ kind });
            const info = readValueInfo(c, stop, this.limits, label);
            this.leave();
            (kind === 'input' ? scope.inputs : scope.outputs).push(info);
            scope.items++;
          } else if (!scope.main) {
            c.skip(end);
          }
          break;
        default:
          c.skip(end);
      }
    }
    this.leave();
  }

  private readNode(end: number, depth: number): void {
    const c = this.c;
    this.counts.nodes++;
    const frame = this.enter({ kind: 'node' });
    let op = '';
    let domain = '';
    const attributes: AttributeFacts[] = [];
    while (c.next(end)) {
      switch (c.field) {
        case 3:
          if (c.expect(WIRE_LEN, end)) {
            frame.name = c.string(end, MAX_NAME);
          }
          break;
        case 4:
          if (c.expect(WIRE_LEN, end)) {
            op = c.string(end, MAX_NAME);
            frame.op = op;
          }
          break;
        case 7:
          if (c.expect(WIRE_LEN, end)) {
            domain = c.string(end, MAX_NAME);
          }
          break;
        case 5:
          if (c.expect(WIRE_LEN, end)) {
            attributes.push(this.readAttribute(c.messageEnd(end), depth, op));
          }
          break;
        default:
          c.skip(end);
      }
    }
    this.leave();
    // domain (7) is written after the attributes (5), so Constant-ness is known only now.
    if (op === 'Constant' && (domain === '' || domain === 'ai.onnx')) {
      this.counts.constantNodes++;
      const node = framePhrase(frame);
      for (const attribute of attributes) {
        this.countConstantAttribute(attribute, node);
      }
    }
  }

  private countConstantAttribute(a: AttributeFacts, node: string): void {
    const where = `${node}'s attribute ${quoted(a.name)}`;
    switch (a.name) {
      case 'value':
        if (a.tensor) {
          this.countTensor(a.tensor, where);
        }
        break;
      case 'sparse_value':
        if (a.sparse) {
          this.countSparse(a.sparse, where);
        }
        break;
      case 'value_float':
        this.add(1n, 4n);
        break;
      case 'value_floats':
        this.add(BigInt(a.floats), BigInt(a.floats) * 4n);
        break;
      case 'value_int':
        this.add(1n, 8n);
        break;
      case 'value_ints':
        this.add(BigInt(a.ints), BigInt(a.ints) * 8n);
        break;
      default:
      // value_string(s) hold text, not weights (onnx-notes §4).
    }
  }

  private readAttribute(end: number, depth: number, op: string): AttributeFacts {
    const c = this.c;
    const frame = this.enter({ kind: 'attribute' });
    const facts: AttributeFacts = { name: '', floats: 0, ints: 0 };
    while (c.next(end)) {
      switch (c.field) {
        case 1:
          if (c.expect(WIRE_LEN, end)) {
            facts.name = c.string(end, MAX_NAME);
            frame.name = facts.name;
          }
          break;
        case 5:
          if (c.expect(WIRE_LEN, end)) {
            const stop = c.messageEnd(end);
            facts.tensor = this.readTensor(stop, this.enter({ kind: 'tensor' }));
            this.leave();
          }
          break;
        case 22:
          if (c.expect(WIRE_LEN, end)) {
            const stop = c.messageEnd(end);
            facts.sparse = this.readSparse(stop, this.enter({ kind: 'tensor' }));
            this.leave();
          }
          break;
        case 6:
        case 11:
          // GRAPH / GRAPHS (If, Loop, Scan bodies or custom ops): their weights count too.
          if (c.expect(WIRE_LEN, end)) {
            this.readGraph(c.messageEnd(end), depth + 1, newScope(false));
          }
          break;
        case 7:
          if (c.wireType === WIRE_LEN) {
            facts.floats += Math.floor(c.skipBytes(end) / 4);
          } else if (c.expect(WIRE_I32, end)) {
            facts.floats++;
            c.advance(4, end);
          }
          break;
        case 8:
          // Only a Constant's value_ints needs the count; other ops' int lists are skipped unread.
          if (c.wireType === WIRE_LEN) {
            if ((op === '' || op === 'Constant') && facts.name === 'value_ints') {
              facts.ints += c.countPackedVarints(end);
            } else {
              c.skipBytes(end);
            }
          } else if (c.expect(WIRE_VARINT, end)) {
            facts.ints++;
            c.skip(end);
          }
          break;
        default:
          c.skip(end);
      }
    }
    this.leave();
    return facts;
  }

  private readInitializer(end: number, scope: GraphScope): void {
    const frame = this.enter({ kind: 'initializer' });
    const tensor = this.readTensor(end, frame);
    this.leave();
    const where = `initializer ${quoted(tensor.name)}`;
    if (tensor.name !== '' && scope.names.has(tensor.name)) {
      this.warn(
        `${this.graphLabel(scope)} has two initializers named ${quoted(tensor.name)}; the second was not counted.`,
      );
      return;
    }
    scope.names.add(tensor.name);
    this.counts.initializers++;
    this.countTensor(tensor, where);
  }

  private readSparseInitializer(end: number, scope: GraphScope): void {
    const frame = this.enter({ kind: 'sparse initializer' });
    const sparse = this.readSparse(end, frame);
    this.leave();
    const name = sparse.values?.name ?? '';
    if (name !== '' && scope.names.has(name)) {
      this.warn(
        `${this.graphLabel(scope)} has two initializers named ${quoted(name)}; the second was not counted.`,
      );
      return;
    }
    scope.names.add(name);
    this.counts.sparseInitializers++;
    this.countSparse(sparse, `sparse initializer ${quoted(name)}`);
  }

  private graphLabel(scope: GraphScope): string {
    if (scope.main) {
      return 'The graph';
    }
    return scope.name ? `Subgraph ${quoted(scope.name)}` : 'A subgraph';
  }

  private readSparse(end: number, frame: Frame): SparseFacts {
    const c = this.c;
    const facts: SparseFacts = { dims: [] };
    while (c.next(end)) {
      switch (c.field) {
        case 1:
          if (c.expect(WIRE_LEN, end)) {
            // The sparse tensor is named by its values tensor.
            facts.values = this.readTensor(c.messageEnd(end), frame);
          }
          break;
        case 2:
          if (c.expect(WIRE_LEN, end)) {
            const stop = c.messageEnd(end);
            facts.indices = this.readTensor(stop, this.enter({ kind: 'tensor', name: 'indices' }));
            this.leave();
          }
          break;
        case 3:
          this.readInts(end, facts.dims);
          break;
        default:
          c.skip(end);
      }
    }
    return facts;
  }

  /** A repeated int64 field, packed or not. */
  private readInts(end: number, into: (number | bigint)[]): void {
    const c = this.c;
    if (c.wireType === WIRE_LEN) {
      const stop = c.payloadEnd(end);
      while (c.pos < stop) {
        into.push(c.int64(stop));
      }
    } else if (c.expect(WIRE_VARINT, end)) {
      into.push(c.int64(end));
    }
  }

  private readTensor(end: number, frame: Frame): TensorFacts {
    const c = this.c;
    const facts: TensorFacts = { name: '', dataType: 0, dims: [], dataLocation: 0, external: [] };
    while (c.next(end)) {
      switch (c.field) {
        case 1:
          this.readInts(end, facts.dims);
          break;
        case 2:
          if (c.expect(WIRE_VARINT, end)) {
            facts.dataType = c.number(end);
          }
          break;
        case 8:
          if (c.expect(WIRE_LEN, end)) {
            facts.name = c.string(end, MAX_NAME);
            frame.name = facts.name;
          }
          break;
        case 9:
          // raw_data: only its length matters; the bytes are never read.
          if (c.expect(WIRE_LEN, end)) {
            facts.rawLength = c.skipBytes(end);
          }
          break;
        case 13:
          if (c.expect(WIRE_LEN, end)) {
            facts.external.push(this.readEntry(c.messageEnd(end), MAX_NAME));
          }
          break;
        case 14:
          if (c.expect(WIRE_VARINT, end)) {
            facts.dataLocation = c.number(end);
          }
          break;
        default:
          // float_data, int32_data, string_data, int64_data, double_data, uint64_data, segment...
          c.skip(end);
      }
    }
    return facts;
  }

  private add(elements: bigint, bytes: bigint): void {
    this.params += elements;
    this.bytes += bytes;
  }

  /** Element count and loaded bytes of a numeric tensor; undefined for STRING/UNDEFINED. */
  private tensorSize(
    t: TensorFacts,
    where: string,
  ): { elements: bigint; bytes: bigint } | undefined {
    const type = ELEMENT_TYPES[t.dataType];
    if (!type) {
      this.warn(`The ${where} has unknown data type ${t.dataType}; it was not counted.`);
      return undefined;
    }
    if (type.bits === 0) {
      return undefined;
    }
    const { count, negative } = elementCount(t.dims);
    if (negative) {
      this.warn(`The ${where} has a negative dimension; it was counted as empty.`);
    }
    return { elements: count, bytes: (count * BigInt(type.bits) + 7n) / 8n };
  }

  private countTensor(t: TensorFacts, where: string): void {
    this.collectExternal(t);
    const size = this.tensorSize(t, where);
    if (!size) {
      return;
    }
    this.add(size.elements, size.bytes);
    this.checkStoredLength(t, size.bytes, where);
  }

  private countSparse(s: SparseFacts, where: string): void {
    if (s.values) {
      this.collectExternal(s.values);
    }
    if (s.indices) {
      this.collectExternal(s.indices);
    }
    const values = s.values && this.tensorSize(s.values, `${where} values`);
    if (!s.values || !values) {
      return;
    }
    const indices = s.indices && this.tensorSize(s.indices, `${where} indices`);
    this.add(elementCount(s.dims).count, values.bytes + (indices?.bytes ?? 0n));
    this.checkStoredLength(s.values, values.bytes, `${where} values`);
    if (s.indices && indices) {
      this.checkStoredLength(s.indices, indices.bytes, `${where} indices`);
    }
  }

  private checkStoredLength(t: TensorFacts, expected: bigint, where: string): void {
    const type = ELEMENT_TYPES[t.dataType]?.name ?? '';
    if (t.dataLocation === EXTERNAL) {
      const length = t.external.find((e) => e.key === 'length');
      const stored = length && parseCount(length.value);
      if (stored !== undefined && BigInt(stored) !== expected) {
        this.warn(
          `The ${where} (${type}) should take ${formatCount(Number(expected))} bytes, but its external data length is ${formatCount(stored)}.`,
        );
      }
    } else if (t.rawLength !== undefined && BigInt(t.rawLength) !== expected) {
      this.warn(
        `The ${where} (${type}) should take ${formatCount(Number(expected))} bytes, but its raw_data holds ${formatCount(t.rawLength)}.`,
      );
    }
  }

  private collectExternal(t: TensorFacts): void {
    if (t.dataLocation !== EXTERNAL) {
      return;
    }
    const entry = (key: string) => t.external.find((e) => e.key === key)?.value;
    const location = entry('location');
    if (location === undefined || location === '') {
      this.warn(`Tensor ${quoted(t.name)} keeps its data in an external file but names no file.`);
      return;
    }
    const ref: OnnxExternalRef = { tensor: t.name, location, offset: 0 };
    const offset = entry('offset');
    if (offset !== undefined) {
      const n = parseCount(offset);
      if (n === undefined) {
        this.warn(
          `Tensor ${quoted(t.name)} has an invalid external data offset ${quoted(offset)}.`,
        );
      } else {
        ref.offset = n;
      }
    }
    const length = entry('length');
    if (length !== undefined) {
      const n = parseCount(length);
      if (n === undefined) {
        this.warn(
          `Tensor ${quoted(t.name)} has an invalid external data length ${quoted(length)}.`,
        );
      } else {
        ref.length = n;
      }
    }
    this.externalData.push(ref);
  }

  private readOpset(end: number): { domain: string; version: number } {
    const c = this.c;
    this.enter({ kind: 'opset_import entry' });
    const opset = { domain: '', version: 0 };
    while (c.next(end)) {
      if (c.field === 1 && c.expect(WIRE_LEN, end)) {
        opset.domain = c.string(end, MAX_NAME);
      } else if (c.field === 2 && c.expect(WIRE_VARINT, end)) {
        opset.version = c.number(end);
      } else if (c.field !== 1 && c.field !== 2) {
        c.skip(end);
      }
    }
    this.leave();
    return opset;
  }

  private readMetadataEntry(end: number): { key: string; value: string } {
    this.enter({ kind: 'metadata_props entry' });
    const entry = this.readEntry(end, MAX_METADATA_VALUE);
    this.leave();
    return entry;
  }

  /** StringStringEntryProto (key 1, value 2). */
  private readEntry(end: number, maxValue: number): { key: string; value: string } {
    const c = this.c;
    const entry = { key: '', value: '' };
    while (c.next(end)) {
      if (c.field === 1 && c.expect(WIRE_LEN, end)) {
        entry.key = c.string(end, MAX_NAME);
      } else if (c.field === 2 && c.expect(WIRE_LEN, end)) {
        entry.value = c.string(end, maxValue);
      } else if (c.field !== 1 && c.field !== 2) {
        c.skip(end);
      }
    }
    return entry;
  }

  private readFunction(end: number): void {
    const c = this.c;
    this.counts.functions++;
    this.counts.graphs++;
    const frame = this.enter({ kind: 'function' });
    while (c.next(end)) {
      if (c.field === 1 && c.expect(WIRE_LEN, end)) {
        frame.name = c.string(end, MAX_NAME);
      } else if (c.field === 7 && c.expect(WIRE_LEN, end)) {
        // A function body is stored once however often it is called, so it counts once.
        this.readNode(c.messageEnd(end), 1);
      } else if (c.field !== 1 && c.field !== 7) {
        c.skip(end);
      }
    }
    this.leave();
  }
}

/**
 * Reads what the MLM form needs from an ONNX model without loading it: the file is walked through
 * `source` in small windows and tensor payloads are skipped by offset, so a multi-GB model costs
 * a few reads. Never throws: problems come back as `{ ok: false, error }`.
 */
export function readOnnx(source: ByteSource, options: ReadOnnxOptions = {}): OnnxReadResult {
  const cursor = new ProtoCursor(source);
  const walker = new OnnxWalker(cursor, options);
  let head: Uint8Array = new Uint8Array(0);
  try {
    head = cursor.head(SNIFF_BYTES);
    const detected = sniffFormat(head, source.size);
    if (detected) {
      return {
        ok: false,
        error: {
          code: 'not-onnx',
          message: detected.message,
          offset: 0,
          detected: detected.detected,
        },
      };
    }
    return { ok: true, model: walker.readModel() };
  } catch (e) {
    return { ok: false, error: walker.describeError(e, head) };
  }
}
