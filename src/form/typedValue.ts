import { parseNumberText } from './numberText';

// A free value (z.unknown()) edited as text, a number, true/false, null or JSON, whichever the
// current value is; switching converts what can be kept.

export const VALUE_TYPES = ['text', 'number', 'boolean', 'null', 'json'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const VALUE_TYPE_LABELS: Record<ValueType, string> = {
  text: 'Text',
  number: 'Number',
  boolean: 'True/false',
  null: 'Null',
  json: 'JSON',
};

export function detectValueType(value: unknown): ValueType | undefined {
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return value === null ? 'null' : 'json';
    default:
      return undefined;
  }
}

export function convertValueType(value: unknown, to: ValueType): unknown {
  switch (to) {
    case 'text':
      if (value === undefined || value === null) {
        return '';
      }
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number': {
      if (typeof value === 'number') {
        return value;
      }
      const parsed = typeof value === 'string' ? parseNumberText(value, false) : undefined;
      return parsed?.kind === 'number' ? parsed.value : undefined;
    }
    case 'boolean':
      return value === true || value === 'true';
    case 'null':
      return null;
    case 'json':
      return value;
  }
}
