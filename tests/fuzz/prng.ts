import { mulberry32 } from '../support/randomMutations';

// The fuzz suites draw every choice from one seeded generator, so a failure names a case number
// that reproduces exactly, on any machine, in CI and locally.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) {
        throw new Error('pick() from an empty list');
      }
      return list[int(list.length)] as T;
    },
  };
}
