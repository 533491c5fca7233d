import { jsonEqual } from '../../form/jsonValue';
import { parsePointer } from '../../../schemas/jsonPointer';
import type { ProposedField } from '../../onnx/onnxModel';

/**
 * How a proposed value relates to what the item holds now. `changed`: the item holds what an
 * earlier model file wrote there, and this file says something else (a newer model version).
 */
export type RowState = 'empty' | 'same' | 'conflict' | 'changed';

export interface ReviewRow {
  field: ProposedField;
  state: RowState;
  /** What the item holds now, in plain words ("absent" when nothing). */
  current: string;
  /** Checked when the dialog opens: fills empty fields, never overwrites, never guesses. */
  checked: boolean;
}

/** The value at a JSON pointer, or undefined when the path does not exist. */
export function valueAtPointer(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const token of parsePointer(pointer) ?? []) {
    if (Array.isArray(value)) {
      value = /^(0|[1-9]\d*)$/u.test(token) ? value[Number(token)] : undefined;
    } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, token)) {
      value = (value as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return value;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** A tensor's structure in the words the ONNX summaries use: "float32 [-1, 3, 224, 224] (batch, …)". */
function describeTensor(value: Record<string, unknown>): string | undefined {
  const structure = value.input ?? value.result;
  if (typeof structure !== 'object' || structure === null) {
    return undefined;
  }
  const { shape, dim_order: dims, data_type: type } = structure as Record<string, unknown>;
  const name = typeof value.name === 'string' && value.name !== '' ? `“${value.name}”: ` : '';
  const shapeText = Array.isArray(shape) ? `[${shape.join(', ')}]` : 'no shape';
  const dimsText = Array.isArray(dims) ? ` (${dims.join(', ')})` : '';
  return `${name}${String(type ?? 'no data type')} ${shapeText}${dimsText}`;
}

/** A value in plain words, short enough for a table cell. */
export function describeCurrent(value: unknown): string {
  if (value === undefined) {
    return 'absent';
  }
  if (typeof value === 'number') {
    return value.toLocaleString('en-US');
  }
  if (typeof value === 'string') {
    return value === '' ? 'empty' : `“${value}”`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const tensor = describeTensor(value as Record<string, unknown>);
    if (tensor) {
      return tensor;
    }
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** A value an earlier model file wrote, still untouched by the user. */
export interface ModelValue {
  pointer: string;
  value: unknown;
}

/**
 * One row per proposed field, against the item as it is now. Empty fields, and values a previous
 * file of the model wrote, are checked; equal ones need nothing; conflicts with the user's own
 * values and values that need judgement (a warning) start unchecked.
 */
export function reviewRows(
  fields: readonly ProposedField[],
  doc: unknown,
  fromModel: readonly ModelValue[] = [],
): ReviewRow[] {
  return fields.map((field) => {
    const current = valueAtPointer(doc, field.pointer);
    const earlier = fromModel.some(
      (m) => m.pointer === field.pointer && jsonEqual(m.value, current),
    );
    const state: RowState = jsonEqual(current, field.value)
      ? 'same'
      : isEmpty(current)
        ? 'empty'
        : earlier
          ? 'changed'
          : 'conflict';
    return {
      field,
      state,
      current: describeCurrent(current),
      checked: (state === 'empty' || state === 'changed') && field.warning === undefined,
    };
  });
}
