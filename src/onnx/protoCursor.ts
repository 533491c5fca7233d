import type { ByteSource } from './onnxModel';

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

export type ProtoErrorCode = 'truncated' | 'corrupt' | 'too-deep' | 'read-failed' | 'not-onnx';

/**
 * Raised inside the reader only: readOnnx catches it and returns it as data, adding where in
 * the model it happened (the cursor knows bytes, not ONNX).
 */
export class ProtoError extends Error {
  readonly code: ProtoErrorCode;
  /** Byte offset in the file where reading failed. */
  readonly offset: number;
  /** For `truncated`: how far into the file the interrupted field claims to reach. */
  readonly needed: number | undefined;
  /** For `not-onnx`: what the file looks like instead. */
  readonly detected: string | undefined;

  constructor(
    code: ProtoErrorCode,
    message: string,
    offset: number,
    extra: { needed?: number; detected?: string } = {},
  ) {
    super(message);
    this.name = 'ProtoError';
    this.code = code;
    this.offset = offset;
    this.needed = extra.needed;
    this.detected = extra.detected;
  }
}

const DEFAULT_WINDOW = 64 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: false });

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A protobuf reader over a ByteSource that holds one window of the file at a time, so payloads
 * (raw_data, float_data...) are skipped by offset and never read. Every read is bounded by the
 * enclosing message's end and by the end of the file.
 *
 * Usage: `while (c.next(end)) switch (c.field) { case 1: ...; default: c.skip(end); }`; every
 * branch must consume the field (read or skip it), which is what guarantees progress.
 */
export class ProtoCursor {
  readonly size: number;
  /** Position of the next byte to read. */
  pos = 0;
  /** Bytes handed over by the source so far (windows + direct reads). */
  bytesRead = 0;
  /** Field number and wire type of the field whose tag `next` just read. */
  field = 0;
  wireType = 0;
  /** Offset of that field's tag. */
  fieldStart = 0;
  /** The furthest end a length-delimited field has claimed, to say how much of a cut file is missing. */
  claimedEnd = 0;

  private readonly source: ByteSource;
  private readonly windowSize: number;
  private win: Uint8Array = new Uint8Array(0);
  private winStart = 0;
  private readonly scratch = new Uint8Array(10);

  constructor(source: ByteSource, windowSize = DEFAULT_WINDOW) {
    this.source = source;
    this.size = source.size;
    this.windowSize = Math.max(16, windowSize);
  }

  /** The first bytes of the file (fewer when it is smaller), for format sniffing. */
  head(length: number): Uint8Array {
    if (this.size === 0) {
      return new Uint8Array(0);
    }
    if (this.winStart !== 0 || this.win.length === 0) {
      this.load(0, Math.min(length, this.size));
    }
    return this.win.subarray(0, Math.min(length, this.win.length));
  }

  /** Reads the next tag before `end`; false when the message is finished. */
  next(end: number): boolean {
    if (this.pos >= end) {
      return false;
    }
    this.fieldStart = this.pos;
    const tag = this.uint(end);
    if (tag > 0xffffffff) {
      throw this.corrupt('a field tag is larger than 32 bits', this.fieldStart);
    }
    this.wireType = tag % 8;
    this.field = Math.floor(tag / 8);
    if (this.field === 0) {
      throw this.corrupt('a field has number 0, which protobuf does not allow', this.fieldStart);
    }
    if (this.wireType === 3 || this.wireType === 4) {
      throw this.corrupt(
        `field ${this.field} uses wire type ${this.wireType} (protobuf groups), which ONNX never writes`,
        this.fieldStart,
      );
    }
    if (this.wireType > 5) {
      throw this.corrupt(
        `field ${this.field} has wire type ${this.wireType}, which protobuf does not define`,
        this.fieldStart,
      );
    }
    return true;
  }

  /** True when the current field has the wire type the schema expects; otherwise skips it. */
  expect(wireType: number, end: number): boolean {
    if (this.wireType === wireType) {
      return true;
    }
    this.skip(end);
    return false;
  }

  /** Skips the current field's value without reading its payload. */
  skip(end: number): void {
    switch (this.wireType) {
      case WIRE_VARINT:
        this.skipVarint(end);
        return;
      case WIRE_I64:
        this.advance(8, end);
        return;
      case WIRE_LEN:
        this.pos = this.payloadEnd(end);
        return;
      case WIRE_I32:
        this.advance(4, end);
        return;
      default:
        throw this.corrupt(`wire type ${this.wireType} cannot be skipped`, this.fieldStart);
    }
  }

  /**
   * Length prefix of a sub-message: returns where it ends. A message that claims more than the
   * rest of a cut file is entered anyway, so the error names the innermost field that is cut.
   */
  messageEnd(end: number): number {
    const start = this.pos;
    const length = this.uint(end);
    const stop = this.pos + length;
    if (stop > end && end < this.size) {
      throw this.beyondParent(length, start, end);
    }
    this.claimedEnd = Math.max(this.claimedEnd, stop);
    return stop;
  }

  /** Length prefix of a payload that is read or skipped whole: it must fit in its message and the file. */
  payloadEnd(end: number): number {
    const start = this.pos;
    const length = this.uint(end);
    const stop = this.pos + length;
    if (stop > end && end < this.size) {
      throw this.beyondParent(length, start, end);
    }
    this.claimedEnd = Math.max(this.claimedEnd, stop);
    if (stop > this.size) {
      throw this.truncated(stop);
    }
    return stop;
  }

  /** Unsigned varint for tags and lengths; above 2^53 it cannot be a real length. */
  uint(end: number): number {
    const start = this.pos;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte(end);
      result += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) {
          throw this.corrupt('a length or tag is larger than 2^53', start);
        }
        return result;
      }
      scale *= 128;
    }
    throw this.corrupt('a number (varint) is longer than 10 bytes', start);
  }

  /** A protobuf int64/int32 value: a Number when it is safe, else a BigInt (two's complement). */
  int64(end: number): number | bigint {
    const start = this.pos;
    let count = 0;
    let result = 0;
    let scale = 1;
    for (;;) {
      if (count === 10) {
        throw this.corrupt('a number (varint) is longer than 10 bytes', start);
      }
      const b = this.byte(end);
      this.scratch[count++] = b;
      result += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) {
        break;
      }
    }
    // Seven bytes hold 49 bits: exact as a double, and never negative.
    if (count <= 7) {
      return result;
    }
    let big = 0n;
    for (let i = count - 1; i >= 0; i--) {
      big = (big << 7n) | BigInt((this.scratch[i] ?? 0) & 0x7f);
    }
    big = BigInt.asIntN(64, big);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(big)
      : big;
  }

  /** An int64 field value as a Number; values beyond 2^53 lose precision (versions, enums). */
  number(end: number): number {
    return Number(this.int64(end));
  }

  /**
   * A string field decoded as UTF-8 (invalid bytes become U+FFFD). Longer strings are cut at
   * `maxChars` with an ellipsis, and only about that many bytes are read.
   */
  string(end: number, maxChars: number): string {
    const stop = this.payloadEnd(end);
    const length = stop - this.pos;
    const take = Math.min(length, maxChars * 3);
    const text = decoder.decode(this.bytes(take));
    this.pos = stop;
    if (take < length || text.length > maxChars) {
      return `${text.slice(0, maxChars)}…`;
    }
    return text;
  }

  /** Skips a length-delimited payload unread and returns its length. */
  skipBytes(end: number): number {
    const stop = this.payloadEnd(end);
    const length = stop - this.pos;
    this.pos = stop;
    return length;
  }

  /** Number of varints in a packed field, reading its (small) payload. */
  countPackedVarints(end: number): number {
    const stop = this.payloadEnd(end);
    let count = 0;
    while (this.pos < stop) {
      if (this.byte(stop) < 0x80) {
        count++;
      }
    }
    return count;
  }

  /** Moves past `length` bytes without reading them. */
  advance(length: number, end: number): void {
    const stop = this.pos + length;
    if (stop > end || stop > this.size) {
      this.overrun(stop, end);
    }
    this.pos = stop;
  }

  corrupt(detail: string, offset: number): ProtoError {
    return new ProtoError('corrupt', detail, offset);
  }

  private skipVarint(end: number): void {
    const start = this.pos;
    for (let i = 0; i < 10; i++) {
      if (this.byte(end) < 0x80) {
        return;
      }
    }
    throw this.corrupt('a number (varint) is longer than 10 bytes', start);
  }

  private bytes(length: number): Uint8Array {
    if (length === 0) {
      return new Uint8Array(0);
    }
    const i = this.pos - this.winStart;
    if (i >= 0 && i + length <= this.win.length) {
      return this.win.subarray(i, i + length);
    }
    if (length <= this.windowSize) {
      this.load(this.pos, length);
      return this.win.subarray(0, length);
    }
    return this.read(this.pos, length);
  }

  private byte(end: number): number {
    if (this.pos >= end || this.pos >= this.size) {
      this.overrun(this.pos + 1, end);
    }
    let i = this.pos - this.winStart;
    if (i < 0 || i >= this.win.length) {
      this.load(this.pos, 1);
      i = 0;
    }
    this.pos++;
    return this.win[i] ?? 0;
  }

  private load(at: number, minLength: number): void {
    const length = Math.min(Math.max(this.windowSize, minLength), this.size - at);
    this.win = this.read(at, length);
    this.winStart = at;
  }

  private read(at: number, length: number): Uint8Array {
    let bytes: Uint8Array;
    try {
      bytes = this.source.read(at, length);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ProtoError('read-failed', why, at);
    }
    this.bytesRead += bytes.length;
    if (bytes.length < length) {
      throw new ProtoError(
        'read-failed',
        `got ${formatCount(bytes.length)} of ${formatCount(length)} bytes, so the file is shorter than its size says`,
        at + bytes.length,
      );
    }
    return bytes;
  }

  /** A read that would pass `end` or the end of the file. */
  private overrun(stop: number, end: number): never {
    if (stop > end && end < this.size) {
      throw this.corrupt(
        `a value runs past the end of its message (byte ${formatCount(end)})`,
        this.pos,
      );
    }
    throw this.truncated(stop);
  }

  private truncated(needed: number): ProtoError {
    return new ProtoError('truncated', 'the file ends inside a field', this.size, {
      needed: Math.max(needed, this.claimedEnd),
    });
  }

  private beyondParent(length: number, at: number, end: number): ProtoError {
    return this.corrupt(
      `a field claims ${formatCount(length)} bytes, but its message ends ${formatCount(end - this.pos)} bytes later`,
      at,
    );
  }
}
