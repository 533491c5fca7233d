import type { Finding } from '../../schemas/finding';
import { parsePointer } from '../../schemas/jsonPointer';
import { syncExtensions } from '../../schemas/manageExtensions';
import { parseJsonText } from '../../schemas/parseJsonText';
import { validateItem } from '../../schemas/validateItem';
import { createValidationCache } from '../../schemas/validationCache';
import { treeFor, treeVersionOf } from '../../src/app/editor/editorTrees';
import { readItemFile } from '../../src/app/readItemFile';
import { fieldErrorsOf } from '../../src/app/editor/fieldErrors';
import { sortFindings } from '../../src/app/sortFindings';
import { itemFileName, serializeItem } from '../../src/export/serializeItem';
import { fromFormValues, toFormValues } from '../../src/form/formValues';
import { upgradeItem } from '../../src/import/upgradeItem';
import { findingsToDiagnostics } from '../../src/jsonview/findingsToDiagnostics';
import { jsonViewDiagnostics } from '../../src/jsonview/jsonViewDiagnostics';
import { applyFix } from '../../src/lint/applyFix';
import { lintItem } from '../../src/lint/lintItem';

// The path an item takes in the browser when a file is opened, dropped or pasted (see
// useItemDocument's openFiles, show and checkDoc): parse the text, upgrade it, validate and lint
// it, build the form values, place each finding at a field and in the JSON view, and serialize it
// for the JSON view, autosave and download. Each step is checked for what the user relies on; a
// broken promise is returned as a problem (not thrown), so one run can list every failing case.

const SEVERITIES = new Set(['error', 'warning', 'info']);
// The editor validates with one cache for its whole life, the command line without one; the fuzz
// run takes turns, so both ways of preparing a document for Zod see every kind of case.
const CACHE = createValidationCache();
let validations = 0;

/** What opening one text led to. */
export interface Opened {
  /** The text parsed (after the BOM the app strips). */
  parsed: boolean;
  /** The upgrade changed something. */
  upgraded: boolean;
  valid: boolean;
  findings: number;
  /** The item as read back from what the editor saves (when the text parsed). */
  saved?: unknown;
  /** Broken promises, in words; empty when the case passed. */
  problems: string[];
}

/** Value at JSON pointer tokens, own members only; `missing` when a step does not exist. */
const MISSING = Symbol('missing');
function resolve(doc: unknown, tokens: readonly string[]): unknown {
  let cur = doc;
  for (const token of tokens) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/u.test(token) || Number(token) >= cur.length) {
        return MISSING;
      }
      cur = cur[Number(token)];
    } else if (cur !== null && typeof cur === 'object' && Object.hasOwn(cur, token)) {
      cur = (cur as Record<string, unknown>)[token];
    } else {
      return MISSING;
    }
  }
  return cur;
}

/**
 * A pointer "applies" when it names a place in the document: the value itself, or a missing member
 * (a required field) of a container that is there.
 */
export function pointerProblem(doc: unknown, path: unknown): string | undefined {
  if (typeof path !== 'string') {
    return `path ${String(path)} is not a string`;
  }
  const tokens = parsePointer(path);
  if (!tokens) {
    return `path ${JSON.stringify(path)} is not a JSON pointer`;
  }
  if (tokens.length === 0) {
    return undefined;
  }
  const parent = resolve(doc, tokens.slice(0, -1));
  if (parent === MISSING || parent === null || typeof parent !== 'object') {
    return `path ${JSON.stringify(path)} does not lead into the document`;
  }
  return undefined;
}

function findingProblems(doc: unknown, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    const label = `${f.source} ${f.code} at ${JSON.stringify(f.path)}`;
    if (!SEVERITIES.has(f.severity)) {
      problems.push(`${label}: severity ${String(f.severity)}`);
    }
    if (typeof f.code !== 'string' || f.code === '') {
      problems.push(`${label}: no code`);
    }
    if (typeof f.message !== 'string' || f.message.trim() === '') {
      problems.push(`${label}: no message`);
    } else if (f.message.includes('[object Object]')) {
      problems.push(`${label}: unclear message ${JSON.stringify(f.message.slice(0, 200))}`);
    }
    const where = pointerProblem(doc, f.path);
    if (where) {
      problems.push(`${label}: ${where}`);
    }
  }
  return problems;
}

/**
 * Equal as JSON documents: the same own members (a "__proto__" member included) and values, with
 * plain prototypes. Numbers compare with ===, because JSON writes -0 as 0 and means the same.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || (Number.isNaN(a) && Number.isNaN(b));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b;
  }
  const array = Array.isArray(a);
  if (array !== Array.isArray(b)) {
    return false;
  }
  const plain = array ? Array.prototype : Object.prototype;
  if (Object.getPrototypeOf(a) !== plain || Object.getPrototypeOf(b) !== plain) {
    return false;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) {
    return false;
  }
  for (const key of keys) {
    if (
      !Object.hasOwn(b, key) ||
      !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
    ) {
      return false;
    }
  }
  return true;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) {
      deepFreeze(member);
    }
    Object.freeze(value);
  }
  return value;
}

/** Every container on the way to `pointer` (and the value there) has a plain prototype. */
function plainAlong(doc: unknown, pointer: string): boolean {
  const plain = (v: unknown) =>
    v === null ||
    typeof v !== 'object' ||
    Object.getPrototypeOf(v) === (Array.isArray(v) ? Array.prototype : Object.prototype);
  let cur = doc;
  for (const token of parsePointer(pointer) ?? []) {
    if (!plain(cur)) {
      return false;
    }
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, token)) {
      return true;
    }
    cur = (cur as Record<string, unknown>)[token];
  }
  return plain(cur);
}

/** Own keys of the prototypes hostile JSON could reach, to compare before and after each case. */
export function prototypeKeys(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).join(','))
    .join('|');
}

/**
 * What prototype pollution would leave behind, in words; undefined when there is none. `before`
 * is prototypeKeys() taken before the cases ran.
 */
export function pollutionProblem(before: string): string | undefined {
  const plain: Record<string, unknown> = {};
  const list: unknown[] = [];
  for (const key of ['polluted', 'isAdmin', 'admin']) {
    if (plain[key] !== undefined || key in plain || key in list) {
      return `every object now has "${key}"`;
    }
  }
  if (Object.getPrototypeOf(plain) !== Object.prototype) {
    return 'a plain object lost its prototype';
  }
  return prototypeKeys() === before ? undefined : 'a built-in prototype gained or lost own keys';
}

/**
 * Opens `text` as the browser does and checks every step. `text` is what the file or paste held,
 * byte order mark and all.
 */
export function openItemText(text: string): Opened {
  const problems: string[] = [];
  const outcome: Opened = { parsed: false, upgraded: false, valid: false, findings: 0, problems };
  const parsed = parseJsonText(text.replace(/^\uFEFF/u, ''));
  if (!parsed.ok) {
    const { finding, line, column, offset } = parsed;
    if (finding.severity !== 'error' || !/^json-/u.test(finding.code)) {
      problems.push(`parse finding ${finding.code}/${finding.severity}`);
    }
    if (!/line \d+, column \d+|empty/u.test(finding.message)) {
      problems.push(`parse message does not say where: ${finding.message.slice(0, 200)}`);
    }
    if (!(line >= 1 && column >= 1 && offset >= 0 && offset <= text.length)) {
      problems.push(`parse position ${line}:${column} @${offset} is outside the text`);
    }
    // The JSON view shows the same error at its own copy of the text.
    const diagnostics = jsonViewDiagnostics(text, [finding]);
    if (diagnostics.length === 0 || diagnostics.some((d) => d.from < 0 || d.to > text.length)) {
      problems.push('the JSON view does not place the syntax error in the text');
    }
    return outcome;
  }
  outcome.parsed = true;
  // The editor never changes a document in place (its validation cache relies on it): frozen, any
  // step that tries throws, and the case fails.
  const upgraded = upgradeItem(deepFreeze(parsed.value));
  const doc = deepFreeze(upgraded.item);
  outcome.upgraded = upgraded.changes.length > 0;
  for (const change of upgraded.changes) {
    const where = pointerProblem(doc, change.path);
    if (where || typeof change.message !== 'string' || change.message.trim() === '') {
      problems.push(
        `upgrade change ${JSON.stringify(change).slice(0, 200)}: ${where ?? 'no message'}`,
      );
    }
  }
  if (upgraded.changes.length === 0 && !sameJson(doc, parsed.value)) {
    problems.push('upgradeItem rewrote the item without listing a change');
  }

  const tree = treeFor(treeVersionOf(doc));
  validations += 1;
  const validation = validateItem(doc, validations % 2 === 0 ? { cache: CACHE } : {});
  const findings = sortFindings([...validation.findings, ...lintItem(doc)]);
  outcome.valid = validation.valid;
  outcome.findings = findings.length;
  problems.push(...findingProblems(doc, findings));

  const values = toFormValues(tree, doc);
  if (!sameJson(fromFormValues(tree, values), doc)) {
    problems.push('the form values do not give back the item');
  }
  const errors = fieldErrorsOf(tree, values, findings);
  if (Object.getPrototypeOf(errors) !== Object.prototype) {
    problems.push('the field error map lost its prototype');
  }

  const serialized = serializeItem(doc);
  const reparsed = parseJsonText(serialized);
  if (!reparsed.ok) {
    problems.push(`serializeItem wrote JSON that does not parse: ${reparsed.finding.message}`);
  } else {
    outcome.saved = reparsed.value;
    if (!sameJson(reparsed.value, doc)) {
      problems.push('serializeItem → parse does not give back the item');
    }
  }
  // The JSON view places each finding in the serialized text (its syntax check, the other half
  // of jsonViewDiagnostics, is exercised by the texts that do not parse).
  for (const d of findingsToDiagnostics(serialized, findings)) {
    if (!(d.from >= 0 && d.from <= d.to && d.to <= serialized.length)) {
      problems.push(`a JSON view diagnostic falls outside the text: ${d.from}..${d.to}`);
    }
  }
  // Control characters are exactly what a download name must not contain.
  // eslint-disable-next-line no-control-regex
  if (!/^[^/\\<>:"|?*\u0000-\u001f]+\.json$/u.test(itemFileName(doc))) {
    problems.push(`unsafe download name ${JSON.stringify(itemFileName(doc))}`);
  }
  // A form edit keeps stac_extensions in step; a no-op edit must not throw on a hostile item.
  syncExtensions(doc, doc);
  // Each quick fix the Issues panel offers must apply to the item without throwing.
  for (const f of findings) {
    if (f.fix) {
      const fixed = applyFix(doc, f.fix);
      for (const op of f.fix.operations) {
        if (!plainAlong(fixed, op.path)) {
          problems.push(`the fix "${f.fix.label}" set a prototype at ${op.path}, not a member`);
        }
      }
    }
  }
  return outcome;
}

/** Counts of what the cases led to, and the first failures in words. */
export interface Tally {
  cases: number;
  parsed: number;
  upgraded: number;
  valid: number;
  refused: number;
  failures: string[];
}

export const newTally = (): Tally => ({
  cases: 0,
  parsed: 0,
  upgraded: 0,
  valid: 0,
  refused: 0,
  failures: [],
});

const PROTOTYPES = prototypeKeys();

/**
 * Opens `content` as a file chosen with "Open item JSON" (readItemFile, then openItemText), checks
 * the outcome and the prototypes, and counts it. Failures are kept with `label` to reproduce them.
 * Returns what openItemText saw, when the file was read.
 */
export async function openCase(
  tally: Tally,
  label: string,
  content: string | Uint8Array,
): Promise<Opened | undefined> {
  tally.cases += 1;
  const failures: string[] = [];
  let opened: Opened | undefined;
  try {
    const part = typeof content === 'string' ? content : new Uint8Array(content);
    const read = await readItemFile(new File([part], 'item.json', { type: 'application/json' }));
    if (!read.ok) {
      tally.refused += 1;
      if (!read.message.includes('item.json')) {
        failures.push(`the refusal does not name the file: ${read.message}`);
      }
    } else {
      opened = openItemText(read.text);
      tally.parsed += opened.parsed ? 1 : 0;
      tally.upgraded += opened.upgraded ? 1 : 0;
      tally.valid += opened.valid ? 1 : 0;
      failures.push(...opened.problems);
    }
  } catch (error) {
    failures.push(
      `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const pollution = pollutionProblem(PROTOTYPES);
  if (pollution) {
    failures.push(pollution);
  }
  // A few failures are enough to act on; thousands would bury them.
  if (failures.length > 0 && tally.failures.length < 20) {
    tally.failures.push(`${label}:\n  ${[...new Set(failures)].slice(0, 5).join('\n  ')}`);
  }
  return opened;
}
