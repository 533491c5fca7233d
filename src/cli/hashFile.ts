// sha256 for `file:checksum` in node: streamed, so a multi-GB model never sits in memory.
// node:crypto rather than hash-wasm (the worker's choice): native, ~10x faster (onnx-notes §7).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The sha256 of the file at `path` as a multihash in hex: `1220` + 64 hex digits. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
  }
  return `1220${hash.digest('hex')}`;
}
