/** How much a finding matters: only errors make an item invalid (warnings too under `--strict`). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Who produced a finding: the Zod model (`schema`, what the browser shows live), the official
 * JSON Schemas run through Ajv (`official`), or the prose-rule checks (`lint`).
 */
export type FindingSource = 'schema' | 'official' | 'lint';

export interface Finding {
  severity: Severity;
  /** Stable machine-readable code, e.g. `invalid_type` or `mlm-model-asset-required`. */
  code: string;
  /** JSON pointer into the item, e.g. `/properties/mlm:input/0/input/shape`; `` for the root. */
  path: string;
  /** Plain-language explanation that says what is wrong and, where it helps, what to do. */
  message: string;
  source: FindingSource;
  /** A one-click repair, where the fix is clear (lint findings). */
  fix?: FindingFix;
}

/** One change of a fix: set the value at a JSON pointer (appending at a list's length) or remove it. */
export type FixOperation =
  { op: 'set'; path: string; value: unknown } | { op: 'remove'; path: string };

export interface FindingFix {
  /** What the button says, e.g. "Make dim_order as long as the shape". */
  label: string;
  /** Applied in order to the item. */
  operations: FixOperation[];
}

export interface ValidationResult {
  /** True when there is no finding of severity `error`. */
  valid: boolean;
  findings: Finding[];
}
