// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';

import { findFieldElement, scheduleFocus } from '../../src/form/focusField';

afterEach(() => {
  document.body.innerHTML = '';
});

function field(path: string, leaf = false): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.dataset.fieldPath = path;
  if (leaf) {
    wrapper.dataset.fieldLeaf = '';
  }
  wrapper.appendChild(document.createElement('input'));
  document.body.appendChild(wrapper);
  return wrapper;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('focus by field path', () => {
  it('finds fields whose keys hold quotes, backslashes and line breaks', () => {
    const paths = ['properties.mlm:name', 'a."b"', 'c.\\d', 'e.\nf', 'g.]h[', "i.'j'"];
    const elements = paths.map((p) => field(p));
    paths.forEach((p, i) => expect(findFieldElement(document, p)).toBe(elements[i]));
    expect(findFieldElement(document, 'properties')).toBeUndefined();
  });

  it('waits for a field rendered late, then reports that it is done', async () => {
    field('outputs');
    let done = 0;
    scheduleFocus(
      () => document,
      'outputs.0.name',
      () => (done += 1),
    );
    await wait(100);
    expect(done).toBe(0);
    const late = field('outputs.0.name');
    await wait(50);
    expect(document.activeElement).toBe(late.querySelector('input'));
    expect(done).toBe(1);
  });

  it('focuses a leaf that owns the path at once, and the nearest field when time runs out', async () => {
    const chips = field('bands', true);
    scheduleFocus(() => document, 'bands.3');
    await wait(30);
    expect(document.activeElement).toBe(chips.querySelector('input'));

    const list = field('classes');
    let done = false;
    scheduleFocus(
      () => document,
      'classes.700.name',
      () => (done = true),
    );
    await wait(1700);
    expect(done).toBe(true);
    expect(document.activeElement).toBe(list.querySelector('input'));
  });
});
