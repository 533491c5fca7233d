import { describe, expect, it } from 'vitest';

import { describeCurrent, reviewRows, valueAtPointer } from '../../../src/app/onnx/reviewRows';
import type { ProposedField } from '../../../src/onnx/onnxModel';

const field = (pointer: string, value: unknown, warning?: string): ProposedField => ({
  id: pointer,
  pointer,
  label: pointer,
  value,
  summary: '',
  ...(warning ? { warning } : {}),
});

const doc = {
  properties: { 'mlm:total_parameters': 10, 'mlm:framework': '', 'mlm:input': [{ name: 'x' }] },
  assets: { 'a/b': { href: 'm.onnx' } },
};

describe('valueAtPointer', () => {
  it('follows objects, list indexes and escaped tokens', () => {
    expect(valueAtPointer(doc, '/properties/mlm:total_parameters')).toBe(10);
    expect(valueAtPointer(doc, '/properties/mlm:input/0/name')).toBe('x');
    expect(valueAtPointer(doc, '/assets/a~1b/href')).toBe('m.onnx');
    expect(valueAtPointer(doc, '/properties/mlm:input/1')).toBeUndefined();
    expect(valueAtPointer(doc, '/properties/nope/deeper')).toBeUndefined();
    expect(valueAtPointer(doc, '')).toBe(doc);
  });
});

describe('reviewRows', () => {
  it('checks empty fields, leaves conflicts and equal values unchecked', () => {
    const rows = reviewRows(
      [
        field('/properties/mlm:total_parameters', 314),
        field('/properties/mlm:memory_size', 1256),
        field('/properties/mlm:framework', 'ONNX'),
        field('/assets/a~1b/href', 'm.onnx'),
      ],
      doc,
    );
    expect(rows.map((r) => [r.state, r.checked])).toEqual([
      ['conflict', false],
      ['empty', true],
      ['empty', true],
      ['same', false],
    ]);
    expect(rows[0]?.current).toBe('10');
    expect(rows[1]?.current).toBe('absent');
  });

  it('checks a value an earlier model file wrote, and calls it changed in the model', () => {
    const fromModel = [{ pointer: '/properties/mlm:total_parameters', value: 10 }];
    const [row] = reviewRows([field('/properties/mlm:total_parameters', 314)], doc, fromModel);
    expect(row?.state).toBe('changed');
    expect(row?.checked).toBe(true);
    // Once the user changed it, the value is theirs: a conflict again.
    const edited = [{ pointer: '/properties/mlm:total_parameters', value: 9 }];
    expect(
      reviewRows([field('/properties/mlm:total_parameters', 314)], doc, edited)[0]?.state,
    ).toBe('conflict');
  });

  it('leaves a field that needs judgement unchecked even when empty', () => {
    const [row] = reviewRows([field('/properties/mlm:memory_size', 1, 'A scalar input')], doc);
    expect(row?.state).toBe('empty');
    expect(row?.checked).toBe(false);
  });
});

describe('describeCurrent', () => {
  it('says what a value is in a few words', () => {
    expect(describeCurrent(undefined)).toBe('absent');
    expect(describeCurrent('')).toBe('empty');
    expect(describeCurrent(1234567)).toBe('1,234,567');
    expect(describeCurrent('ONNX')).toBe('“ONNX”');
    expect(
      describeCurrent({
        name: 'images',
        input: { shape: [-1, 3, 32, 32], dim_order: ['batch', 'channel'], data_type: 'float32' },
      }),
    ).toBe('“images”: float32 [-1, 3, 32, 32] (batch, channel)');
    expect(describeCurrent({ long: 'x'.repeat(300) }).length).toBeLessThanOrEqual(118);
  });
});
