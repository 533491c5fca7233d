import { ITEM_ONLY_FIELDS } from '../../schemas/mlmFields';
import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';
import { isRecord } from '../../schemas/isRecord';

// Upgrades STAC Items written for MLM v1.0.0 … v1.5.1 to v1.5.2. Every rule is tied to a line of the
// MLM CHANGELOG (or to the README where the CHANGELOG is silent) and runs only for documents that
// declare a version older than the one that changed the rule, so a document that already declares
// v1.5.2 is never rewritten to taste: its leftovers (e.g. `classification_classes`) are for the lint
// to point out. The exceptions are two values the README recommends but no version's schema
// accepts: `mlm:accelerator: "cpu"` and value_scaling entries of `type: null`.
// When a legacy value cannot be mapped faithfully it is kept, and a change message says why.

/** One thing the upgrade did (or deliberately left alone), at a JSON pointer into the upgraded item. */
export interface UpgradeChange {
  /** JSON pointer (RFC 6901) into the upgraded item; `` for the whole document. */
  path: string;
  /** Plain words: what changed and why, or what was kept and what to do about it. */
  message: string;
}

export interface UpgradeResult {
  /** A fresh copy of the document with the upgrades applied; the input is never mutated. */
  item: unknown;
  changes: UpgradeChange[];
}

type Version = readonly [number, number, number];
type JsonObject = Record<string, unknown>;

const TARGET: Version = [1, 5, 2];
const MLM_URL =
  /^https:\/\/(stac-extensions\.github\.io\/mlm|crim-ca\.github\.io\/mlm-extension)\/v(\d+)\.(\d+)\.(\d+)\/schema\.json$/u;
const LEGACY_HOST = 'crim-ca.github.io/mlm-extension';
const LEGACY_SCALING_KEYS = ['norm_type', 'statistics', 'norm_by_channel', 'norm_clip'] as const;
/** README ≤ v1.3 "Normalize Enum" values that v1.4.0 removed without a value_scaling equivalent. */
const AMBIGUOUS_NORM_TYPES = [
  'l1',
  'l2',
  'l2sqr',
  'hamming',
  'hamming2',
  'type-mask',
  'relative',
  'inf',
];
const FRAMEWORK_PATTERN = /^(?=[^\s._-]).*[^\s._-]$/u;
/** v1.1.0: "Adjust scikit-learn and Hugging Face framework names" (old spellings as pystac migrates them). */
const RENAMED_FRAMEWORKS: ReadonlyMap<string, string> = new Map([
  ['Scikit-learn', 'scikit-learn'],
  ['Huggingface', 'Hugging Face'],
]);

// ── Small JSON helpers ─────────────────────────────────────────────────────────────────────────

function pointer(...parts: (string | number)[]): string {
  return parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Sets an own property; plain assignment would turn a "__proto__" key into a prototype change. */
function setOwn(obj: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A deep copy with a stack instead of recursion: parseJsonText refuses deep documents, but the
 * upgrade is also called on values that never went through it, and must not overflow on them.
 */
function cloneJson(value: unknown): unknown {
  const root: JsonObject = {};
  const stack: { from: unknown; into: JsonObject | unknown[]; key: string | number }[] = [
    { from: value, into: root, key: 'value' },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { from, into, key } = next;
    let made = from;
    if (Array.isArray(from)) {
      const list = new Array<unknown>(from.length);
      from.forEach((v, i) => stack.push({ from: v, into: list, key: i }));
      made = list;
    } else if (isRecord(from)) {
      const out: JsonObject = {};
      for (const k of Object.keys(from)) {
        // Each key in place now, its value when its turn comes: the key order stays the same.
        setOwn(out, k, undefined);
        stack.push({ from: from[k], into: out, key: k });
      }
      made = out;
    }
    if (Array.isArray(into)) {
      into[key as number] = made;
    } else {
      setOwn(into, key as string, made);
    }
  }
  return root.value;
}

/** Rewrites an object's entries in place, so renamed and replaced keys keep their position. */
function rebuild(obj: JsonObject, map: (key: string, value: unknown) => [string, unknown][]): void {
  const entries = Object.keys(obj).flatMap((key) => map(key, obj[key]));
  for (const key of Object.keys(obj)) {
    delete obj[key];
  }
  for (const [key, value] of entries) {
    setOwn(obj, key, value);
  }
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => jsonEqual(v, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const hasRole = (asset: JsonObject, role: string): boolean =>
  Array.isArray(asset.roles) && asset.roles.includes(role);

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

const versionText = (v: Version): string => `v${v.join('.')}`;

/** "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`
    : (words[0] ?? '');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// ── Context ────────────────────────────────────────────────────────────────────────────────────

interface Ctx {
  changes: UpgradeChange[];
  /** The oldest MLM version the document declared, when older than v1.5.2. */
  from: Version | undefined;
}

function note(ctx: Ctx, path: string, message: string): void {
  ctx.changes.push({ path, message });
}

/** True when the document was written for a version before `version` (which changed a rule). */
function before(ctx: Ctx, version: Version): boolean {
  return ctx.from !== undefined && compare(ctx.from, version) < 0;
}

function records(value: unknown): [number, JsonObject][] {
  return Array.isArray(value)
    ? value.flatMap((v, i): [number, JsonObject][] => (isRecord(v) ? [[i, v]] : []))
    : [];
}

function assetEntries(item: JsonObject): [string, JsonObject][] {
  return isRecord(item.assets)
    ? Object.keys(item.assets).flatMap((key): [string, JsonObject][] => {
        const asset = (item.assets as JsonObject)[key];
        return isRecord(asset) ? [[key, asset]] : [];
      })
    : [];
}

// ── Rule: the extension URL ────────────────────────────────────────────────────────────────────

/**
 * Replaces the old MLM URL with the v1.5.2 one in the same position and returns the oldest version
 * declared. Returns 'newer' when the document declares a version the editor does not know yet.
 */
function upgradeExtensionUrl(item: JsonObject, ctx: Ctx): Version | 'newer' | undefined {
  const list = item.stac_extensions;
  if (!Array.isArray(list)) {
    return undefined;
  }
  const old: { index: number; version: Version; legacyHost: boolean }[] = [];
  for (const [index, url] of list.entries()) {
    const m = typeof url === 'string' ? MLM_URL.exec(url) : null;
    if (!m || url === MLM_SCHEMA_URL) {
      continue;
    }
    const version: Version = [Number(m[2]), Number(m[3]), Number(m[4])];
    if (compare(version, TARGET) > 0) {
      note(
        ctx,
        pointer('stac_extensions', index),
        `This item declares MLM ${versionText(version)}, which is newer than v1.5.2, the version this editor knows; nothing was changed.`,
      );
      return 'newer';
    }
    old.push({ index, version, legacyHost: m[1] === LEGACY_HOST });
  }
  if (old.length === 0) {
    return undefined;
  }
  const hasTarget = list.includes(MLM_SCHEMA_URL);
  const drop = new Set(old.slice(hasTarget ? 0 : 1).map((o) => o.index));
  const first = old[0];
  if (first && !hasTarget) {
    list[first.index] = MLM_SCHEMA_URL;
  }
  const kept = list.filter((_, i) => !drop.has(i));
  list.length = 0;
  list.push(...kept);
  const oldest = old.reduce((a, b) => (compare(b.version, a.version) < 0 ? b : a));
  if (first && !hasTarget) {
    const where = first.legacyHost ? ' (from its old crim-ca.github.io address)' : '';
    note(
      ctx,
      pointer('stac_extensions', kept.indexOf(MLM_SCHEMA_URL)),
      `Changed the MLM extension URL from ${versionText(first.version)}${where} to v1.5.2, the version this editor writes and validates.`,
    );
  }
  const removed = old.filter((o) => drop.has(o.index));
  if (removed.length > 0) {
    note(
      ctx,
      '/stac_extensions',
      `Removed the older MLM extension URL${removed.length > 1 ? 's' : ''} (${removed.map((o) => versionText(o.version)).join(', ')}): an item lists each extension once, and it now lists v1.5.2.`,
    );
  }
  return oldest.version;
}

// ── Rule (v1.1.0): framework names ────────────────────────────────────────────────────────────

function upgradeFramework(holder: JsonObject, path: string, ctx: Ctx): void {
  const value = holder['mlm:framework'];
  if (typeof value !== 'string') {
    return;
  }
  const renamed = RENAMED_FRAMEWORKS.get(value);
  const fieldPath = `${path}/mlm:framework`;
  if (renamed) {
    holder['mlm:framework'] = renamed;
    note(
      ctx,
      fieldPath,
      `Changed mlm:framework ${show(value)} to ${show(renamed)}: MLM v1.1.0 adopted the spelling used by the framework's own documentation.`,
    );
    return;
  }
  if (FRAMEWORK_PATTERN.test(value)) {
    return;
  }
  const trimmed = value.replace(/^[\s._-]+|[\s._-]+$/gu, '');
  if (trimmed && FRAMEWORK_PATTERN.test(trimmed)) {
    holder['mlm:framework'] = trimmed;
    note(
      ctx,
      fieldPath,
      `Changed mlm:framework ${show(value)} to ${show(trimmed)}: since MLM v1.1.0 the name may not start or end with a space, ".", "_" or "-".`,
    );
  } else {
    note(
      ctx,
      fieldPath,
      `Kept mlm:framework ${show(value)}: since MLM v1.1.0 it must be a name that does not start or end with a space, ".", "_" or "-". Type the framework name, e.g. PyTorch.`,
    );
  }
}

// ── Rule (v1.3.0): raster:bands belong on the model asset ─────────────────────────────────────

function moveRasterBands(item: JsonObject, props: JsonObject, ctx: Ctx): void {
  const bands = props['raster:bands'];
  if (!Array.isArray(bands) || bands.length === 0) {
    return;
  }
  const models = assetEntries(item).filter(([, asset]) => hasRole(asset, 'mlm:model'));
  const targets = models.filter(([, asset]) => !('raster:bands' in asset));
  if (targets.length === 0) {
    return;
  }
  for (const [key, asset] of targets) {
    setOwn(asset, 'raster:bands', cloneJson(bands));
    note(
      ctx,
      pointer('assets', key, 'raster:bands'),
      'Moved raster:bands from the item properties to this model asset: since MLM v1.3.0 the bands an input refers to are described on the asset with the "mlm:model" role.',
    );
  }
  delete props['raster:bands'];
  const unnamed = bands.flatMap((b, i) =>
    isRecord(b) && typeof b.name === 'string' && b.name.length > 0 ? [] : [i],
  );
  if (unnamed.length > 0) {
    const [key] = targets[0] ?? [];
    note(
      ctx,
      key === undefined ? '/assets' : pointer('assets', key, 'raster:bands', unnamed[0] ?? 0),
      `${plural(unnamed.length, 'raster band')} (${unnamed.map((i) => `#${i + 1}`).join(', ')}) have no name. Since MLM v1.3.0 every raster band needs the name the inputs' "bands" lists use; add them.`,
    );
  }
}

// ── Rule (v1.4.0): model-wide fields live in the item properties ──────────────────────────────

function moveAssetModelFields(item: JsonObject, props: JsonObject, ctx: Ctx): void {
  for (const [key, asset] of assetEntries(item)) {
    for (const field of ITEM_ONLY_FIELDS) {
      if (!(field in asset)) {
        continue;
      }
      const value = asset[field];
      const path = pointer('assets', key);
      if (!(field in props)) {
        setOwn(props, field, value);
        delete asset[field];
        note(
          ctx,
          pointer('properties', field),
          `Moved ${field} from asset "${key}" to the item properties: since MLM v1.4.0 ${field} describes the whole model and is not allowed on assets.`,
        );
      } else if (jsonEqual(props[field], value)) {
        delete asset[field];
        note(
          ctx,
          path,
          `Removed ${field} from asset "${key}": the item properties hold the same value, and since MLM v1.4.0 the field is not allowed on assets.`,
        );
      } else {
        note(
          ctx,
          pointer('assets', key, field),
          `Kept ${field} on asset "${key}" although MLM v1.4.0 no longer allows it on assets: it differs from the item's ${field}, so merging them needs your decision. Describe this asset's model in its own item, or remove the field.`,
        );
      }
    }
  }
}

function explainArtifactTypes(item: JsonObject, ctx: Ctx): void {
  for (const [key, asset] of assetEntries(item)) {
    const isModel = hasRole(asset, 'mlm:model');
    if (isModel && !('mlm:artifact_type' in asset)) {
      note(
        ctx,
        pointer('assets', key),
        `Asset "${key}" has the "mlm:model" role but no mlm:artifact_type, which MLM v1.4.0 made required for model assets. Add how the file was written, e.g. torch.save or tf.keras.Model.save.`,
      );
    } else if (!isModel && 'mlm:artifact_type' in asset) {
      note(
        ctx,
        pointer('assets', key, 'mlm:artifact_type'),
        `Asset "${key}" has mlm:artifact_type without the "mlm:model" role; since MLM v1.4.0 only model assets may have it. Add the role if this file is the model, or remove the field.`,
      );
    }
  }
}

// ── Rule (v1.4.0): norm_type / statistics / norm_clip / norm_by_channel → value_scaling ─────────

type Scaling = { ok: true; objects: JsonObject[]; usedStatistics: boolean; what: string };
type Failure = {
  ok: false;
  key: (typeof LEGACY_SCALING_KEYS)[number];
  reason: string;
  /** What the person should do instead of the default "add value_scaling yourself". */
  advice?: string;
};

function statisticsList(stats: unknown): JsonObject[] | undefined {
  if (isRecord(stats)) {
    return [stats];
  }
  return Array.isArray(stats) && stats.length > 0 && stats.every(isRecord)
    ? (stats as JsonObject[])
    : undefined;
}

function scalingFromStatistics(input: JsonObject, type: 'z-score' | 'min-max'): Scaling | Failure {
  const [a, b] =
    type === 'z-score' ? (['mean', 'stddev'] as const) : (['minimum', 'maximum'] as const);
  const list = statisticsList(input.statistics);
  if (!list) {
    return {
      ok: false,
      key: 'norm_type',
      reason: `norm_type ${show(type)} needs statistics with ${a} and ${b}, and ${'statistics' in input ? 'the statistics are not a list of objects' : 'there are none'}`,
    };
  }
  const bad = list.findIndex((s) => !isFiniteNumber(s[a]) || !isFiniteNumber(s[b]));
  if (bad >= 0) {
    return {
      ok: false,
      key: 'statistics',
      reason: `statistics entry ${bad + 1} has no numeric ${a} and ${b}, which norm_type ${show(type)} needs`,
    };
  }
  if (input.norm_by_channel === false && list.length > 1) {
    return {
      ok: false,
      key: 'norm_by_channel',
      reason: `norm_by_channel is false (one set of statistics for all bands) but ${list.length} statistics are listed, so it is unclear which applies`,
    };
  }
  const objects = list.map((s) => ({ type, [a]: s[a], [b]: s[b] }));
  // Other statistics (count, valid_percent, minimum next to mean…) have no place in value_scaling;
  // the statistics stay when they hold any, so nothing is lost.
  const usedStatistics = list.every((s) => Object.keys(s).every((k) => k === a || k === b));
  return { ok: true, objects, usedStatistics, what: `norm_type ${show(type)} and its statistics` };
}

function scalingFromClip(input: JsonObject): Scaling | Failure {
  const raw = input.norm_clip;
  const list = isFiniteNumber(raw) ? [raw] : Array.isArray(raw) ? raw : undefined;
  if (!list || list.length === 0 || !list.every((v) => isFiniteNumber(v) && v !== 0)) {
    return {
      ok: false,
      key: 'norm_type',
      reason: `norm_type "clip" divides each band by its norm_clip value, and ${'norm_clip' in input ? `norm_clip ${show(raw)} is not a list of non-zero numbers` : 'there is no norm_clip'}`,
    };
  }
  if (input.norm_by_channel === false && list.length > 1) {
    return {
      ok: false,
      key: 'norm_by_channel',
      reason: `norm_by_channel is false but norm_clip lists ${list.length} values, so it is unclear which applies`,
    };
  }
  // README ≤ v1.3: norm_clip "is used to divide each band before clipping values between 0 and 1".
  // value_scaling has no divide-then-clip type, so each band gets the same operation as an expression
  // (the mapping pystac's MLM migration uses).
  const objects = (list as number[]).map((v) => ({
    type: 'processing',
    format: 'gdal-calc',
    expression: `numpy.clip(A / ${String(v)}, 0, 1)`,
  }));
  return { ok: true, objects, usedStatistics: false, what: 'norm_type "clip" and its norm_clip' };
}

function convertLegacyScaling(input: JsonObject, path: string, ctx: Ctx): void {
  const present = LEGACY_SCALING_KEYS.filter((k) => k in input);
  if (present.length === 0) {
    return;
  }
  const listed = listWords(present);
  if ('value_scaling' in input) {
    note(
      ctx,
      `${path}/${present[0] ?? ''}`,
      `Kept the legacy ${listed}: this input already has value_scaling, which replaced them in MLM v1.4.0. Check that value_scaling says the same, then remove them.`,
    );
    return;
  }
  const normType = input.norm_type;
  if (!('norm_type' in input)) {
    if (present.length === 1 && present[0] === 'norm_by_channel') {
      delete input.norm_by_channel;
      note(
        ctx,
        path,
        'Removed norm_by_channel: without a norm_type it had no effect, and MLM v1.4.0 removed the field.',
      );
      return;
    }
    const key = present.find((k) => k !== 'norm_by_channel') ?? 'statistics';
    note(
      ctx,
      `${path}/${key}`,
      `Kept the legacy ${listed}: without a norm_type nothing says how they were applied, so they could not become value_scaling (which replaced them in MLM v1.4.0). Add value_scaling if the model scales its inputs; band statistics can go to raster:bands statistics.`,
    );
    return;
  }

  let result: Scaling | Failure;
  if (normType === null) {
    result = { ok: true, objects: [], usedStatistics: false, what: 'norm_type null' };
  } else if (normType === 'z-score' || normType === 'min-max') {
    result = scalingFromStatistics(input, normType);
  } else if (normType === 'clip') {
    result = scalingFromClip(input);
  } else if (typeof normType === 'string' && AMBIGUOUS_NORM_TYPES.includes(normType)) {
    result = {
      ok: false,
      key: 'norm_type',
      reason: `MLM v1.4.0 removed norm_type ${show(normType)} because its result was ambiguous`,
      advice:
        'Describe the operation as a value_scaling object of type "processing" with an expression, then remove the legacy fields.',
    };
  } else {
    result = {
      ok: false,
      key: 'norm_type',
      reason: `${show(normType)} is not one of the normalization types MLM defined (min-max, z-score, clip, …)`,
    };
  }

  if (!result.ok) {
    note(
      ctx,
      `${path}/${result.key}`,
      `Kept the legacy ${listed} unchanged: ${result.reason}. ${result.advice ?? 'MLM v1.4.0 replaced these fields with value_scaling: add it yourself, then remove them.'}`,
    );
    return;
  }

  const { objects, usedStatistics, what } = result;
  // Keys whose meaning the new value_scaling now carries. norm_by_channel only chose between one
  // object and one per band, which the number of objects now says.
  const converted = new Set<string>(['norm_type', 'norm_by_channel']);
  if (normType === 'clip') {
    converted.add('norm_clip');
  }
  if (usedStatistics) {
    converted.add('statistics');
  }
  const leftover = present.filter((k) => !converted.has(k));
  if (leftover.length > 0 && 'norm_by_channel' in input && leftover.includes('statistics')) {
    // The kept statistics may still be read per channel; keep the flag that says how.
    converted.delete('norm_by_channel');
    leftover.push('norm_by_channel');
  }
  const scaling = normType === null ? null : objects;
  rebuild(input, (key, value) =>
    key === 'norm_type' ? [['value_scaling', scaling]] : converted.has(key) ? [] : [[key, value]],
  );
  const outcome =
    scaling === null
      ? 'value_scaling null (no scaling)'
      : objects.length === 1
        ? `one ${show(objects[0]?.type)} value_scaling object for all bands`
        : `${objects.length} ${show(objects[0]?.type)} value_scaling objects, one per band in band order`;
  const removed = listWords(present.filter((k) => converted.has(k)));
  const kept =
    leftover.length > 0
      ? ` Kept ${listWords(leftover)}: ${leftover.includes('statistics') ? 'the statistics also hold values value_scaling has no place for; move them to raster:bands statistics if they describe the data' : 'they did not apply to this norm_type'}, then remove them.`
      : '';
  note(
    ctx,
    `${path}/value_scaling`,
    `Converted ${what} into ${outcome}, and removed ${removed}: MLM v1.4.0 moved normalization into value_scaling and dropped norm_type, statistics, norm_clip and norm_by_channel.${kept}`,
  );
}

// ── Rule (v1.5.0): "bands" and "variables" are reserved dimension names ───────────────────────

function upgradeReservedDimensions(
  entry: JsonObject,
  structureKey: 'input' | 'result',
  path: string,
  ctx: Ctx,
): void {
  const structure = entry[structureKey];
  if (!isRecord(structure) || !Array.isArray(structure.dim_order)) {
    return;
  }
  const order = structure.dim_order;
  const shape = Array.isArray(structure.shape) ? structure.shape : undefined;
  const bands = Array.isArray(entry.bands) ? entry.bands : [];
  const orderPath = `${path}/${structureKey}/dim_order`;
  const why =
    'since MLM v1.5.0 "bands" is the reserved name of the dimension that holds the listed bands';
  if (bands.length > 0 && !order.includes('bands')) {
    const at = order.indexOf('channel');
    const size = at >= 0 ? shape?.[at] : undefined;
    // A pre-processing expression may combine the bands into fewer channels (e.g. NDVI from two).
    const processed =
      entry.pre_processing_function !== null && entry.pre_processing_function !== undefined;
    if (at >= 0 && (size === -1 || size === bands.length || processed)) {
      order[at] = 'bands';
      note(
        ctx,
        `${orderPath}/${at}`,
        `Renamed the dimension "channel" to "bands": this ${structureKey === 'input' ? 'input' : 'output'} lists ${plural(bands.length, 'band')}, and ${why}.`,
      );
    } else {
      note(
        ctx,
        orderPath,
        `This ${structureKey === 'input' ? 'input' : 'output'} lists ${plural(bands.length, 'band')} but dim_order has no "bands" dimension; ${why}. Rename the dimension that holds the bands to "bands".`,
      );
    }
  } else if (bands.length === 0 && order.includes('bands')) {
    const at = order.indexOf('bands');
    if (!order.includes('channel')) {
      order[at] = 'channel';
      note(
        ctx,
        `${orderPath}/${at}`,
        `Renamed the dimension "bands" to "channel": no bands are listed, and ${why}, so it needs a bands list.`,
      );
    } else {
      note(
        ctx,
        `${orderPath}/${at}`,
        `dim_order has a "bands" dimension but no bands are listed; ${why}. List the bands, or rename the dimension.`,
      );
    }
  }
  const variables = Array.isArray(entry.variables) ? entry.variables : [];
  if (variables.length === 0 && order.includes('variables')) {
    note(
      ctx,
      `${orderPath}/${order.indexOf('variables')}`,
      'dim_order has a "variables" dimension, a name MLM v1.5.0 reserved for data-cube variables listed in "variables". List them, or rename the dimension.',
    );
  }
}

// ── Rule (v1.5.0): an entry point needs the code role ─────────────────────────────────────────

function addCodeRole(item: JsonObject, ctx: Ctx): void {
  for (const [key, asset] of assetEntries(item)) {
    if (!('mlm:entrypoint' in asset) || hasRole(asset, 'code')) {
      continue;
    }
    if (asset.roles === undefined) {
      setOwn(asset, 'roles', ['code']);
    } else if (Array.isArray(asset.roles)) {
      asset.roles.push('code');
    } else {
      note(
        ctx,
        pointer('assets', key, 'roles'),
        `Asset "${key}" has mlm:entrypoint, so since MLM v1.5.0 its roles must include "code"; roles is not a list here, so fix it by hand.`,
      );
      continue;
    }
    note(
      ctx,
      pointer('assets', key, 'roles'),
      `Added the "code" role to asset "${key}": it has mlm:entrypoint, and since MLM v1.5.0 such an asset must have that role.`,
    );
  }
}

// ── Rule: classification_classes → classification:classes ────────────────────────────────────

function toHexColour(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const m = /^#?([0-9A-Fa-f]{6})$/u.exec(value);
    return m?.[1];
  }
  if (
    Array.isArray(value) &&
    value.length === 3 &&
    value.every((c) => Number.isInteger(c) && (c as number) >= 0 && (c as number) <= 255)
  ) {
    return (value as number[])
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
  }
  return undefined;
}

type ClassFix =
  { ok: true; entry: JsonObject; fixes: Set<string> } | { ok: false; key: string; reason: string };

/** The class as classification v1.1.0 requires it, or why it cannot be made so. */
function fixClass(raw: unknown): ClassFix {
  if (!isRecord(raw)) {
    return { ok: false, key: '', reason: 'is not an object' };
  }
  const entry = cloneJson(raw) as JsonObject;
  const fixes = new Set<string>();
  if (!Number.isInteger(entry.value)) {
    return { ok: false, key: 'value', reason: `has value ${show(entry.value)}, not an integer` };
  }
  if (entry.name === null) {
    delete entry.name;
    fixes.add('removed empty (null) names');
  } else if ('name' in entry && typeof entry.name !== 'string') {
    return { ok: false, key: 'name', reason: `has name ${show(entry.name)}, not text` };
  }
  if (typeof entry.description !== 'string') {
    if (entry.description !== null && entry.description !== undefined) {
      return {
        ok: false,
        key: 'description',
        reason: `has description ${show(entry.description)}, not text`,
      };
    }
    if (typeof entry.name !== 'string' || entry.name.length === 0) {
      return {
        ok: false,
        key: 'description',
        reason: 'has neither a description nor a name to use as one',
      };
    }
    // stac_model reads this alias the same way: a class with only a name uses it as description.
    setOwn(entry, 'description', entry.name);
    fixes.add('used the name as the missing description');
  }
  if ('color_hint' in entry) {
    const hint = entry.color_hint;
    if (hint === null) {
      delete entry.color_hint;
      fixes.add('removed empty (null) colour hints');
    } else if (typeof hint !== 'string' || !/^[0-9A-Fa-f]{6}$/u.test(hint)) {
      const hex = toHexColour(hint);
      if (hex === undefined) {
        return {
          ok: false,
          key: 'color_hint',
          reason: `has color_hint ${show(hint)}, which cannot be written as six hex digits`,
        };
      }
      entry.color_hint = hex;
      fixes.add(
        Array.isArray(hint)
          ? 'wrote [r, g, b] colour hints as six hex digits'
          : 'removed the "#" from colour hints',
      );
    }
  }
  return { ok: true, entry, fixes };
}

function renameClassificationClasses(output: JsonObject, path: string, ctx: Ctx): void {
  if (!('classification_classes' in output)) {
    return;
  }
  const oldPath = `${path}/classification_classes`;
  const why =
    'MLM has used classification:classes (from the classification extension) since v1.0.0; classification_classes is a misspelling that validators ignore';
  if ('classification:classes' in output) {
    note(
      ctx,
      oldPath,
      `Kept classification_classes: this output also has classification:classes. ${why}; merge the two lists by hand and remove this one.`,
    );
    return;
  }
  const list = output.classification_classes;
  if (!Array.isArray(list)) {
    note(
      ctx,
      oldPath,
      `Kept classification_classes unchanged: it is not a list of classes. ${why}.`,
    );
    return;
  }
  const fixed: JsonObject[] = [];
  const fixes = new Set<string>();
  for (const [i, raw] of list.entries()) {
    const result = fixClass(raw);
    if (!result.ok) {
      note(
        ctx,
        result.key ? `${oldPath}/${i}/${result.key}` : `${oldPath}/${i}`,
        `Kept classification_classes unchanged: class ${i + 1} ${result.reason}, so the list would be invalid as classification:classes. ${why}; fix the class, then rename the field.`,
      );
      return;
    }
    fixed.push(result.entry);
    result.fixes.forEach((f) => fixes.add(f));
  }
  const duplicate = fixed.findIndex((c, i) => fixed.slice(0, i).some((d) => jsonEqual(c, d)));
  if (duplicate >= 0) {
    note(
      ctx,
      `${oldPath}/${duplicate}`,
      `Kept classification_classes unchanged: class ${duplicate + 1} repeats an earlier class, and classification:classes must not contain the same class twice. ${why}.`,
    );
    return;
  }
  rebuild(output, (key, value) =>
    key === 'classification_classes' ? [['classification:classes', fixed]] : [[key, value]],
  );
  const detail =
    fixes.size > 0 ? ` To make the classes valid it also ${listWords([...fixes])}.` : '';
  note(
    ctx,
    `${path}/classification:classes`,
    `Renamed classification_classes to classification:classes: ${why}.${detail}`,
  );
}

// ── Rule: the cpu accelerator ─────────────────────────────────────────────────────────────────

function replaceCpuAccelerator(holder: JsonObject, path: string, ctx: Ctx): void {
  if (holder['mlm:accelerator'] !== 'cpu') {
    return;
  }
  holder['mlm:accelerator'] = 'amd64';
  note(
    ctx,
    `${path}/mlm:accelerator`,
    'Changed mlm:accelerator "cpu" to "amd64": the MLM README (since v1.5.0) calls "cpu" an alias of "amd64", but the JSON schema only accepts "amd64".',
  );
}

// ── Rule: value_scaling entries of type null ──────────────────────────────────────────────────

/** `{ "type": null }`, or a bare null as stac_model writes it: "this band is not scaled". */
const isUnscaled = (entry: unknown): boolean =>
  entry === null || (isRecord(entry) && entry.type === null && Object.keys(entry).length === 1);

function replaceNullScaling(input: JsonObject, path: string, ctx: Ctx): void {
  const list = input.value_scaling;
  if (!Array.isArray(list) || !list.some(isUnscaled)) {
    return;
  }
  const why =
    'the MLM README suggests type null for values that are not scaled, but the JSON schema rejects it';
  if (list.every(isUnscaled)) {
    input.value_scaling = null;
    note(
      ctx,
      `${path}/value_scaling`,
      `Replaced value_scaling ${show(list)} with null, which says that no value is scaled: ${why}.`,
    );
    return;
  }
  const at = list.flatMap((entry, i) => (isUnscaled(entry) ? [i] : []));
  for (const i of at) {
    list[i] = { type: 'scale', value: 1 };
  }
  note(
    ctx,
    `${path}/value_scaling`,
    `Wrote the unscaled value_scaling ${at.length === 1 ? 'entry' : 'entries'} ${listWords(at.map((i) => `#${i + 1}`))} as {"type": "scale", "value": 1}, which leaves the values as they are: ${why}.`,
  );
}

// ── Entry point ───────────────────────────────────────────────────────────────────────────────

/**
 * Upgrades a STAC Item written for an older MLM version (v1.0.0 … v1.5.1, including the old
 * crim-ca.github.io URLs) to MLM v1.5.2 and lists every change. Unknown fields are kept, and an
 * item that is already v1.5.2 comes back unchanged, apart from two README-endorsed values its
 * schema rejects: the "cpu" accelerator alias and value_scaling entries of type null.
 */
export function upgradeItem(doc: unknown): UpgradeResult {
  const item = cloneJson(doc);
  const ctx: Ctx = { changes: [], from: undefined };
  if (!isRecord(item) || item.type !== 'Feature') {
    return { item, changes: [] };
  }
  const from = upgradeExtensionUrl(item, ctx);
  if (from === 'newer') {
    return { item, changes: ctx.changes };
  }
  ctx.from = from;
  const props = isRecord(item.properties) ? item.properties : undefined;
  const assets = assetEntries(item);

  if (before(ctx, [1, 1, 0])) {
    if (props) {
      upgradeFramework(props, '/properties', ctx);
    }
    for (const [key, asset] of assets) {
      upgradeFramework(asset, pointer('assets', key), ctx);
    }
  }
  if (before(ctx, [1, 3, 0]) && props) {
    moveRasterBands(item, props, ctx);
  }
  if (before(ctx, [1, 4, 0])) {
    if (props) {
      moveAssetModelFields(item, props, ctx);
    }
    explainArtifactTypes(item, ctx);
    for (const [i, input] of records(props?.['mlm:input'])) {
      convertLegacyScaling(input, pointer('properties', 'mlm:input', i), ctx);
    }
  }
  if (before(ctx, [1, 5, 0])) {
    for (const [i, input] of records(props?.['mlm:input'])) {
      upgradeReservedDimensions(input, 'input', pointer('properties', 'mlm:input', i), ctx);
    }
    for (const [i, output] of records(props?.['mlm:output'])) {
      upgradeReservedDimensions(output, 'result', pointer('properties', 'mlm:output', i), ctx);
    }
    addCodeRole(item, ctx);
  }
  if (before(ctx, TARGET)) {
    for (const [i, output] of records(props?.['mlm:output'])) {
      renameClassificationClasses(output, pointer('properties', 'mlm:output', i), ctx);
    }
  }
  for (const [i, input] of records(props?.['mlm:input'])) {
    replaceNullScaling(input, pointer('properties', 'mlm:input', i), ctx);
  }
  if (props) {
    replaceCpuAccelerator(props, '/properties', ctx);
  }
  for (const [key, asset] of assets) {
    replaceCpuAccelerator(asset, pointer('assets', key), ctx);
  }
  return { item, changes: ctx.changes };
}
