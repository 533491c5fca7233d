import { describe, expect, it } from 'vitest';
import {
  estimateRemaining,
  recordSample,
  transferRate,
  type ProgressSample,
} from '../../src/onnx/hashProgress';

const MIB = 1024 * 1024;

function lastOf(samples: ProgressSample[]): ProgressSample {
  const last = samples.at(-1);
  if (last === undefined) {
    throw new Error('no samples');
  }
  return last;
}

/** Samples every `stepMs` at a constant `mibPerSecond`, starting at time 0 and 0 bytes. */
function steady(count: number, stepMs: number, mibPerSecond: number): ProgressSample[] {
  return Array.from({ length: count }, (_, i) => ({
    time: i * stepMs,
    bytesDone: Math.round(((i * stepMs) / 1000) * mibPerSecond * MIB),
  }));
}

describe('transferRate', () => {
  it('is undefined without enough samples or elapsed time', () => {
    expect(transferRate([])).toBeUndefined();
    expect(transferRate([{ time: 0, bytesDone: 0 }])).toBeUndefined();
    expect(
      transferRate([
        { time: 0, bytesDone: 0 },
        { time: 50, bytesDone: 8 * MIB },
      ]),
    ).toBeUndefined();
  });

  it('gives MiB/s for a steady rate', () => {
    expect(transferRate(steady(11, 100, 160))).toBeCloseTo(160, 6);
  });

  it('only looks back over the window, so it follows a slowdown', () => {
    // 10 s at 200 MiB/s, then 4 s at 50 MiB/s.
    const fast = steady(101, 100, 200);
    const last = lastOf(fast);
    const slow = Array.from({ length: 40 }, (_, i) => ({
      time: last.time + (i + 1) * 100,
      bytesDone: last.bytesDone + ((i + 1) / 10) * 50 * MIB,
    }));
    const rate = transferRate([...fast, ...slow], 3000);
    expect(rate).toBeCloseTo(50, 6);
    // A whole-history average would still say about 157 MiB/s.
    expect(transferRate([...fast, ...slow], 60_000)).toBeGreaterThan(150);
  });

  it('smooths bursts: a stalled slice does not drop the rate to zero', () => {
    const samples = steady(30, 100, 100);
    const last = lastOf(samples);
    samples.push({ time: last.time + 400, bytesDone: last.bytesDone });
    const rate = transferRate(samples, 3000);
    expect(rate).toBeGreaterThan(80);
    expect(rate).toBeLessThan(100);
  });
});

describe('estimateRemaining', () => {
  it('gives seconds left at the smoothed rate', () => {
    const samples = steady(21, 100, 100); // 2 s at 100 MiB/s: 200 MiB done
    expect(estimateRemaining(samples, 1000 * MIB)).toBeCloseTo(8, 6);
  });

  it('is 0 when done and undefined while the rate is unknown or zero', () => {
    expect(estimateRemaining([{ time: 0, bytesDone: 10 }], 10)).toBe(0);
    expect(estimateRemaining([], 10)).toBeUndefined();
    expect(estimateRemaining([{ time: 0, bytesDone: 0 }], 10)).toBeUndefined();
    const stalled = [
      { time: 0, bytesDone: 5 },
      { time: 5000, bytesDone: 5 },
    ];
    expect(estimateRemaining(stalled, 10)).toBeUndefined();
  });
});

describe('recordSample', () => {
  it('keeps the window plus one older sample, and the rate is unchanged by pruning', () => {
    let samples: ProgressSample[] = [];
    for (const sample of steady(100, 100, 120)) {
      samples = recordSample(samples, sample, 3000);
    }
    const first = samples[0];
    const last = samples.at(-1);
    expect(last?.time).toBe(9900);
    expect(first?.time).toBe(6900);
    expect(samples.length).toBe(31);
    expect(transferRate(samples, 3000)).toBe(transferRate(steady(100, 100, 120), 3000));
  });

  it('does not mutate the input', () => {
    const samples: ProgressSample[] = [{ time: 0, bytesDone: 0 }];
    const next = recordSample(samples, { time: 10, bytesDone: 1 });
    expect(samples).toHaveLength(1);
    expect(next).toHaveLength(2);
  });
});
