// A ByteSource over a file descriptor: the CLI's counterpart of the worker's blobSource. Positional
// reads keep multi-GB models on disk; the reader asks for a few small windows only.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import type { ByteSource } from '../onnx/onnxModel';

export interface FileSource extends ByteSource {
  /** Bytes handed to the reader so far (to show that a big file was not read whole). */
  readonly bytesRead: number;
  close(): void;
}

/** Opens `path` for positional reads; throws the fs error (ENOENT, EISDIR, EACCES...) as is. */
export function fileSource(path: string): FileSource {
  const fd = openSync(path, 'r');
  let size: number;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
        code: 'EISDIR',
      });
    }
    size = stat.size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let bytesRead = 0;
  let closed = false;
  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    read(offset: number, length: number): Uint8Array {
      const start = Math.min(Math.max(0, offset), size);
      const wanted = Math.min(size - start, Math.max(0, length));
      const buffer = Buffer.alloc(wanted);
      let done = 0;
      // readSync may return fewer bytes than asked (pipes, network file systems): loop until EOF.
      while (done < wanted) {
        const n = readSync(fd, buffer, done, wanted - done, start + done);
        if (n === 0) {
          break;
        }
        done += n;
      }
      bytesRead += done;
      return buffer.subarray(0, done);
    },
    close(): void {
      if (!closed) {
        closed = true;
        closeSync(fd);
      }
    },
  };
}
