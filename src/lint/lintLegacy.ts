import type { Finding, FindingFix } from '../../schemas/finding';
import { isRecord } from '../../schemas/isRecord';
import { lintFinding, pointer, type Tensor } from './lintFinding';

const KNOWN = {
  input: [
    'name',
    'input',
    'description',
    'bands',
    'variables',
    'value_scaling',
    'resize_type',
    'pre_processing_function',
  ],
  output: [
    'name',
    'tasks',
    'result',
    'description',
    'bands',
    'variables',
    'classification:classes',
    'post_processing_function',
  ],
};

const REMOVED_NORM = ['norm_by_channel', 'norm_clip'];

const hex2 = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();

function colorHint(c: unknown): string | undefined | false {
  if (c === undefined || c === null) {
    return undefined;
  }
  if (typeof c === 'string' && /^[0-9A-Fa-f]{6}$/u.test(c)) {
    return c;
  }
  if (
    Array.isArray(c) &&
    c.length === 3 &&
    c.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255)
  ) {
    return (c as number[]).map(hex2).join('');
  }
  return false;
}

/**
 * The legacy class list in the classification v1.1.0 form: `color_hint` RGB arrays become hex
 * strings (the old form fails the schema), null fields are dropped, and a missing description
 * borrows the name.
 */
function migrateClasses(legacy: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(legacy) || legacy.length === 0) {
    return undefined;
  }
  const out: Record<string, unknown>[] = [];
  const values = new Set<number>();
  for (const c of legacy) {
    if (!isRecord(c) || typeof c.value !== 'number' || !Number.isInteger(c.value)) {
      return undefined;
    }
    const description = typeof c.description === 'string' ? c.description : c.name;
    const hint = colorHint(c.color_hint);
    if (typeof description !== 'string' || hint === false || values.has(c.value)) {
      return undefined;
    }
    values.add(c.value);
    out.push({
      value: c.value,
      ...(typeof c.name === 'string' ? { name: c.name } : {}),
      ...(typeof c.title === 'string' ? { title: c.title } : {}),
      description,
      ...(hint ? { color_hint: hint } : {}),
      ...(typeof c.nodata === 'boolean' ? { nodata: c.nodata } : {}),
    });
  }
  return out;
}

function unknownKeyFinding(t: Tensor, key: string): Finding {
  const path = `${t.at}/${key}`;
  if (key === 'classification_classes') {
    const migrated =
      t.value['classification:classes'] === undefined
        ? migrateClasses(t.value.classification_classes)
        : undefined;
    const fix: FindingFix | undefined = migrated && {
      label: 'Move to classification:classes',
      operations: [
        { op: 'set', path: `${t.at}/classification:classes`, value: migrated },
        { op: 'remove', path },
      ],
    };
    return lintFinding(
      'warning',
      24,
      path,
      '"classification_classes" is not an MLM field and is ignored; the classes belong in "classification:classes" (with color_hint as a 6-digit hex string).',
      fix,
    );
  }
  if (REMOVED_NORM.includes(key)) {
    return lintFinding(
      'warning',
      24,
      path,
      `"${key}" was removed in MLM v1.4.0 and has no effect; describe normalisation in value_scaling.`,
      { label: `Remove ${key}`, operations: [{ op: 'remove', path }] },
    );
  }
  if (key === 'norm_type' || key === 'statistics') {
    return lintFinding(
      'warning',
      24,
      path,
      `"${key}" was replaced by value_scaling in MLM v1.4.0 and is ignored; move these values into value_scaling.`,
    );
  }
  return lintFinding(
    'warning',
    24,
    path,
    `"${key}" is not a field of an MLM model ${t.kind} and is ignored; check the spelling or remove it.`,
  );
}

/** L24 (unknown and legacy keys in inputs and outputs) and L29 (root-level mlm:* keys). */
export function lintLegacy(item: Record<string, unknown>, tensors: readonly Tensor[]): Finding[] {
  const findings: Finding[] = [];
  for (const t of tensors) {
    for (const key of Object.keys(t.value)) {
      // Namespaced keys belong to other extensions, which the schema checks on their own terms.
      if (!KNOWN[t.kind].includes(key) && !key.includes(':')) {
        findings.push(unknownKeyFinding(t, key));
      }
    }
  }
  for (const key of Object.keys(item)) {
    if (key.startsWith('mlm:')) {
      const path = pointer(key);
      findings.push(
        lintFinding(
          'warning',
          29,
          path,
          `"${key}" at the top level of the item has no effect; MLM fields go in "properties" or on an asset.`,
          { label: `Remove the top-level ${key}`, operations: [{ op: 'remove', path }] },
        ),
      );
    }
  }
  return findings;
}
