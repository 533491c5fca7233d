import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

import type { ByteSource } from '../../src/onnx/onnxModel';

/**
 * A ByteSource over a file descriptor, as a node tool reads a model: positional reads, nothing
 * held between them. Call `close` when done (the descriptor stays open until then).
 */
export function openFileSource(path: string): ByteSource & { close(): void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      let filled = 0;
      // readSync may return fewer bytes than asked (pipes, network file systems): keep reading.
      while (filled < buffer.length) {
        const n = readSync(fd, buffer, filled, buffer.length - filled, offset + filled);
        if (n === 0) {
          break;
        }
        filled += n;
      }
      return buffer.subarray(0, filled);
    },
    close: () => closeSync(fd),
  };
}
