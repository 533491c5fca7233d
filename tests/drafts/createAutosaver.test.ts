import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAutosaver } from '../../src/drafts/createAutosaver';

describe('createAutosaver', () => {
  let saved: string[];
  const save = (text: string) => {
    saved.push(text);
    return Promise.resolve();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    saved = [];
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the last text once typing pauses for delayMs', () => {
    const saver = createAutosaver(save, { delayMs: 500 });
    saver.schedule('a');
    vi.advanceTimersByTime(300);
    saver.schedule('ab');
    vi.advanceTimersByTime(300);
    saver.schedule('abc');
    expect(saved).toEqual([]);
    expect(saver.pending).toBe(true);
    vi.advanceTimersByTime(499);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['abc']);
    expect(saver.pending).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(saved).toEqual(['abc']);
  });

  it('calls a text function only when the save starts, once per burst', () => {
    const saver = createAutosaver(save, { delayMs: 500 });
    const made = vi.fn((text: string) => text);
    saver.schedule(() => made('first'));
    saver.schedule(() => made('second'));
    expect(made).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(made).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(['second']);
  });

  it('flush saves at once, so a reload right after a keystroke loses nothing', async () => {
    const saver = createAutosaver(save, { delayMs: 1000 });
    saver.schedule('typed just now');
    vi.advanceTimersByTime(10);
    const flushed = saver.flush();
    // The save starts synchronously: a pagehide handler cannot wait for promises.
    expect(saved).toEqual(['typed just now']);
    await flushed;
    vi.advanceTimersByTime(5000);
    expect(saved).toEqual(['typed just now']);
  });

  it('flush waits for saves already running and does nothing more when nothing is pending', async () => {
    let finish: () => void = () => undefined;
    const slow = vi.fn(
      (text: string) =>
        new Promise<void>((resolve) => {
          saved.push(text);
          finish = resolve;
        }),
    );
    const saver = createAutosaver(slow, { delayMs: 100 });
    saver.schedule('x');
    vi.advanceTimersByTime(100);
    let done = false;
    const flushed = saver.flush().then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    finish();
    await flushed;
    expect(done).toBe(true);
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('saves the empty text too', () => {
    const saver = createAutosaver(save, { delayMs: 100 });
    saver.schedule('');
    vi.advanceTimersByTime(100);
    expect(saved).toEqual(['']);
  });

  it('saves during a long burst of typing after maxWaitMs', () => {
    const saver = createAutosaver(save, { delayMs: 500, maxWaitMs: 2000 });
    for (let i = 1; i <= 10; i += 1) {
      saver.schedule(`v${i}`);
      vi.advanceTimersByTime(300);
    }
    // Changes at 0, 300, …, 2700 ms: the one pending at 2000 ms is saved, the rest later.
    expect(saved).toEqual(['v7']);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual(['v7', 'v10']);
  });

  it('defaults maxWaitMs to ten times delayMs', () => {
    const saver = createAutosaver(save, { delayMs: 100 });
    for (let i = 0; i < 30; i += 1) {
      saver.schedule(`v${i}`);
      vi.advanceTimersByTime(50);
    }
    expect(saved.length).toBe(1);
  });

  it('cancel drops the pending text', async () => {
    const saver = createAutosaver(save, { delayMs: 100 });
    saver.schedule('discard me');
    saver.cancel();
    vi.advanceTimersByTime(1000);
    await saver.flush();
    expect(saved).toEqual([]);
    expect(saver.pending).toBe(false);
  });

  it('reports failed saves without unhandled rejections and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const flaky = (text: string) => {
      calls += 1;
      if (calls === 1) {
        return Promise.reject(new Error('quota'));
      }
      if (calls === 2) {
        throw new Error('sync failure');
      }
      saved.push(text);
      return Promise.resolve();
    };
    const saver = createAutosaver(flaky, { delayMs: 10, onError: (e) => errors.push(e) });
    saver.schedule('1');
    await saver.flush();
    saver.schedule('2');
    await saver.flush();
    saver.schedule('3');
    vi.advanceTimersByTime(10);
    await saver.flush();
    expect(errors.map((e) => (e as Error).message)).toEqual(['quota', 'sync failure']);
    expect(saved).toEqual(['3']);
  });

  it('logs failures to the console when no onError is given', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const saver = createAutosaver(() => Promise.reject(new Error('nope')), { delayMs: 10 });
    saver.schedule('x');
    await saver.flush();
    expect(log).toHaveBeenCalledWith('Autosave failed:', expect.any(Error));
    log.mockRestore();
  });

  it('starts saves in the order of the changes', async () => {
    const order: string[] = [];
    const resolvers: (() => void)[] = [];
    const saver = createAutosaver(
      (text) => {
        order.push(text);
        return new Promise<void>((resolve) => resolvers.push(resolve));
      },
      { delayMs: 100 },
    );
    saver.schedule('first');
    vi.advanceTimersByTime(100);
    saver.schedule('second');
    const flushed = saver.flush();
    expect(order).toEqual(['first', 'second']);
    resolvers.forEach((r) => r());
    await flushed;
  });
  describe('flushNow', () => {
    it('starts the pending save at once and returns its text until that save has ended', async () => {
      let finish: () => void = () => undefined;
      const slow = (text: string) =>
        new Promise<void>((resolve) => {
          saved.push(text);
          finish = resolve;
        });
      const saver = createAutosaver(slow, { delayMs: 1000 });
      saver.schedule(() => 'typed just now');
      expect(saver.flushNow()).toBe('typed just now');
      expect(saved).toEqual(['typed just now']);
      // Hidden again before IndexedDB answered: the text is still not known to be saved.
      expect(saver.flushNow()).toBe('typed just now');
      finish();
      await saver.flush();
      expect(saver.flushNow()).toBeUndefined();
      expect(saved).toEqual(['typed just now']);
    });

    it('returns undefined when nothing was changed', () => {
      const saver = createAutosaver(save, { delayMs: 100 });
      expect(saver.flushNow()).toBeUndefined();
      expect(saved).toEqual([]);
    });

    it('returns the text of a save the timer started that is still running', () => {
      const saver = createAutosaver(() => new Promise<void>(() => undefined), { delayMs: 100 });
      saver.schedule('autosaved, not yet committed');
      vi.advanceTimersByTime(100);
      expect(saver.pending).toBe(false);
      expect(saver.flushNow()).toBe('autosaved, not yet committed');
    });

    it('keeps returning the text of a save that failed', async () => {
      const saver = createAutosaver(() => Promise.reject(new Error('quota')), {
        delayMs: 100,
        onError: () => undefined,
      });
      saver.schedule('not stored');
      await saver.flush();
      expect(saver.flushNow()).toBe('not stored');
    });

    it('an older save ending after a newer one started does not mark the newer text saved', async () => {
      const resolvers: (() => void)[] = [];
      const saver = createAutosaver(() => new Promise<void>((resolve) => resolvers.push(resolve)), {
        delayMs: 100,
      });
      saver.schedule('old');
      vi.advanceTimersByTime(100);
      saver.schedule('new');
      vi.advanceTimersByTime(100);
      resolvers[0]?.();
      await Promise.resolve();
      await Promise.resolve();
      expect(saver.flushNow()).toBe('new');
      resolvers[1]?.();
      await saver.flush();
      expect(saver.flushNow()).toBeUndefined();
    });

    it('forgets the unsaved text on cancel (another draft is opened)', () => {
      const saver = createAutosaver(() => new Promise<void>(() => undefined), { delayMs: 100 });
      saver.schedule('from the previous draft');
      vi.advanceTimersByTime(100);
      saver.cancel();
      expect(saver.flushNow()).toBeUndefined();
    });
  });
});
