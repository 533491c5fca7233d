import { elementTypeLabel } from './onnxModel';
import type { OnnxDim, OnnxType, OnnxValueInfo } from './onnxModel';
import type { ProtoCursor } from './protoCursor';
import { ProtoError, WIRE_LEN, WIRE_VARINT } from './protoCursor';

export interface ValueInfoLimits {
  /** Longest name kept, in characters. */
  maxName: number;
  /** Longest doc_string kept, in characters. */
  maxString: number;
  /** Deepest TypeProto nesting (sequence of map of ...) before the file counts as malicious. */
  maxTypeDepth: number;
}

/**
 * Reads a ValueInfoProto (a graph input or output) ending at `end`. Sets `label.name` as soon
 * as the name is known, so an error further in can say which input it was.
 */
export function readValueInfo(
  c: ProtoCursor,
  end: number,
  limits: ValueInfoLimits,
  label: { name?: string },
): OnnxValueInfo {
  const info: OnnxValueInfo = { name: '' };
  while (c.next(end)) {
    switch (c.field) {
      case 1:
        if (c.expect(WIRE_LEN, end)) {
          info.name = c.string(end, limits.maxName);
          label.name = info.name;
        }
        break;
      case 2:
        if (c.expect(WIRE_LEN, end)) {
          info.type = readType(c, c.messageEnd(end), limits, 1);
        }
        break;
      case 3:
        if (c.expect(WIRE_LEN, end)) {
          info.docString = c.string(end, limits.maxString);
        }
        break;
      default:
        c.skip(end);
    }
  }
  return info;
}

/** "tensor(float)", "sequence of tensor(int64)": a type in words for the user. */
export function describeType(type: OnnxType | undefined): string {
  if (!type) {
    return 'unknown type';
  }
  return 'elemType' in type ? `${type.kind}(${elementTypeLabel(type.elemType)})` : type.description;
}

/** TypeProto's oneof: tensor_type, sequence_type, map_type, opaque_type, sparse_tensor_type, optional_type. */
const TYPE_FIELDS = [1, 4, 5, 7, 8, 9];

function readType(c: ProtoCursor, end: number, limits: ValueInfoLimits, depth: number): OnnxType {
  if (depth > limits.maxTypeDepth) {
    throw new ProtoError(
      'too-deep',
      `a type is nested more than ${limits.maxTypeDepth} levels deep`,
      c.pos,
    );
  }
  let type: OnnxType | undefined;
  let denotation: string | undefined;
  while (c.next(end)) {
    const field = c.field;
    if (field === 6) {
      if (c.expect(WIRE_LEN, end)) {
        denotation = c.string(end, limits.maxName);
      }
      continue;
    }
    if (!TYPE_FIELDS.includes(field)) {
      c.skip(end);
      continue;
    }
    if (!c.expect(WIRE_LEN, end)) {
      continue;
    }
    const stop = c.messageEnd(end);
    switch (field) {
      case 1:
        type = readTensorType(c, stop, 'tensor', limits);
        break;
      case 8:
        type = readTensorType(c, stop, 'sparse_tensor', limits);
        break;
      case 4:
        type = {
          kind: 'sequence',
          description: `sequence of ${describeType(readInnerType(c, stop, 1, limits, depth))}`,
        };
        break;
      case 9:
        type = {
          kind: 'optional',
          description: `optional ${describeType(readInnerType(c, stop, 1, limits, depth))}`,
        };
        break;
      case 5:
        type = readMapType(c, stop, limits, depth);
        break;
      default:
        type = readOpaqueType(c, stop, limits);
    }
  }
  type ??= { kind: 'unknown', description: 'unknown type' };
  if (denotation !== undefined && (type.kind === 'tensor' || type.kind === 'sparse_tensor')) {
    type.denotation = denotation;
  }
  return type;
}

/** The TypeProto held in field `field` of Sequence/Optional (elem_type) or Map (value_type). */
function readInnerType(
  c: ProtoCursor,
  end: number,
  field: number,
  limits: ValueInfoLimits,
  depth: number,
): OnnxType | undefined {
  let inner: OnnxType | undefined;
  while (c.next(end)) {
    if (c.field === field && c.expect(WIRE_LEN, end)) {
      inner = readType(c, c.messageEnd(end), limits, depth + 1);
    } else if (c.field !== field) {
      c.skip(end);
    }
  }
  return inner;
}

function readMapType(
  c: ProtoCursor,
  end: number,
  limits: ValueInfoLimits,
  depth: number,
): OnnxType {
  let keyType = 0;
  let value: OnnxType | undefined;
  while (c.next(end)) {
    if (c.field === 1 && c.expect(WIRE_VARINT, end)) {
      keyType = c.number(end);
    } else if (c.field === 2 && c.expect(WIRE_LEN, end)) {
      value = readType(c, c.messageEnd(end), limits, depth + 1);
    } else if (c.field !== 1 && c.field !== 2) {
      c.skip(end);
    }
  }
  return {
    kind: 'map',
    description: `map from ${elementTypeLabel(keyType)} to ${describeType(value)}`,
  };
}

function readOpaqueType(c: ProtoCursor, end: number, limits: ValueInfoLimits): OnnxType {
  let domain = '';
  let name = '';
  while (c.next(end)) {
    if (c.field === 1 && c.expect(WIRE_LEN, end)) {
      domain = c.string(end, limits.maxName);
    } else if (c.field === 2 && c.expect(WIRE_LEN, end)) {
      name = c.string(end, limits.maxName);
    } else if (c.field !== 1 && c.field !== 2) {
      c.skip(end);
    }
  }
  const qualified = [domain, name].filter((part) => part !== '').join('.');
  return { kind: 'opaque', description: `opaque type ${qualified || '(unnamed)'}` };
}

function readTensorType(
  c: ProtoCursor,
  end: number,
  kind: 'tensor' | 'sparse_tensor',
  limits: ValueInfoLimits,
): OnnxType {
  let elemType = 0;
  let shape: OnnxDim[] | undefined;
  while (c.next(end)) {
    if (c.field === 1 && c.expect(WIRE_VARINT, end)) {
      elemType = c.number(end);
    } else if (c.field === 2 && c.expect(WIRE_LEN, end)) {
      // A repeated `shape` field merges in protobuf: its dims append.
      shape = readShape(c, c.messageEnd(end), limits, shape ?? []);
    } else if (c.field !== 1 && c.field !== 2) {
      c.skip(end);
    }
  }
  return shape ? { kind, elemType, shape } : { kind, elemType };
}

function readShape(
  c: ProtoCursor,
  end: number,
  limits: ValueInfoLimits,
  dims: OnnxDim[],
): OnnxDim[] {
  while (c.next(end)) {
    if (c.field === 1 && c.expect(WIRE_LEN, end)) {
      dims.push(readDim(c, c.messageEnd(end), limits));
    } else if (c.field !== 1) {
      c.skip(end);
    }
  }
  return dims;
}

function readDim(c: ProtoCursor, end: number, limits: ValueInfoLimits): OnnxDim {
  const dim: OnnxDim = {};
  while (c.next(end)) {
    if (c.field === 1 && c.expect(WIRE_VARINT, end)) {
      const value = c.int64(end);
      dim.value = typeof value === 'bigint' ? value.toString() : value;
    } else if (c.field === 2 && c.expect(WIRE_LEN, end)) {
      dim.param = c.string(end, limits.maxName);
    } else if (c.field === 3 && c.expect(WIRE_LEN, end)) {
      dim.denotation = c.string(end, limits.maxName);
    } else if (c.field < 1 || c.field > 3) {
      c.skip(end);
    }
  }
  return dim;
}
