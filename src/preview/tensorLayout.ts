// Pure model of what a tensor preview draws. It reads the item JSON as the user is typing it, so
// every field may be missing or of the wrong type: nothing here throws, gaps become `problems`.

export type TensorRole = 'input' | 'output';

/** A lint finding the app has tied to this tensor (and, when it can, to one axis). */
export interface TensorIssue {
  axis?: number;
  message: string;
  code: string;
  path: string;
}

export interface TensorLayoutContext {
  /** Band names the item itself declares; names outside this list are marked as unknown. */
  bandNames?: readonly string[];
  issues?: readonly TensorIssue[];
}

export type AxisKind =
  | 'batch'
  | 'time'
  | 'bands'
  | 'channel'
  | 'variables'
  | 'class'
  | 'height'
  | 'width'
  | 'depth'
  | 'other';

export interface AxisLayout {
  index: number;
  name: string;
  /** False when dim_order has no (usable) name here and "dim N" stands in. */
  named: boolean;
  kind: AxisKind;
  /** A fixed size ≥ 0, or null when variable or unusable. */
  size: number | null;
  variable: boolean;
  sizeText: string;
  /** Why the size or name cannot be used, when it cannot. */
  invalid: string | null;
  issues: TensorIssue[];
  /** Short text for the axis chip, e.g. "bands 13". */
  label: string;
}

export interface StackFrame {
  axes: number[];
  label: string;
}

export type DrawingPlan =
  | { kind: 'none'; stacks: StackFrame[] }
  | { kind: 'vector'; stacks: StackFrame[]; cols: number; colCells: number }
  | {
      kind: 'grid';
      stacks: StackFrame[];
      rows: number;
      cols: number;
      rowCells: number;
      colCells: number;
    }
  | {
      kind: 'box';
      stacks: StackFrame[];
      depth: number;
      rows: number;
      cols: number;
      slices: number;
      rowCells: number;
      colCells: number;
    };

export interface BandEntry {
  name: string;
  /** Short form of a virtual band's expression, e.g. "rio-calc: (B08 - B04) / …". */
  expression: string | null;
  /** Value scaling that applies to this band, in short form. */
  scaling: string | null;
  unknown: boolean;
}

export interface BandsLayout {
  /** "bands" or "variables": the list the names come from. */
  source: 'bands' | 'variables';
  /** The axis the names open up, when dim_order has one. */
  axis: number | null;
  total: number;
  shown: BandEntry[];
  more: number;
}

export interface ScalingLayout {
  /** One scaling for every band, one per band, or a count that fits neither. */
  mode: 'all' | 'per-band' | 'mismatch';
  entries: string[];
  summary: string;
}

export interface ProcessingStep {
  format: string;
  expression: string;
}

export interface ClassEntry {
  value: string;
  name: string;
  /** CSS colour, e.g. "#00ff00", or null when no usable color_hint. */
  color: string | null;
  /** Set when color_hint is present but not a 6-digit hex string. */
  colorNote: string | null;
}

export interface ClassLegend {
  key: 'classification:classes' | 'classification_classes';
  total: number;
  shown: ClassEntry[];
  more: number;
}

export interface TensorLayout {
  role: TensorRole;
  name: string | null;
  title: string;
  ariaLabel: string;
  dataType: string | null;
  rank: number;
  shapeText: string;
  axes: AxisLayout[];
  plan: DrawingPlan;
  bands: BandsLayout | null;
  scaling: ScalingLayout | null;
  resizeType: string | null;
  processing: ProcessingStep[];
  tasks: string[];
  classes: ClassLegend | null;
  /** What is missing or malformed, in words, so the preview can say it instead of failing. */
  problems: string[];
  /** Issues not tied to one axis. */
  issues: TensorIssue[];
}

export const MAX_BANDS_SHOWN = 12;
export const MAX_CLASSES_SHOWN = 16;
/** Beyond this many batch-like axes the outer ones share one frame, so the drawing keeps room. */
const MAX_STACK_FRAMES = 4;
/** Cells drawn along one edge; a real 224 would be unreadable at 560 px. */
const MAX_CELLS = 8;
const MAX_SLICES = 6;
const VARIABLE_CELLS = 5;
const VARIABLE_SLICES = 3;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return `“${shorten(value, 20)}”`;
  }
  return typeof value === 'object' ? 'an object' : String(value);
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Few digits: the preview is a glance, the exact numbers stay in the form. */
export function shortNumber(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '?';
  }
  if (Number.isInteger(value)) {
    return String(value);
  }
  const text = Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3);
  return String(Number(text));
}

const KIND_BY_NAME: Record<string, AxisKind> = {
  batch: 'batch',
  time: 'time',
  t: 'time',
  bands: 'bands',
  band: 'bands',
  channel: 'channel',
  channels: 'channel',
  c: 'channel',
  variables: 'variables',
  class: 'class',
  classes: 'class',
  score: 'class',
  confidence: 'class',
  height: 'height',
  h: 'height',
  y: 'height',
  lat: 'height',
  latitude: 'height',
  width: 'width',
  w: 'width',
  x: 'width',
  lon: 'width',
  longitude: 'width',
  depth: 'depth',
  z: 'depth',
  altitude: 'depth',
};

const SLICE_KINDS: ReadonlySet<AxisKind> = new Set(['bands', 'channel', 'variables', 'class']);

function axisKind(name: string, named: boolean): AxisKind {
  return named ? (KIND_BY_NAME[name.toLowerCase()] ?? 'other') : 'other';
}

function buildAxes(structure: Json | null, key: string, problems: string[]): AxisLayout[] {
  const shape = structure?.['shape'];
  const dimOrder = structure?.['dim_order'];
  const sizes: unknown[] = Array.isArray(shape) ? shape : [];
  const names: unknown[] = Array.isArray(dimOrder) ? dimOrder : [];
  if (structure) {
    if (shape === undefined) {
      problems.push(`${key}.shape is missing`);
    } else if (!Array.isArray(shape)) {
      problems.push(`${key}.shape is ${describe(shape)}, not a list of sizes`);
    } else if (shape.length === 0) {
      problems.push(`${key}.shape is empty`);
    }
    if (dimOrder === undefined) {
      problems.push(`${key}.dim_order is missing`);
    } else if (!Array.isArray(dimOrder)) {
      problems.push(`${key}.dim_order is ${describe(dimOrder)}, not a list of names`);
    }
    if (Array.isArray(shape) && Array.isArray(dimOrder) && shape.length !== dimOrder.length) {
      problems.push(
        `${key}.shape has ${shape.length} sizes but dim_order has ${dimOrder.length} names`,
      );
    }
  }
  const rank = Math.max(sizes.length, names.length);
  const axes: AxisLayout[] = [];
  for (let index = 0; index < rank; index++) {
    const rawName = nonEmptyString(names[index]);
    const name = rawName ?? `dim ${index}`;
    const raw = sizes[index];
    let size: number | null = null;
    let variable = false;
    let sizeText = '?';
    let invalid: string | null = null;
    if (index >= sizes.length) {
      invalid = Array.isArray(shape) ? `shape has no size for axis ${index}` : 'no shape';
    } else if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) {
      size = raw;
      sizeText = String(raw);
    } else if (raw === -1) {
      variable = true;
      sizeText = 'variable';
    } else {
      sizeText = typeof raw === 'number' ? String(raw) : '?';
      invalid =
        typeof raw === 'number'
          ? `size ${raw} is not allowed (use a whole number ≥ 0, or -1 for variable)`
          : `size is ${describe(raw)}, not a number`;
    }
    if (index < names.length && rawName === null) {
      invalid = invalid ?? `dim_order name is ${describe(names[index])}`;
    }
    axes.push({
      index,
      name,
      named: rawName !== null,
      kind: axisKind(name, rawName !== null),
      size,
      variable,
      sizeText,
      invalid,
      issues: [],
      label: `${name} · ${sizeText}`,
    });
  }
  return axes;
}

const AXIS_IN_PATH = /\/(?:input|result)\/(?:shape|dim_order)\/(\d+)$/u;

function placeIssues(axes: AxisLayout[], issues: readonly TensorIssue[]): TensorIssue[] {
  const loose: TensorIssue[] = [];
  for (const issue of issues) {
    const fromPath = AXIS_IN_PATH.exec(issue.path)?.[1];
    const index = issue.axis ?? (fromPath === undefined ? undefined : Number(fromPath));
    const axis = index === undefined ? undefined : axes[index];
    if (axis) {
      axis.issues.push(issue);
    } else {
      loose.push(issue);
    }
  }
  return loose;
}

function cells(axis: AxisLayout | undefined, max: number, variableCount: number): number {
  if (!axis || axis.size === null) {
    return variableCount;
  }
  return Math.max(1, Math.min(axis.size, max));
}

const STACK_KINDS: ReadonlySet<AxisKind> = new Set(['batch', 'time']);

function stackFrames(indices: number[], axes: AxisLayout[]): StackFrame[] {
  const label = (group: number[]): string =>
    group
      .map((i) => {
        const axis = axes[i];
        return axis ? `${axis.name} × ${axis.variable ? 'variable' : axis.sizeText}` : '';
      })
      .join(', ');
  const overflow = indices.length - MAX_STACK_FRAMES;
  const groups =
    overflow > 0
      ? [indices.slice(0, overflow + 1), ...indices.slice(overflow + 1).map((i) => [i])]
      : indices.map((i) => [i]);
  return groups.map((group) => ({ axes: group, label: label(group) }));
}

/** The last (up to) three axes form the drawn block; the leading ones are repeats around it. */
function drawingPlan(axes: AxisLayout[]): DrawingPlan {
  const rank = axes.length;
  if (rank === 0) {
    return { kind: 'none', stacks: [] };
  }
  let blockStart = Math.max(0, rank - 3);
  // Batch and time read better as repeats than as a face of the block.
  while (rank - blockStart > 1 && STACK_KINDS.has(axes[blockStart]?.kind ?? 'other')) {
    blockStart++;
  }
  const stacks = stackFrames(
    axes.slice(0, blockStart).map((a) => a.index),
    axes,
  );
  const block = axes.slice(blockStart).map((a) => a.index);
  if (block.length === 1) {
    const cols = block[0] ?? 0;
    return { kind: 'vector', stacks, cols, colCells: cells(axes[cols], 12, VARIABLE_CELLS) };
  }
  if (block.length === 2) {
    const [rows = 0, cols = 0] = block;
    return {
      kind: 'grid',
      stacks,
      rows,
      cols,
      rowCells: cells(axes[rows], MAX_CELLS, VARIABLE_CELLS),
      colCells: cells(axes[cols], MAX_CELLS, VARIABLE_CELLS),
    };
  }
  // Channels-first or channels-last: the band-like axis becomes the slices either way.
  const sliceAt = block.find((i) => SLICE_KINDS.has(axes[i]?.kind ?? 'other')) ?? block[0] ?? 0;
  const [rows = 0, cols = 0] = block.filter((i) => i !== sliceAt);
  return {
    kind: 'box',
    stacks,
    depth: sliceAt,
    rows,
    cols,
    slices: cells(axes[sliceAt], MAX_SLICES, VARIABLE_SLICES),
    rowCells: cells(axes[rows], MAX_CELLS, VARIABLE_CELLS),
    colCells: cells(axes[cols], MAX_CELLS, VARIABLE_CELLS),
  };
}

export function formatScaling(value: unknown): string {
  if (!isObject(value)) {
    return `not a scaling object (${describe(value)})`;
  }
  const n = (key: string): string => shortNumber(value[key]);
  const type = value['type'];
  switch (type) {
    case 'min-max':
      return `min-max [${n('minimum')}, ${n('maximum')}]`;
    case 'z-score':
      return `z-score μ=${n('mean')} σ=${n('stddev')}`;
    case 'clip':
      return `clip [${n('minimum')}, ${n('maximum')}]`;
    case 'clip-min':
      return value['maximum'] === undefined
        ? `clip ≥${n('minimum')}`
        : `clip-min ≥${n('minimum')} ≤${n('maximum')}`;
    case 'clip-max':
      return `clip ≤${n('maximum')}`;
    case 'offset':
      return `offset −${n('value')}`;
    case 'scale':
      return `scale ÷${n('value')}`;
    case 'processing':
      return `processing ${formatProcessing(value).map((s) => `${s.format}: ${s.expression}`)[0] ?? ''}`.trim();
    default:
      return typeof type === 'string' ? `${shorten(type, 16)} (unknown type)` : 'no type';
  }
}

function formatExpression(expression: unknown): string {
  if (typeof expression === 'string') {
    return shorten(expression, 48);
  }
  if (isObject(expression) && typeof expression['href'] === 'string') {
    // The file name says more than the host at a glance.
    const href = expression['href'];
    const tail = href.split(/[?#]/u)[0]?.split('/').filter(Boolean).pop() ?? href;
    return shorten(tail === href ? href : `…/${tail}`, 48);
  }
  if (expression === undefined) {
    return '(no expression)';
  }
  return shorten(JSON.stringify(expression) ?? String(expression), 48);
}

export function formatProcessing(value: unknown): ProcessingStep[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((step) =>
    isObject(step)
      ? {
          format: nonEmptyString(step['format']) ?? '(no format)',
          expression: formatExpression(step['expression']),
        }
      : { format: '(invalid)', expression: describe(step) },
  );
}

function buildBands(
  tensor: Json,
  axes: AxisLayout[],
  scaling: ScalingLayout | null,
  context: TensorLayoutContext,
  problems: string[],
): BandsLayout | null {
  const source =
    Array.isArray(tensor['bands']) && tensor['bands'].length > 0
      ? 'bands'
      : Array.isArray(tensor['variables']) && tensor['variables'].length > 0
        ? 'variables'
        : null;
  if (source === null) {
    for (const key of ['bands', 'variables']) {
      const value = tensor[key];
      if (value !== undefined && !Array.isArray(value)) {
        problems.push(`${key} is ${describe(value)}, not a list`);
      }
    }
    return null;
  }
  const list = tensor[source] as unknown[];
  const axis = axes.find((a) => a.name === source)?.index ?? null;
  if (axis === null) {
    problems.push(`${source} are listed but dim_order has no "${source}" axis`);
  } else {
    const size = axes[axis]?.size;
    if (typeof size === 'number' && size !== list.length) {
      problems.push(`${list.length} ${source} listed for a "${source}" axis of size ${size}`);
    }
  }
  const known = context.bandNames ? new Set(context.bandNames) : null;
  const shown = list.slice(0, MAX_BANDS_SHOWN).map((entry, i): BandEntry => {
    const name =
      typeof entry === 'string'
        ? entry
        : isObject(entry) && typeof entry['name'] === 'string'
          ? entry['name']
          : `? (${describe(entry)})`;
    const expression =
      isObject(entry) && entry['expression'] !== undefined
        ? `${nonEmptyString(entry['format']) ?? '?'}: ${formatExpression(entry['expression'])}`
        : null;
    const bandScaling =
      scaling === null
        ? null
        : scaling.mode === 'all'
          ? (scaling.entries[0] ?? null)
          : (scaling.entries[i] ?? null);
    return {
      name,
      expression,
      scaling: bandScaling,
      // A virtual band (with an expression) is not expected among the item's bands.
      unknown: known !== null && expression === null && !known.has(name),
    };
  });
  return { source, axis, total: list.length, shown, more: list.length - shown.length };
}

function bandCount(tensor: Json): number | null {
  for (const key of ['bands', 'variables']) {
    const list = tensor[key];
    if (Array.isArray(list) && list.length > 0) {
      return list.length;
    }
  }
  return null;
}

function buildScaling(tensor: Json, axes: AxisLayout[], problems: string[]): ScalingLayout | null {
  const value = tensor['value_scaling'];
  if (value === undefined || value === null) {
    return null;
  }
  if (!Array.isArray(value)) {
    problems.push(`value_scaling is ${describe(value)}, not a list`);
    return null;
  }
  if (value.length === 0) {
    problems.push('value_scaling is an empty list (use null for none)');
    return null;
  }
  const entries = value.map(formatScaling);
  const channels =
    bandCount(tensor) ??
    axes.find((a) => a.kind === 'bands' || a.kind === 'channel' || a.kind === 'variables')?.size ??
    null;
  if (entries.length === 1) {
    return { mode: 'all', entries, summary: `all bands: ${entries[0] ?? ''}` };
  }
  if (channels !== null && entries.length !== channels) {
    problems.push(`value_scaling has ${entries.length} entries for ${channels} bands`);
    return { mode: 'mismatch', entries, summary: `${entries.length} scalings` };
  }
  const types = new Set(value.map((v) => (isObject(v) ? String(v['type']) : '?')));
  return {
    mode: 'per-band',
    entries,
    summary: `per band: ${[...types].join(', ')} ×${entries.length}`,
  };
}

function colorOf(hint: unknown): { color: string | null; colorNote: string | null } {
  if (hint === undefined || hint === null) {
    return { color: null, colorNote: null };
  }
  if (typeof hint === 'string' && /^[0-9A-Fa-f]{6}$/u.test(hint)) {
    return { color: `#${hint.toLowerCase()}`, colorNote: null };
  }
  // Several official examples write RGB triplets; show the colour but say it is not valid.
  if (
    Array.isArray(hint) &&
    hint.length === 3 &&
    hint.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 255)
  ) {
    const hex = (hint as number[]).map((c) => c.toString(16).padStart(2, '0')).join('');
    return { color: `#${hex}`, colorNote: 'color_hint should be a hex string like "00ff00"' };
  }
  return { color: null, colorNote: `color_hint ${describe(hint)} is not a hex colour` };
}

function buildClasses(tensor: Json, problems: string[]): ClassLegend | null {
  const key =
    tensor['classification:classes'] !== undefined
      ? 'classification:classes'
      : tensor['classification_classes'] !== undefined
        ? 'classification_classes'
        : null;
  if (key === null) {
    return null;
  }
  const list = tensor[key];
  if (!Array.isArray(list)) {
    problems.push(`${key} is ${describe(list)}, not a list`);
    return null;
  }
  if (key === 'classification_classes') {
    problems.push('classes are under "classification_classes", which MLM ignores');
  }
  const shown = list.slice(0, MAX_CLASSES_SHOWN).map((entry): ClassEntry => {
    if (!isObject(entry)) {
      return { value: '?', name: describe(entry), color: null, colorNote: null };
    }
    const value = typeof entry['value'] === 'number' ? String(entry['value']) : '?';
    const name =
      nonEmptyString(entry['name']) ?? nonEmptyString(entry['description']) ?? `class ${value}`;
    return { value, name: shorten(name, 28), ...colorOf(entry['color_hint']) };
  });
  return { key, total: list.length, shown, more: list.length - shown.length };
}

function shapeText(axes: AxisLayout[]): string {
  return `[${axes.map((a) => (a.variable ? '-1' : a.sizeText)).join(', ')}]`;
}

export function tensorLayout(
  tensor: unknown,
  role: TensorRole,
  context: TensorLayoutContext = {},
): TensorLayout {
  const problems: string[] = [];
  const Role = role === 'input' ? 'Input' : 'Output';
  const key = role === 'input' ? 'input' : 'result';
  const object = isObject(tensor) ? tensor : null;
  if (!object) {
    problems.push(`the ${role} is ${describe(tensor)}, not an object`);
  }
  const name = nonEmptyString(object?.['name']);
  if (object && name === null) {
    problems.push('name is missing');
  }
  const rawStructure = object?.[key];
  const structure = isObject(rawStructure) ? rawStructure : null;
  if (object && !structure) {
    problems.push(
      rawStructure === undefined
        ? `${key} (shape, dim_order, data_type) is missing`
        : `${key} is ${describe(rawStructure)}, not an object`,
    );
  }
  const axes = buildAxes(structure, key, problems);
  const loose = placeIssues(axes, context.issues ?? []);
  const dataType = nonEmptyString(structure?.['data_type']);
  if (structure && dataType === null) {
    problems.push(`${key}.data_type is missing`);
  }
  const scaling = object ? buildScaling(object, axes, problems) : null;
  const bands = object ? buildBands(object, axes, scaling, context, problems) : null;
  const resize = object?.['resize_type'];
  const processing = formatProcessing(
    object?.[role === 'input' ? 'pre_processing_function' : 'post_processing_function'],
  );
  const rawTasks = object?.['tasks'];
  const tasks = Array.isArray(rawTasks) ? rawTasks.map((t) => String(t)) : [];
  if (role === 'output' && object && !Array.isArray(rawTasks)) {
    problems.push('tasks is missing');
  }
  const classes = object && role === 'output' ? buildClasses(object, problems) : null;

  const title = name === null ? `${Role} (unnamed)` : `${Role} “${name}”`;
  const shape = shapeText(axes);
  const dims = axes.map((a) => a.name).join(', ');
  const issueCount = axes.reduce((n, a) => n + a.issues.length, loose.length);
  const ariaLabel =
    axes.length === 0
      ? `${title}: no tensor shape${problems[0] ? ` (${problems[0]})` : ''}`
      : `${title}: ${dataType ?? 'unknown type'} tensor ${shape} (${dims})` +
        (issueCount > 0 ? `; ${issueCount} issue${issueCount === 1 ? '' : 's'}` : '');

  return {
    role,
    name,
    title,
    ariaLabel,
    dataType,
    rank: axes.length,
    shapeText: shape,
    axes,
    plan: drawingPlan(axes),
    bands,
    scaling,
    resizeType: typeof resize === 'string' ? resize : null,
    processing,
    tasks,
    classes,
    problems,
    issues: loose,
  };
}
