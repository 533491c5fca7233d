import { describe, expect, it } from 'vitest';

import { createEchoFilter, watchesChange } from '../../src/form/formChanges';
import { getAtPath } from '../../src/form/fieldPath';

const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('react-hook-form echoes', () => {
  const values = { outputs: [{ classes: [{ name: 'a' }, { name: 'b' }] }] };
  const read = (path: string) => getAtPath(values, path);

  it('takes the notice for an unchanged list item right after a change inside it as an echo', () => {
    const isEcho = createEchoFilter(read);
    expect(isEcho('outputs.0.classes.1.name')).toBe(false);
    expect(isEcho('outputs.0')).toBe(true);
    expect(isEcho('outputs.0.classes.1')).toBe(true);
    // each echo only once
    expect(isEcho('outputs.0')).toBe(false);
  });

  it('passes a real change of the item: a new object there', () => {
    const local = { outputs: [{ classes: [{ name: 'a' }] }] };
    const isEcho = createEchoFilter((path) => getAtPath(local, path));
    expect(isEcho('outputs.0.classes.0.name')).toBe(false);
    local.outputs[0] = { classes: [] };
    expect(isEcho('outputs.0')).toBe(false);
  });

  it('forgets what it expected once the task is over', async () => {
    const isEcho = createEchoFilter(read);
    expect(isEcho('outputs.0.classes.0.name')).toBe(false);
    await tick();
    expect(isEcho('outputs.0')).toBe(false);
  });

  it('never takes a change of a plain field, or of another item, for an echo', () => {
    const isEcho = createEchoFilter(read);
    expect(isEcho('outputs.0.classes.0.name')).toBe(false);
    expect(isEcho('outputs.0.classes.1')).toBe(false);
    expect(isEcho('id')).toBe(false);
    expect(isEcho('')).toBe(false);
  });
});

describe('which watchers a change concerns', () => {
  it('follows the path and its ancestors for exact watchers, and paths below for the others', () => {
    expect(watchesChange('a.0.b', 'a.0', true)).toBe(true);
    expect(watchesChange('a.0', 'a.0.b', true)).toBe(false);
    expect(watchesChange('a.0', 'a.0.b', false)).toBe(true);
    expect(watchesChange(['x', 'a'], undefined, true)).toBe(true);
  });
});
