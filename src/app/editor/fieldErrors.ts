import type { Finding } from '../../../schemas/finding';
import type { FieldNode } from '../../form/fieldNode';
import { type FormValues, pointerToFieldPath } from '../../form/formValues';

/** Messages by form field path, for the form to show at its fields. */
export function fieldErrorsOf(
  tree: FieldNode,
  values: FormValues,
  findings: readonly Finding[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const f of findings) {
    if (f.severity === 'info') {
      continue;
    }
    const path = pointerToFieldPath(tree, values, f.path) ?? '';
    (errors[path] ??= []).push(f.message);
  }
  return errors;
}
