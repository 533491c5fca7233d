// Messages between the UI (onnxClient) and the ONNX worker. Everything here survives structured
// clone: plain objects, Files, no classes or functions; errors travel as OnnxError data.
import type { matchExternalData } from './externalData';
import type { OnnxError, OnnxReadResult } from './onnxModel';

/** How the model's external-data references matched the other dropped files. */
export type ExternalDataMatch = ReturnType<typeof matchExternalData>;

/**
 * Read the model among `files` and hash it. The model is the first `*.onnx` (any case), else the
 * first file; the other files are candidate external-data files (matched, not hashed).
 */
export interface InspectRequest {
  type: 'inspect';
  id: number;
  files: File[];
}

/** Stop request `id`: hashing stops before its next slice, then `failed` (cancelled) and `done` follow. */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type OnnxRequest = InspectRequest | CancelRequest;

/** Sent as soon as the model is parsed, before hashing starts, so the UI can show the proposal early. */
export interface ParsedResponse {
  type: 'parsed';
  id: number;
  fileName: string;
  /** Parse problems are data here (`ok: false`), never a `failed` message. */
  result: OnnxReadResult;
  external: ExternalDataMatch;
}

/** Hashing progress of the model file: starts at 0, throttled, ends with `bytesDone === total`. */
export interface ProgressResponse {
  type: 'progress';
  id: number;
  fileName: string;
  bytesDone: number;
  total: number;
}

export interface HashedResponse {
  type: 'hashed';
  id: number;
  fileName: string;
  /** sha256 multihash in hex: "1220" + 64 hex digits (for `file:checksum`). */
  checksum: string;
}

/** Hashing failed or was cancelled, or the request could not be served at all. */
export interface FailedResponse {
  type: 'failed';
  id: number;
  /** The file concerned, when there is one. */
  fileName?: string;
  error: OnnxError;
}

/** The last message of every request, whatever happened before it. */
export interface DoneResponse {
  type: 'done';
  id: number;
}

export type OnnxResponse =
  ParsedResponse | ProgressResponse | HashedResponse | FailedResponse | DoneResponse;
