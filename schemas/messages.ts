import type * as z from 'zod';

/** A value as a person would name it: "the number 5", "a list", "the text \"x\"". */
export function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  switch (typeof value) {
    case 'string':
      return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** JSON Schema and Zod type names in plain words. */
export const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  null: 'null',
};

/**
 * Plain-language messages for Zod's built-in issues. Messages written on the schema itself win over
 * these; this covers the generic cases (wrong type, missing field, too short, not in a list).
 */
export function plainError(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return 'This field is required.';
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `Expected ${expected}, but found ${describeValue(issue.input)}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min === 1 ? 'Must not be empty.' : `Needs at least ${min} entries.`;
      }
      if (issue.origin === 'string') {
        return min === 1 ? 'Must not be empty.' : `Needs at least ${min} characters.`;
      }
      return issue.inclusive === false ? `Must be greater than ${min}.` : `Must be ${min} or more.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return max === 0 ? 'Must be empty.' : `Allows at most ${max} entries.`;
      }
      if (issue.origin === 'string') {
        return `Allows at most ${max} characters.`;
      }
      return issue.inclusive === false ? `Must be less than ${max}.` : `Must be ${max} or less.`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return values.length === 1 ? `Must be ${values[0]}.` : `Must be one of ${values.join(', ')}.`;
    }
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Does not have the expected form (${String(issue.pattern ?? '')}).`
        : `Is not a valid ${issue.format}.`;
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'Does not match any of the allowed forms.';
    case 'invalid_key':
      return 'Has an invalid name.';
    case 'not_multiple_of':
      return `Must be a multiple of ${String(issue.divisor)}.`;
    default:
      return undefined;
  }
}
