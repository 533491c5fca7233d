// @vitest-environment jsdom
import { act, createRef } from 'react';
import * as z from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DeferredFields } from '../../src/form/DeferredFields';
import { buildFieldTree } from '../../src/form/fieldTree';
import { toFormValues } from '../../src/form/formValues';
import type { SchemaFormHandle } from '../../src/form/schemaFormApi';
import { SchemaField } from '../../src/form/SchemaField';
import { SchemaForm } from '../../src/form/SchemaForm';
import { queryAllByLabel, type Rendered, render, settle } from './dom';

const TREE = buildFieldTree(
  z.object({
    first: z.string().meta({ label: 'First' }),
    later: z.string().meta({ label: 'Later' }),
    last: z.string().meta({ label: 'Last' }),
  }),
);
const VALUES = toFormValues(TREE, { first: 'a', later: 'b', last: 'c' });

let current: Rendered | undefined;
afterEach(async () => {
  await current?.unmount();
  current = undefined;
});

async function setup() {
  const handle = createRef<SchemaFormHandle>();
  current = await render(
    <SchemaForm ref={handle} tree={TREE} defaultValues={VALUES}>
      <SchemaField path="first" />
      <DeferredFields step={1} pending={<p>Later is coming</p>}>
        <SchemaField path="later" />
      </DeferredFields>
      <DeferredFields step={2} pending={<p>Last is coming</p>}>
        <SchemaField path="last" />
      </DeferredFields>
    </SchemaForm>,
    // The stand-in is what the first test looks at: do not wait for what comes after it.
    { settle: false },
  );
  return { container: current.container, handle };
}

describe('DeferredFields', () => {
  it('shows its stand-in first and its fields after the first frames', async () => {
    const { container } = await setup();
    expect(queryAllByLabel(container, 'First')).toHaveLength(1);
    expect(queryAllByLabel(container, 'Later')).toHaveLength(0);
    expect(container.textContent).toContain('Later is coming');
    await settle(100);
    expect(queryAllByLabel(container, 'Later')).toHaveLength(1);
    expect(container.textContent).not.toContain('Later is coming');
  });

  it('builds the groups one by one, the lower step first, each when the browser is idle', async () => {
    // Idle periods by hand: each call below is one.
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    try {
      const { container } = await setup();
      const nextIdlePeriod = () => act(() => idle.shift()?.());
      expect(queryAllByLabel(container, 'Later')).toHaveLength(0);
      nextIdlePeriod();
      expect(queryAllByLabel(container, 'Later')).toHaveLength(1);
      expect(queryAllByLabel(container, 'Last')).toHaveLength(0);
      nextIdlePeriod();
      expect(queryAllByLabel(container, 'Last')).toHaveLength(1);
      expect(idle).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('builds every group at once when the page is scrolled', async () => {
    const { container } = await setup();
    act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    expect(queryAllByLabel(container, 'Later')).toHaveLength(1);
    expect(queryAllByLabel(container, 'Last')).toHaveLength(1);
  });

  it('renders at once when a field is asked for, so focusing it works', async () => {
    const { container, handle } = await setup();
    act(() => handle.current?.setFocus('later'));
    expect(queryAllByLabel(container, 'Later')).toHaveLength(1);
    await settle(50);
    expect(document.activeElement).toBe(queryAllByLabel(container, 'Later')[0]);
  });
});
