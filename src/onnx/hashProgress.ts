// Speed and time left for the hashing progress bar, from the worker's progress events.
// Pure so the UI stays a renderer and the math is tested in node.

/** One progress event as the UI saw it: `time` in ms (e.g. performance.now()), `bytesDone` so far. */
export interface ProgressSample {
  time: number;
  bytesDone: number;
}

/** How far back the rate looks: long enough to smooth out slice-sized bursts, short enough to follow a slowdown. */
export const RATE_WINDOW_MS = 3000;

/** Below this span the rate is mostly noise from the first slice (which includes wasm start-up). */
const MIN_SPAN_MS = 200;

const MIB = 1024 * 1024;

/**
 * Appends `sample` and drops samples the rate no longer needs (older than `windowMs` before it,
 * keeping one just outside so the window stays full). Returns a new array, for React state.
 */
export function recordSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
  windowMs = RATE_WINDOW_MS,
): ProgressSample[] {
  const all = [...samples, sample];
  let first = 0;
  for (let next = all[1]; next !== undefined && sample.time - next.time >= windowMs;) {
    first += 1;
    next = all[first + 1];
  }
  return all.slice(first);
}

/**
 * Hashing speed in MiB/s over the last `windowMs` (a moving average), or undefined until the
 * samples span enough time to say anything.
 */
export function transferRate(
  samples: readonly ProgressSample[],
  windowMs = RATE_WINDOW_MS,
): number | undefined {
  const last = samples.at(-1);
  if (last === undefined) {
    return undefined;
  }
  // The newest sample at least `windowMs` old, or else the oldest one: the window's start.
  let start: ProgressSample | undefined;
  for (const sample of samples) {
    if (last.time - sample.time >= windowMs || start === undefined) {
      start = sample;
    }
  }
  if (start === undefined) {
    return undefined;
  }
  const span = last.time - start.time;
  if (span < MIN_SPAN_MS) {
    return undefined;
  }
  return Math.max(0, last.bytesDone - start.bytesDone) / MIB / (span / 1000);
}

/** Seconds left to hash `total` bytes at the smoothed rate; 0 when done, undefined while unknown or stalled. */
export function estimateRemaining(
  samples: readonly ProgressSample[],
  total: number,
  windowMs = RATE_WINDOW_MS,
): number | undefined {
  const last = samples.at(-1);
  if (last === undefined) {
    return undefined;
  }
  if (last.bytesDone >= total) {
    return 0;
  }
  const rate = transferRate(samples, windowMs);
  if (rate === undefined || rate <= 0) {
    return undefined;
  }
  return (total - last.bytesDone) / MIB / rate;
}
