import { describe, expect, it } from 'vitest';

import { watchesChange } from '../../src/form/formChanges';

describe('which watchers a change concerns', () => {
  it('follows the path and its ancestors for exact watchers, and paths below for the others', () => {
    expect(watchesChange('a.0.b', 'a.0', true)).toBe(true);
    expect(watchesChange('a.0', 'a.0.b', true)).toBe(false);
    expect(watchesChange('a.0', 'a.0.b', false)).toBe(true);
    expect(watchesChange(['x', 'a'], undefined, true)).toBe(true);
  });
});
