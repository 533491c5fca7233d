// One `inspect` request, worker side: parse the model, report it at once, then hash it with
// progress. Kept apart from the worker entry so node tests drive it with a fake post and buffers.
import { blobSource, BlobReadError } from './blobSource';
import type { matchExternalData } from './externalData';
import { hashBlob, HashCancelledError } from './hashBlob';
import type { HashBlobOptions } from './hashBlob';
import type { ByteSource, OnnxError, OnnxReadResult } from './onnxModel';
import type { InspectRequest, OnnxResponse } from './onnxProtocol';

/** Larger files are refused before any read: far beyond any real model, and hashing would take many minutes. */
export const MAX_MODEL_BYTES = 64 * 1024 ** 3;

export interface InspectDeps {
  post: (message: OnnxResponse) => void;
  /** True once the UI cancelled this request; checked before parsing and between hash slices. */
  isCancelled: () => boolean;
  /** The worker passes the real reader; tests pass fakes, so this file does not pin the parser. */
  readOnnx: (source: ByteSource) => OnnxReadResult;
  matchExternalData: typeof matchExternalData;
  /** Defaults to FileReaderSync over the file (worker only). */
  openSource?: (file: File) => ByteSource;
  hashOptions?: Pick<
    HashBlobOptions,
    'sliceBytes' | 'progressIntervalMs' | 'now' | 'yieldBetweenSlices'
  >;
}

/** Index of the model among dropped files: the first `*.onnx` (any case), else the first file. */
export function pickModelFile(files: readonly { name: string }[]): number | undefined {
  if (files.length === 0) {
    return undefined;
  }
  const onnx = files.findIndex((file) => file.name.toLowerCase().endsWith('.onnx'));
  // No .onnx name (e.g. a download saved without extension): let the parser say what it is.
  return onnx === -1 ? 0 : onnx;
}

/**
 * Serves one request: `parsed` (before hashing), then `progress`… and `hashed` when the model
 * parsed, or `failed`; always `done` last. Hashes only a model that parsed, since a checksum of a
 * file that is not the model would be wrong metadata. Never rejects: every error becomes a message.
 */
export async function inspectFiles(request: InspectRequest, deps: InspectDeps): Promise<void> {
  const { id, files } = request;
  const { post, isCancelled, openSource = blobSource } = deps;
  const modelIndex = pickModelFile(files);
  const model = modelIndex === undefined ? undefined : files[modelIndex];
  try {
    if (model === undefined) {
      post({ type: 'failed', id, error: { code: 'not-onnx', message: 'No file was given.' } });
      return;
    }
    const fileName = model.name;
    if (isCancelled()) {
      post({ type: 'failed', id, fileName, error: cancelledError(model) });
      return;
    }
    const others = files.filter((_, index) => index !== modelIndex);
    let source: ByteSource;
    let result: OnnxReadResult;
    try {
      source = openSource(model);
      result = checkSize(model) ?? deps.readOnnx(source);
    } catch (error) {
      // readOnnx reports bad files as data; an exception here is a failed read or a reader bug.
      post({
        type: 'failed',
        id,
        fileName,
        error: toOnnxError(error, 'corrupt', `Reading ${label(model)}`),
      });
      return;
    }
    const refs = result.ok ? result.model.externalData : [];
    post({ type: 'parsed', id, fileName, result, external: deps.matchExternalData(refs, others) });
    if (!result.ok) {
      return;
    }
    try {
      const checksum = await hashBlob(model, {
        ...deps.hashOptions,
        source,
        isCancelled,
        onProgress: (bytesDone, total) =>
          post({ type: 'progress', id, fileName, bytesDone, total }),
      });
      post({ type: 'hashed', id, fileName, checksum });
    } catch (error) {
      post({
        type: 'failed',
        id,
        fileName,
        error: toOnnxError(error, 'read-failed', `Hashing ${label(model)}`),
      });
    }
  } catch (error) {
    // matchExternalData threw, or posting did (a result that cannot be cloned): still tell the UI.
    safePost(post, {
      type: 'failed',
      id,
      ...(model && { fileName: model.name }),
      error: toOnnxError(error, 'corrupt', `Inspecting ${model ? label(model) : 'the files'}`),
    });
  } finally {
    safePost(post, { type: 'done', id });
  }
}

function checkSize(file: File): OnnxReadResult | undefined {
  if (file.size === 0) {
    return {
      ok: false,
      error: {
        code: 'truncated',
        message: `${label(file)} is empty (0 bytes): an interrupted download or copy, or a placeholder.`,
      },
    };
  }
  if (file.size > MAX_MODEL_BYTES) {
    return {
      ok: false,
      error: {
        code: 'not-onnx',
        message:
          `${label(file)} is ${gib(file.size)} GiB; files over ${gib(MAX_MODEL_BYTES)} GiB are not read. ` +
          'ONNX models that large keep their weights in separate external-data files.',
        detected: 'a file larger than any ONNX model',
      },
    };
  }
  return undefined;
}

function toOnnxError(error: unknown, fallback: 'corrupt' | 'read-failed', what: string): OnnxError {
  if (error instanceof HashCancelledError) {
    return { code: 'cancelled', message: `${what} was cancelled.` };
  }
  if (error instanceof BlobReadError) {
    return { code: 'read-failed', message: error.message, offset: error.offset };
  }
  const name = error instanceof Error ? error.name : undefined;
  // DOMExceptions a reader may let through unwrapped when the browser refuses the file.
  if (name === 'NotReadableError' || name === 'NotFoundError' || name === 'SecurityError') {
    return {
      code: 'read-failed',
      message: `${what} failed: the file may have changed on disk or permission was lost (${describe(error)}).`,
    };
  }
  return { code: fallback, message: `${what} failed unexpectedly: ${describe(error)}.` };
}

function cancelledError(file: File): OnnxError {
  return { code: 'cancelled', message: `Reading ${label(file)} was cancelled.` };
}

function safePost(post: (message: OnnxResponse) => void, message: OnnxResponse): void {
  try {
    post(message);
  } catch (error) {
    console.error('ONNX worker could not post a message', error);
  }
}

function label(file: File): string {
  return `“${file.name}”`;
}

function gib(bytes: number): string {
  return (bytes / 1024 ** 3).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.message ? `${error.name}: ${error.message.replace(/\.$/, '')}` : error.name;
  }
  return String(error);
}
