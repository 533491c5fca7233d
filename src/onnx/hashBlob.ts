// sha256 of a model file for `file:checksum`, streamed so multi-GB files never sit in memory.
// hash-wasm rather than WebCrypto: subtle.digest has no incremental API (onnx-notes §0).
// Worker-only: this module is the only importer of hash-wasm, so the wasm stays out of the main bundle.
import { createSHA256 } from 'hash-wasm';
import { blobLabel, blobSource, BlobReadError } from './blobSource';
import type { ByteSource } from './onnxModel';

export const MIB = 1024 * 1024;

/** The hashing stopped because `isCancelled` said so. */
export class HashCancelledError extends Error {
  readonly code = 'cancelled';

  constructor(message = 'Hashing was cancelled.') {
    super(message);
    this.name = 'HashCancelledError';
  }
}

export interface HashBlobOptions {
  /** Bytes read and hashed per step; 8 MiB keeps reads efficient and memory flat. */
  sliceBytes?: number;
  /** Called with 0 first, then at most every `progressIntervalMs`, and always with `total` at the end. */
  onProgress?: (bytesDone: number, total: number) => void;
  /** Checked before every slice; when true, hashBlob rejects with HashCancelledError. */
  isCancelled?: () => boolean;
  /** Where the bytes come from; defaults to FileReaderSync over `blob` (worker only). Tests pass a buffer. */
  source?: ByteSource;
  /** Minimum time between two progress calls (the final call is never skipped). */
  progressIntervalMs?: number;
  /** Clock for throttling, in ms. */
  now?: () => number;
  /**
   * Runs between slices. Reads are synchronous, so without a real task boundary the worker never
   * sees the `cancel` message that arrives while it hashes.
   */
  yieldBetweenSlices?: () => Promise<void>;
}

/**
 * sha256 of `blob` as a multihash in hex: `1220` (sha2-256, 32 bytes) + 64 hex digits, the form
 * STAC's `file:checksum` expects. Rejects with HashCancelledError or BlobReadError.
 */
export async function hashBlob(blob: Blob, options: HashBlobOptions = {}): Promise<string> {
  const {
    sliceBytes = 8 * MIB,
    onProgress,
    isCancelled = () => false,
    source = blobSource(blob),
    progressIntervalMs = 100,
    now = () => performance.now(),
    yieldBetweenSlices = yieldToEventLoop,
  } = options;
  if (!Number.isSafeInteger(sliceBytes) || sliceBytes <= 0) {
    throw new RangeError(`sliceBytes must be a positive integer, got ${sliceBytes}.`);
  }
  const total = blob.size;
  const hasher = await createSHA256();
  hasher.init();
  onProgress?.(0, total);
  let lastReport = now();
  let done = 0;
  while (done < total) {
    if (isCancelled()) {
      throw new HashCancelledError();
    }
    const slice = source.read(done, Math.min(sliceBytes, total - done));
    if (slice.length === 0) {
      // The File object still has its old size, but the bytes on disk are fewer.
      throw new BlobReadError(
        `${capitalize(blobLabel(blob))} ended at byte ${done.toLocaleString('en-US')} instead of ` +
          `${total.toLocaleString('en-US')}: it changed on disk while being hashed. Pick the file again.`,
        done,
      );
    }
    hasher.update(slice);
    done += slice.length;
    const time = now();
    if (onProgress && (done >= total || time - lastReport >= progressIntervalMs)) {
      onProgress(done, total);
      lastReport = time;
    }
    if (done < total) {
      await yieldBetweenSlices();
    }
  }
  if (isCancelled()) {
    throw new HashCancelledError();
  }
  return `1220${hasher.digest('hex')}`;
}

/**
 * Gives queued messages a turn. A MessageChannel round trip is a real task without setTimeout's
 * 4 ms clamp for nested timers, which would add up over thousands of slices.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
