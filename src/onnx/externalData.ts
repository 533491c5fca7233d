import type { OnnxExternalRef } from './onnxModel';

/** A file the user gave along with the model (a File fits). */
export interface ExternalDataFile {
  name: string;
  size: number;
}

export interface ExternalDataMessage {
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** Which external-data files a model needs and how the given files match them (plain data). */
export interface ExternalDataMatch {
  /** Locations the model reads weights from, once each, in first-use order (rejected ones excluded). */
  needed: string[];
  /** Needed locations matched to a given file by base name. */
  given: { location: string; file: string; size: number }[];
  /** Needed locations that no given file matches. */
  missing: string[];
  /** Locations refused because they are absolute or leave the model's folder. */
  rejected: string[];
  /** Given files the model does not refer to. */
  unused: string[];
  /** Given files too short for the byte ranges the model reads from them. */
  problems: { location: string; file: string; message: string }[];
  /** All of the above in plain words, most serious first. */
  messages: ExternalDataMessage[];
}

function quoted(text: string): string {
  return `“${text}”`;
}

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function range(offset: number, length: number | undefined): string {
  return length === undefined
    ? `byte ${formatCount(offset)} onwards`
    : `bytes ${formatCount(offset)}–${formatCount(offset + length)}`;
}

function tensors(n: number): string {
  return n === 1 ? '1 tensor' : `${formatCount(n)} tensors`;
}

/** Last path segment, for either separator. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? '';
}

/**
 * Why a location may not be followed, per ONNX's external-data security rules (relative paths
 * inside the model's folder only), or undefined when it is fine.
 */
export function unsafeLocation(location: string): string | undefined {
  if (location.trim() === '') {
    return 'it is empty';
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    return 'it is a URL';
  }
  if (location.startsWith('/') || location.startsWith('\\') || /^[a-z]:/i.test(location)) {
    return 'it is an absolute path';
  }
  if (location.split(/[\\/]/).includes('..')) {
    return "it leaves the model's folder (“..”)";
  }
  return undefined;
}

/**
 * Matches the external-data references of a model with the files given next to it: which data
 * files it needs, which were given (by base name, as browsers give no folders), which are
 * missing, and whether each given file is long enough. Missing files are only warnings: the
 * parameter count and size come from the tensor shapes in the model.
 */
export function matchExternalData(
  refs: readonly OnnxExternalRef[],
  files: readonly ExternalDataFile[],
): ExternalDataMatch {
  const byLocation = new Map<string, OnnxExternalRef[]>();
  const rejectedRefs = new Map<string, { refs: OnnxExternalRef[]; why: string }>();
  for (const ref of refs) {
    const why = unsafeLocation(ref.location);
    if (why) {
      const entry = rejectedRefs.get(ref.location) ?? { refs: [], why };
      entry.refs.push(ref);
      rejectedRefs.set(ref.location, entry);
    } else {
      const list = byLocation.get(ref.location) ?? [];
      list.push(ref);
      byLocation.set(ref.location, list);
    }
  }

  const result: ExternalDataMatch = {
    needed: [...byLocation.keys()],
    given: [],
    missing: [],
    rejected: [...rejectedRefs.keys()],
    unused: [],
    problems: [],
    messages: [],
  };
  const errors: ExternalDataMessage[] = [];
  const warnings: ExternalDataMessage[] = [];
  const infos: ExternalDataMessage[] = [];
  const used = new Set<ExternalDataFile>();

  for (const [location, { refs: locationRefs, why }] of rejectedRefs) {
    const first = locationRefs[0]?.tensor ?? '';
    const others = locationRefs.length > 1 ? ` and ${tensors(locationRefs.length - 1)} more` : '';
    errors.push({
      severity: 'error',
      message:
        `The model reads the weights of tensor ${quoted(first)}${others} from ${quoted(location)}, ` +
        `which is refused because ${why}: external data must be a file next to the model.`,
    });
  }

  for (const [location, locationRefs] of byLocation) {
    const file = findFile(files, baseName(location));
    if (!file) {
      result.missing.push(location);
      warnings.push({
        severity: 'warning',
        message:
          `The model keeps the weights of ${tensors(locationRefs.length)} in ${quoted(location)}, ` +
          `which was not given. Counts and sizes still come from the model; add ${quoted(baseName(location))} ` +
          'to check it and list it as an asset.',
      });
      continue;
    }
    used.add(file);
    result.given.push({ location, file: file.name, size: file.size });
    const tooShort = locationRefs.filter((ref) => ref.offset + (ref.length ?? 0) > file.size);
    const furthest = tooShort.reduce<OnnxExternalRef | undefined>(
      (far, ref) =>
        far && far.offset + (far.length ?? 0) >= ref.offset + (ref.length ?? 0) ? far : ref,
      undefined,
    );
    if (furthest) {
      const others = tooShort.length > 1 ? ` (and ${tensors(tooShort.length - 1)} more)` : '';
      const message =
        `${quoted(file.name)} is ${formatCount(file.size)} bytes, but the model reads tensor ` +
        `${quoted(furthest.tensor)} from ${range(furthest.offset, furthest.length)}${others}: ` +
        'the file is incomplete or belongs to another version of the model.';
      result.problems.push({ location, file: file.name, message });
      errors.push({ severity: 'error', message });
    }
  }

  for (const file of files) {
    if (!used.has(file)) {
      result.unused.push(file.name);
      infos.push({
        severity: 'info',
        message: `${quoted(file.name)} is not an external-data file of this model; it is ignored.`,
      });
    }
  }
  result.messages = [...errors, ...warnings, ...infos];
  return result;
}

/** Browsers hand over base names only: match exactly first, then ignoring case. */
function findFile(files: readonly ExternalDataFile[], name: string): ExternalDataFile | undefined {
  const exact = files.find((file) => baseName(file.name) === name);
  if (exact) {
    return exact;
  }
  const lower = name.toLowerCase();
  return files.find((file) => baseName(file.name).toLowerCase() === lower);
}
