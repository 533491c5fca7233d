import { afterEach, describe, expect, it, vi } from 'vitest';

import { createHistory } from '../../src/drafts/editHistory';

/** A clock the test moves by hand. */
function clock(start = 0) {
  let t = start;
  return {
    now: () => t,
    tick: (ms: number) => {
      t += ms;
    },
  };
}

describe('createHistory', () => {
  it('starts with the initial state and nothing to undo or redo', () => {
    const h = createHistory({ v: 0 });
    expect(h.current).toEqual({ v: 0 });
    expect(h.canUndo).toBe(false);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBeUndefined();
  });

  it('undoes and redoes snapshots in order', () => {
    const h = createHistory('a');
    h.push('b', { source: 'form' });
    h.push('c', { source: 'json' });
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeUndefined();
    expect(h.current).toBe('a');
    expect(h.canRedo).toBe(true);
    expect(h.redo()).toBe('b');
    expect(h.redo()).toBe('c');
    expect(h.redo()).toBeUndefined();
    expect(h.current).toBe('c');
  });

  it('returns the very snapshots it was given', () => {
    const a = { v: 1 };
    const b = { v: 2 };
    const h = createHistory(a);
    h.push(b, { source: 'form' });
    expect(h.undo()).toBe(a);
    expect(h.redo()).toBe(b);
  });

  it('clears the redo steps on a new edit', () => {
    const h = createHistory('a');
    h.push('b', { source: 'form' });
    h.undo();
    h.push('c', { source: 'form' });
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe('a');
  });

  it('ignores a push of the current state', () => {
    const h = createHistory('a');
    h.push('a', { source: 'form' });
    expect(h.canUndo).toBe(false);
  });

  it('merges a word typed into one field into one undo step', () => {
    const c = clock();
    const h = createHistory('', { now: c.now });
    for (const text of ['R', 'Re', 'Res', 'ResN', 'ResNe', 'ResNet']) {
      h.push(text, { source: 'form', mergeKey: '/properties/mlm:architecture' });
      c.tick(150);
    }
    expect(h.current).toBe('ResNet');
    expect(h.undo()).toBe('');
    expect(h.canUndo).toBe(false);
    expect(h.redo()).toBe('ResNet');
  });

  it('measures the merge window from the previous edit', () => {
    const c = clock();
    const h = createHistory(0, { now: c.now, mergeWithinMs: 600 });
    h.push(1, { source: 'json', mergeKey: 'text' });
    c.tick(600);
    h.push(2, { source: 'json', mergeKey: 'text' });
    c.tick(601);
    h.push(3, { source: 'json', mergeKey: 'text' });
    expect(h.undo()).toBe(2);
    expect(h.undo()).toBe(0);
  });

  it('does not merge across fields, sources, edits without a key, or an undo', () => {
    const c = clock();
    const h = createHistory('0', { now: c.now });
    h.push('1', { source: 'form', mergeKey: 'a' });
    h.push('2', { source: 'form', mergeKey: 'b' });
    h.push('3', { source: 'json', mergeKey: 'b' });
    h.push('4', { source: 'json' });
    h.push('5', { source: 'json' });
    expect([h.undo(), h.undo(), h.undo(), h.undo(), h.undo()]).toEqual(['4', '3', '2', '1', '0']);

    const g = createHistory('0', { now: c.now });
    g.push('1', { source: 'form', mergeKey: 'a' });
    g.undo();
    g.push('2', { source: 'form', mergeKey: 'a' });
    g.push('3', { source: 'form', mergeKey: 'a' });
    expect(g.undo()).toBe('0');
  });

  it('keeps at most `limit` undo steps, dropping the oldest', () => {
    const h = createHistory(0, { limit: 3 });
    for (let i = 1; i <= 10; i += 1) {
      h.push(i, { source: 'other' });
    }
    expect([h.undo(), h.undo(), h.undo(), h.undo()]).toEqual([9, 8, 7, undefined]);
    expect(h.current).toBe(7);
  });

  it('keeps 200 steps by default', () => {
    const h = createHistory(0);
    for (let i = 1; i <= 250; i += 1) {
      h.push(i, { source: 'other' });
    }
    let steps = 0;
    while (h.undo() !== undefined) {
      steps += 1;
    }
    expect(steps).toBe(200);
    expect(h.current).toBe(50);
  });

  it('reset starts over without undo or redo steps', () => {
    const h = createHistory('a');
    h.push('b', { source: 'form' });
    h.push('c', { source: 'form' });
    h.undo();
    h.reset('opened');
    expect(h.current).toBe('opened');
    expect(h.canUndo).toBe(false);
    expect(h.canRedo).toBe(false);
  });

  describe('with the real clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('uses Date.now by default', () => {
      vi.useFakeTimers();
      const h = createHistory('');
      h.push('a', { source: 'form', mergeKey: 'f' });
      vi.advanceTimersByTime(500);
      h.push('ab', { source: 'form', mergeKey: 'f' });
      vi.advanceTimersByTime(700);
      h.push('abc', { source: 'form', mergeKey: 'f' });
      expect(h.undo()).toBe('ab');
      expect(h.undo()).toBe('');
    });
  });
});
