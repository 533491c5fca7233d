import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobReadError } from '../../src/onnx/blobSource';
import { hashBlob, HashCancelledError, MIB } from '../../src/onnx/hashBlob';
import type { ByteSource } from '../../src/onnx/onnxModel';

// Node has no FileReaderSync: the tests read from the buffer behind the Blob instead.
function bufferSource(
  bytes: Uint8Array,
  reads: { offset: number; length: number }[] = [],
): ByteSource {
  return {
    size: bytes.length,
    read(offset, length) {
      reads.push({ offset, length });
      return bytes.subarray(offset, offset + length);
    },
  };
}

function multihash(bytes: Uint8Array): string {
  return `1220${createHash('sha256').update(bytes).digest('hex')}`;
}

const noYield = async (): Promise<void> => {};

describe('hashBlob', () => {
  const SLICE = 1024;

  it.each([0, 1, 63, 64, 1000, SLICE - 1, SLICE, SLICE + 1, 3 * SLICE, 5 * SLICE + 17])(
    'matches node:crypto sha256 for %i random bytes (1 KiB slices)',
    async (size) => {
      const bytes = new Uint8Array(randomBytes(size));
      const reads: { offset: number; length: number }[] = [];
      const checksum = await hashBlob(new Blob([bytes]), {
        sliceBytes: SLICE,
        source: bufferSource(bytes, reads),
        yieldBetweenSlices: noYield,
      });
      expect(checksum).toBe(multihash(bytes));
      expect(checksum).toMatch(/^1220[0-9a-f]{64}$/);
      // Slices are contiguous, never larger than asked, and cover the file exactly once.
      expect(reads.length).toBe(Math.ceil(size / SLICE));
      let expectedOffset = 0;
      for (const read of reads) {
        expect(read.offset).toBe(expectedOffset);
        expect(read.length).toBeLessThanOrEqual(SLICE);
        expectedOffset += read.length;
      }
      expect(expectedOffset).toBe(size);
    },
  );

  it('gives the known sha256 of the empty file', async () => {
    const checksum = await hashBlob(new Blob([]), { source: bufferSource(new Uint8Array(0)) });
    expect(checksum).toBe('1220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('streams the default 8 MiB slices with the real event-loop yield', async () => {
    const bytes = new Uint8Array(randomBytes(2 * 8 * MIB + 12_345));
    const reads: { offset: number; length: number }[] = [];
    const checksum = await hashBlob(new Blob([bytes]), { source: bufferSource(bytes, reads) });
    expect(checksum).toBe(multihash(bytes));
    expect(reads.map((read) => read.length)).toEqual([8 * MIB, 8 * MIB, 12_345]);
  });

  it('reports monotonic progress from 0 to the total, throttled by the clock', async () => {
    const bytes = new Uint8Array(randomBytes(20 * SLICE + 5));
    let clock = 0;
    const events: [number, number][] = [];
    await hashBlob(new Blob([bytes]), {
      sliceBytes: SLICE,
      source: bufferSource(bytes),
      yieldBetweenSlices: noYield,
      progressIntervalMs: 100,
      // Each slice "takes" 30 ms, so only about every fourth slice may report.
      now: () => (clock += 30),
      onProgress: (done, total) => events.push([done, total]),
    });
    expect(events[0]).toEqual([0, bytes.length]);
    expect(events.at(-1)).toEqual([bytes.length, bytes.length]);
    expect(events.every(([, total]) => total === bytes.length)).toBe(true);
    const done = events.map(([bytesDone]) => bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
    // 21 slices: unthrottled that would be 22 events.
    expect(events.length).toBeLessThan(10);
    expect(events.length).toBeGreaterThan(2);
  });

  it('reports every slice when the interval is 0', async () => {
    const bytes = new Uint8Array(randomBytes(4 * SLICE));
    const done: number[] = [];
    await hashBlob(new Blob([bytes]), {
      sliceBytes: SLICE,
      source: bufferSource(bytes),
      yieldBetweenSlices: noYield,
      progressIntervalMs: 0,
      onProgress: (bytesDone) => done.push(bytesDone),
    });
    expect(done).toEqual([0, SLICE, 2 * SLICE, 3 * SLICE, 4 * SLICE]);
  });

  it('stops reading between slices once cancelled', async () => {
    const bytes = new Uint8Array(randomBytes(10 * SLICE));
    const reads: { offset: number; length: number }[] = [];
    const result = hashBlob(new Blob([bytes]), {
      sliceBytes: SLICE,
      source: bufferSource(bytes, reads),
      yieldBetweenSlices: noYield,
      isCancelled: () => reads.length >= 3,
    });
    await expect(result).rejects.toBeInstanceOf(HashCancelledError);
    expect(reads.length).toBe(3);
  });

  it('does not read at all when cancelled before the start', async () => {
    const reads: { offset: number; length: number }[] = [];
    const bytes = new Uint8Array(100);
    await expect(
      hashBlob(new Blob([bytes]), { source: bufferSource(bytes, reads), isCancelled: () => true }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(reads).toEqual([]);
  });

  it('fails with a read error when the file is shorter than its recorded size', async () => {
    const bytes = new Uint8Array(randomBytes(3 * SLICE));
    const shrunk = bufferSource(bytes.subarray(0, SLICE + 10));
    const file = new File([bytes], 'model.onnx');
    const result = hashBlob(file, {
      sliceBytes: SLICE,
      source: shrunk,
      yieldBetweenSlices: noYield,
    });
    await expect(result).rejects.toBeInstanceOf(BlobReadError);
    await expect(result).rejects.toMatchObject({
      code: 'read-failed',
      offset: SLICE + 10,
      message: expect.stringContaining('“model.onnx”'),
    });
  });

  it('rejects a slice size that is not a positive integer', async () => {
    const bytes = new Uint8Array(10);
    await expect(
      hashBlob(new Blob([bytes]), { sliceBytes: 0, source: bufferSource(bytes) }),
    ).rejects.toBeInstanceOf(RangeError);
  });
});
