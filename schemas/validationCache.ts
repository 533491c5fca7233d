import type * as z from 'zod';

// Checks whose result depends only on an object's contents can be remembered by object identity,
// as long as the object never changes. The editor's documents are immutable and share unchanged
// parts from one edit to the next, so a keystroke in a 300 kB item re-examines only the path to
// the edit: the inputs, outputs and assets it did not touch keep their earlier results.

type RunResult = { value: unknown; issues: z.core.$ZodRawIssue[] };

/** Remembered results, by object identity. Only for documents that are never changed in place. */
export interface ValidationCache {
  /** Objects found free of "__proto__" keys and infinities (see prepareForZod). */
  readonly clean: WeakSet<object>;
  /** Parse results of the schemas made with rememberResults, by schema and input object. */
  readonly results: WeakMap<object, WeakMap<object, RunResult>>;
  /** Whole safeParse results (see cachedSafeParse), by schema and input object. */
  readonly parsed: WeakMap<object, WeakMap<object, z.ZodSafeParseResult<unknown>>>;
  /** Hashes of JSON values (see formats' uniqueness check), by object. */
  readonly hashes: WeakMap<object, number>;
}

export function createValidationCache(): ValidationCache {
  return {
    clean: new WeakSet(),
    results: new WeakMap(),
    parsed: new WeakMap(),
    hashes: new WeakMap(),
  };
}

let active: ValidationCache | undefined;

/** Runs `check` (synchronous) with `cache` in use by the checks that support one. */
export function withValidationCache<T>(cache: ValidationCache | undefined, check: () => T): T {
  const previous = active;
  active = cache;
  try {
    return check();
  } finally {
    active = previous;
  }
}

/** The cache of the validation under way, if its caller gave one. */
export function activeValidationCache(): ValidationCache | undefined {
  return active;
}

// Containers prefix issue paths in place, so what is kept and what is handed out are copies.
const copyIssues = (issues: readonly z.core.$ZodRawIssue[]) =>
  issues.map((issue) => ({ ...issue, path: issue.path ? [...issue.path] : [] }));

/**
 * Makes `schema` remember its result for each input object while a validation cache is active.
 * For schemas whose checks look at their own value only (an MLM input or output object), never
 * at the item around it. Hooks Zod core's `_zod.run`, which containers call for each member.
 */
export function rememberResults<T extends z.ZodType>(schema: T): T {
  const run = schema._zod.run;
  schema._zod.run = (payload, ctx) => {
    const cache = active;
    const input = payload.value;
    if (
      !cache ||
      typeof input !== 'object' ||
      input === null ||
      payload.issues.length > 0 ||
      ctx.async === true ||
      ctx.direction === 'backward'
    ) {
      return run(payload, ctx);
    }
    const results = bySchema(cache.results, schema);
    const hit = results.get(input);
    if (hit) {
      payload.value = hit.value;
      payload.issues.push(...copyIssues(hit.issues));
      return payload;
    }
    const result = run(payload, ctx);
    if (!(result instanceof Promise)) {
      results.set(input, { value: result.value, issues: copyIssues(result.issues) });
    }
    return result;
  };
  return schema;
}

/**
 * `schema.safeParse(value, params)`, remembered by the identity of `value` while a validation
 * cache is active (a parsed part of the item that rememberResults kept from the last check).
 * A schema is always parsed with the same `params` (they are not part of the key); the caller
 * must not change the result.
 */
export function cachedSafeParse(
  schema: z.ZodType,
  value: unknown,
  params: z.core.ParseContext<z.core.$ZodIssue>,
): z.ZodSafeParseResult<unknown> {
  const cache = active;
  if (!cache || typeof value !== 'object' || value === null) {
    return schema.safeParse(value, params);
  }
  const results = bySchema(cache.parsed, schema);
  const hit = results.get(value);
  if (hit) {
    return hit;
  }
  const result = schema.safeParse(value, params);
  results.set(value, result);
  return result;
}

/** The results kept for one schema, created on first use. */
function bySchema<V>(
  store: WeakMap<object, WeakMap<object, V>>,
  schema: object,
): WeakMap<object, V> {
  let results = store.get(schema);
  if (!results) {
    results = new WeakMap();
    store.set(schema, results);
  }
  return results;
}
