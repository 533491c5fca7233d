// A ByteSource over a Blob/File for the worker. FileReaderSync keeps the lazy reader synchronous:
// it only exists in workers, which is where parsing and hashing run (onnx-notes §0, §7).
import type { ByteSource } from './onnxModel';

/** The slice of FileReaderSync we use; declared here because the app compiles with the DOM lib only. */
interface FileReaderSyncLike {
  readAsArrayBuffer(blob: Blob): ArrayBuffer;
}

/** A file could not be read (moved, changed on disk, permission lost); the worker sends it as `read-failed`. */
export class BlobReadError extends Error {
  readonly code = 'read-failed';

  constructor(
    message: string,
    readonly offset: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BlobReadError';
  }
}

/** `blob.name` for a File, a neutral phrase otherwise: messages name the file the user dropped. */
export function blobLabel(blob: Blob): string {
  return typeof File !== 'undefined' && blob instanceof File ? `“${blob.name}”` : 'the file';
}

/**
 * Reads `blob` synchronously, slice by slice. Throws BlobReadError when the browser refuses a read:
 * a File is a handle to bytes on disk, and Chrome/Firefox fail with NotReadableError/NotFoundError
 * once the file was modified, moved or its permission was revoked after the user picked it.
 */
export function blobSource(blob: Blob): ByteSource {
  let reader: FileReaderSyncLike | undefined;
  return {
    size: blob.size,
    read(offset: number, length: number): Uint8Array {
      const start = Math.min(Math.max(0, offset), blob.size);
      const end = Math.min(blob.size, start + Math.max(0, length));
      if (end <= start) {
        return new Uint8Array(0);
      }
      reader ??= createReader();
      try {
        return new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
      } catch (error) {
        throw new BlobReadError(
          `Could not read ${blobLabel(blob)} at byte ${start.toLocaleString('en-US')}: ` +
            `it may have changed on disk or been moved, or the browser lost permission to read it` +
            ` (${describeError(error)}). Pick the file again.`,
          start,
          { cause: error },
        );
      }
    },
  };
}

function createReader(): FileReaderSyncLike {
  const Ctor = (globalThis as { FileReaderSync?: new () => FileReaderSyncLike }).FileReaderSync;
  if (Ctor === undefined) {
    // A programming error, not a user one: the main thread must hand files to the worker.
    throw new Error(
      'FileReaderSync is only available in a Web Worker; read files in the ONNX worker.',
    );
  }
  return new Ctor();
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    return error.message ? `${error.name}: ${error.message}` : error.name;
  }
  return String(error);
}
