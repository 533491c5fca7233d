import type { OnnxDim } from './onnxModel';

// MLM dim_order names must match /^[a-z-_]+$/ and be unique (schemas/mlm.ts dimOrderSchema). ONNX
// gives at best symbolic names (dim_param) or denotations, so everything here is a guess that the
// review dialog shows with its reason.

/** What the guess may use besides the dimensions themselves. */
export interface DimOrderContext {
  role: 'input' | 'output';
  /** TensorProto.DataType number: integer inputs of rank 2 are usually token ids. */
  elemType?: number;
  /** TypeProto.denotation: IMAGE, AUDIO, TEXT, TENSOR. */
  typeDenotation?: string;
  /** The tasks of the entry (an output's own tasks, else the item's): they pick output layouts. */
  tasks?: readonly string[];
  /** Length of the entry's non-empty `bands` list: MLM then requires a "bands" dimension. */
  bands?: number;
  /** Length of the entry's non-empty `variables` list: MLM then requires a "variables" dimension. */
  variables?: number;
}

export interface DimOrderGuess {
  dimOrder: string[];
  /** Why each name was chosen, in plain words, for the summary. */
  reasons: string[];
  /** Set when a reserved dimension had to be placed without a good candidate. */
  warning?: string;
}

const SYNONYMS: Readonly<Record<string, string>> = {
  n: 'batch',
  b: 'batch',
  bs: 'batch',
  batch: 'batch',
  batches: 'batch',
  batch_size: 'batch',
  batchsize: 'batch',
  nbatch: 'batch',
  c: 'channel',
  ch: 'channel',
  chan: 'channel',
  channel: 'channel',
  channels: 'channel',
  num_channels: 'channel',
  // "bands" and "variables" are reserved by MLM for entries that list them: they are only used
  // when the entry has such a list (see placeReserved), so here they are just channels.
  band: 'channel',
  bands: 'channel',
  variable: 'channel',
  variables: 'channel',
  h: 'height',
  height: 'height',
  rows: 'height',
  w: 'width',
  width: 'width',
  cols: 'width',
  seq: 'token',
  sequence: 'token',
  seq_len: 'token',
  seqlen: 'token',
  sequence_length: 'token',
  token: 'token',
  tokens: 'token',
  num_tokens: 'token',
  t: 'time',
  time: 'time',
  times: 'time',
  timesteps: 'time',
  time_steps: 'time',
  frames: 'time',
  num_frames: 'time',
  d: 'depth',
  depth: 'depth',
  class: 'class',
  classes: 'class',
  num_classes: 'class',
  n_classes: 'class',
  box: 'box',
  boxes: 'box',
  num_boxes: 'box',
  anchors: 'box',
  num_anchors: 'box',
  detections: 'box',
  num_detections: 'box',
  emb: 'embedding',
  embedding: 'embedding',
  embeddings: 'embedding',
  embed_dim: 'embedding',
  hidden: 'embedding',
  hidden_size: 'embedding',
  feature: 'embedding',
  features: 'embedding',
  num_features: 'embedding',
  lat: 'latitude',
  latitude: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  longitude: 'longitude',
  x: 'x',
  y: 'y',
  z: 'z',
};

const CONTAINS: readonly (readonly [string, string])[] = [
  ['batch', 'batch'],
  ['height', 'height'],
  ['width', 'width'],
  ['channel', 'channel'],
  ['band', 'channel'],
  ['variable', 'channel'],
  ['seq', 'token'],
  ['token', 'token'],
  ['time', 'time'],
  ['frame', 'time'],
  ['class', 'class'],
  ['box', 'box'],
  ['anchor', 'box'],
  ['detection', 'box'],
];

// Names exporters invent for dynamic axes carry no meaning: onnx shape inference (unk__314),
// paddle2onnx (p2o.DynamicDimension.0), torch dynamo (s0, s77), "Concat_1_dim_0" and the like.
const GENERATED = [
  /^unk/u,
  /dynamicdimension/u,
  /^s\d+$/u,
  /^(dim|sym|symbol|axis|d)_?\d+$/u,
  /(^|_)dim_?\d+$/u,
  /__d\d+$/u,
  /^[\d\W_]*$/u,
  /^(none|dynamic|unknown|undefined|null)$/u,
];

/**
 * A dim_order name for an ONNX symbolic dimension name: common spellings map to the MLM suggestions
 * ("N", "batch_size" → batch; "C" → channel; "seq_len" → token...), other names are kept with
 * digits and other characters stripped. Undefined when the name says nothing.
 */
export function normaliseDimName(param: string): string | undefined {
  const lower = param.trim().toLowerCase();
  if (GENERATED.some((re) => re.test(lower))) {
    return undefined;
  }
  const token = lower.replace(/[^a-z]+/gu, '_').replace(/^_+|_+$/gu, '');
  const known = SYNONYMS[token] ?? SYNONYMS[token.replace(/_/gu, '')];
  if (known) {
    return known;
  }
  const contained = CONTAINS.find(([part]) => token.includes(part));
  if (contained) {
    return contained[1];
  }
  // A lone unknown letter (k, m, ...) is more likely a maths symbol than a name worth keeping.
  return token.length >= 2 ? token.slice(0, 40) : undefined;
}

const DENOTATIONS: Readonly<Record<string, string>> = {
  DATA_BATCH: 'batch',
  DATA_CHANNEL: 'channel',
  DATA_TIME: 'time',
  DATA_FEATURE: 'embedding',
  FILTER_IN_CHANNEL: 'channel',
  FILTER_OUT_CHANNEL: 'channel',
};

/** A dim_order name for an ONNX dimension denotation (DATA_BATCH → batch...), if it names one. */
export function denotationDimName(denotation: string): string | undefined {
  const upper = denotation.trim().toUpperCase();
  if (upper === 'FILTER_SPATIAL' || upper === 'DATA_SPATIAL') {
    // Spatial says "height or width", which only the position can tell.
    return undefined;
  }
  const known = DENOTATIONS[upper];
  if (known) {
    return known;
  }
  const bare = upper.replace(/^(DATA|FILTER|IMAGE)_/u, '');
  return bare.length > 0 ? normaliseDimName(bare) : undefined;
}

const SEGMENTATION = /segmentation/u;
const DETECTION = /detection/u;
const hasTask = (ctx: DimOrderContext, re: RegExp) => (ctx.tasks ?? []).some((t) => re.test(t));
const INTEGER_TYPES = new Set([2, 3, 4, 5, 6, 7, 12, 13]);
// Channel/band counts of images and rasters are small next to their height and width.
const SMALL = 16;

interface Layout {
  names: (string | undefined)[];
  why: string;
}

type Size = number | undefined;

function imageLayouts(sizes: readonly Size[], ctx: DimOrderContext): Layout[] {
  const c = ctx.role === 'output' && hasTask(ctx, SEGMENTATION) ? 'class' : 'channel';
  const [, s1, s2, s3] = sizes;
  const nchw: Layout = {
    names: ['batch', c, 'height', 'width'],
    why: 'NCHW',
  };
  const nhwc: Layout = {
    names: ['batch', 'height', 'width', c],
    why: 'NHWC',
  };
  const lastIsSmall =
    s3 !== undefined &&
    (s1 === undefined || s3 < s1) &&
    (s3 <= SMALL || (s2 !== undefined && s3 < s2));
  if (lastIsSmall) {
    nhwc.why += ` (the last dimension, ${s3}, is small)`;
    return [nhwc, nchw];
  }
  nchw.why +=
    s1 !== undefined ? ` (dimension 1, ${s1}, is small)` : ' (the usual layout of ONNX exports)';
  return [nchw, nhwc];
}

function rank3Layouts(sizes: readonly Size[], ctx: DimOrderContext): Layout[] {
  const [s0, s1, s2] = sizes;
  const big = (s: Size) => s === undefined || s >= 32;
  const image = ctx.typeDenotation?.toUpperCase() === 'IMAGE';
  if (s0 !== undefined && s0 <= SMALL && big(s1) && big(s2) && (image || s1 !== undefined)) {
    return [{ names: ['channel', 'height', 'width'], why: 'an image without batch (CHW)' }];
  }
  if (s2 !== undefined && s2 <= SMALL && big(s0) && big(s1) && (image || s0 !== undefined)) {
    return [{ names: ['height', 'width', 'channel'], why: 'an image without batch (HWC)' }];
  }
  if (ctx.typeDenotation?.toUpperCase() === 'AUDIO') {
    return [{ names: ['batch', 'channel', 'time'], why: 'audio (batch, channel, time)' }];
  }
  const sequence: Layout = { names: ['batch', 'token', 'embedding'], why: 'a sequence of vectors' };
  if (ctx.role === 'output' && hasTask(ctx, DETECTION)) {
    return [{ names: ['batch', 'box', 'coordinate'], why: 'detection boxes' }, sequence];
  }
  if (ctx.role === 'output' && hasTask(ctx, SEGMENTATION)) {
    return [{ names: ['batch', 'height', 'width'], why: 'a segmentation mask' }, sequence];
  }
  return [sequence];
}

function rank2Layouts(sizes: readonly Size[], ctx: DimOrderContext): Layout[] {
  if (ctx.role === 'input') {
    const ints = ctx.elemType !== undefined && INTEGER_TYPES.has(ctx.elemType);
    return ints || ctx.typeDenotation?.toUpperCase() === 'TEXT'
      ? [{ names: ['batch', 'token'], why: 'token ids' }]
      : [{ names: ['batch', 'channel'], why: 'one value per band or feature' }];
  }
  const scores: Layout = { names: ['batch', 'class'], why: 'class scores' };
  // A mask has two large (or unknown) sides; [batch, 1] is a score, not a mask.
  const maskLike = sizes.every((s) => s === undefined || s > SMALL);
  if (hasTask(ctx, DETECTION)) {
    return [{ names: ['box', 'coordinate'], why: 'detection boxes' }, scores];
  }
  if (hasTask(ctx, SEGMENTATION) && maskLike) {
    return [{ names: ['height', 'width'], why: 'a segmentation mask' }, scores];
  }
  if (hasTask(ctx, /similarity-search/u)) {
    return [{ names: ['batch', 'embedding'], why: 'embeddings' }, scores];
  }
  return [scores];
}

function rank1Layouts(sizes: readonly Size[], ctx: DimOrderContext): Layout[] {
  if (sizes[0] === undefined) {
    return [{ names: ['batch'], why: 'a dynamic size is usually the batch' }];
  }
  if (ctx.role === 'output' && hasTask(ctx, /similarity-search/u)) {
    return [{ names: ['embedding'], why: 'an embedding' }];
  }
  if (ctx.role === 'output' && hasTask(ctx, /classification/u)) {
    return [{ names: ['class'], why: 'class scores' }];
  }
  return [];
}

function rank5Layouts(sizes: readonly Size[]): Layout[] {
  const [, s1, s2] = sizes;
  const bcthw: Layout = {
    names: ['batch', 'channel', 'time', 'height', 'width'],
    why: 'batch, channel, time, height, width',
  };
  const btchw: Layout = {
    names: ['batch', 'time', 'channel', 'height', 'width'],
    why: 'batch, time, channel, height, width (dimension 2 is small)',
  };
  return s2 !== undefined && s2 <= SMALL && (s1 === undefined || s1 > s2)
    ? [btchw, bcthw]
    : [bcthw, btchw];
}

function layoutsFor(sizes: readonly Size[], ctx: DimOrderContext): Layout[] {
  switch (sizes.length) {
    case 1:
      return rank1Layouts(sizes, ctx);
    case 2:
      return rank2Layouts(sizes, ctx);
    case 3:
      return rank3Layouts(sizes, ctx);
    case 4:
      return imageLayouts(sizes, ctx);
    case 5:
      return rank5Layouts(sizes);
    default:
      return [{ names: ['batch'], why: 'the first dimension is usually the batch' }];
  }
}

// channel, class and bands name the same kind of axis: a layout agrees with an explicit name for it.
const KIND: Readonly<Record<string, string>> = { class: 'channel', bands: 'channel' };
const kind = (name: string) => KIND[name] ?? name;

function agreement(layout: Layout, explicit: readonly (string | undefined)[]): number {
  return explicit.reduce((score, name, i) => {
    const guess = layout.names[i];
    if (name === undefined || guess === undefined) {
      return score;
    }
    if (kind(name) === kind(guess)) {
      return score + 1;
    }
    return layout.names.some((g) => g !== undefined && kind(g) === kind(name)) ? score - 1 : score;
  }, 0);
}

/** "b", "c", ... "z", "aa", "ab": letters only, because dim_order names may not hold digits. */
function letterSuffix(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  }
  return s;
}

/** `base`, else `base_b`, `base_c`... whichever is not taken yet. */
export function uniqueName(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) {
    return base;
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}_${letterSuffix(n)}`;
    if (!used.has(candidate)) {
      return candidate;
    }
  }
}

const quote = (s: string) => `“${s}”`;

function joinNames(names: readonly string[]): string {
  return names.join(', ');
}

/**
 * The list entry lists bands (variables), so MLM requires a dimension named "bands" ("variables").
 * The channel dimension is the natural place; else one whose size is the list's length.
 */
function placeReserved(
  order: string[],
  sizes: readonly Size[],
  reserved: 'bands' | 'variables',
  count: number,
  reasons: string[],
): string | undefined {
  if (order.includes(reserved)) {
    return undefined;
  }
  const byKind = order.findIndex((n) => n === 'channel' || /^channel_[a-z]+$/u.test(n));
  const free = (n: string | undefined) => n !== 'batch' && n !== 'bands' && n !== 'variables';
  const bySize = sizes.findIndex((s, i) => s === count && free(order[i]));
  const generic = order.findIndex((n) => /^dim(_[a-z]+)?$/u.test(n));
  const notBatch = order.findIndex(free);
  const found = [byKind, bySize, generic, notBatch].find((i) => i >= 0);
  const was = found === undefined ? undefined : order[found];
  if (found === undefined || was === undefined) {
    return `The entry lists ${count} ${reserved}, but every dimension is taken: MLM needs a "${reserved}" dimension, so add one or empty the list.`;
  }
  const at = found;
  order[at] = reserved;
  const list = `the entry lists ${count} ${reserved}`;
  if (byKind >= 0 || bySize >= 0) {
    reasons.push(`${quote(reserved)} instead of ${quote(was)}: ${list}`);
    return undefined;
  }
  reasons.push(`${quote(reserved)} put on dimension ${at} (was ${quote(was)}): ${list}`);
  return `The entry lists ${count} ${reserved}, but no dimension looks like them: check which dimension holds the ${reserved}.`;
}

/**
 * A dim_order for an ONNX tensor: each dimension is named from its denotation, else its symbolic
 * name, else the usual layout for its rank and sizes, else a generic "dim" name; duplicates get
 * letter suffixes. Always valid for MLM (letters, "-" and "_", unique), one name per dimension.
 */
export function guessDimOrder(dims: readonly OnnxDim[], ctx: DimOrderContext): DimOrderGuess {
  const reasons: string[] = [];
  const sizes: Size[] = dims.map((d) =>
    typeof d.value === 'number' && Number.isSafeInteger(d.value) && d.value > 0
      ? d.value
      : undefined,
  );
  const explicit: (string | undefined)[] = [];
  const fromDenotation: string[] = [];
  const fromParam: string[] = [];
  // ONNX denotes an image's height and width as features ([DATA_BATCH, DATA_CHANNEL,
  // DATA_FEATURE, DATA_FEATURE]): several feature dims, or an IMAGE, are spatial, not embeddings.
  const isFeature = (d: OnnxDim) => d.denotation?.trim().toUpperCase() === 'DATA_FEATURE';
  const spatialFeatures =
    ctx.typeDenotation?.toUpperCase() === 'IMAGE' || dims.filter(isFeature).length >= 2;
  dims.forEach((d, i) => {
    const byDenotation =
      d.denotation && !(spatialFeatures && isFeature(d))
        ? denotationDimName(d.denotation)
        : undefined;
    const byParam = d.param ? normaliseDimName(d.param) : undefined;
    explicit[i] = byDenotation ?? byParam;
    if (byDenotation && d.denotation) {
      fromDenotation.push(`${byDenotation} from denotation ${d.denotation}`);
    } else if (byParam && d.param) {
      fromParam.push(`${byParam} from the symbolic name ${quote(d.param)}`);
    }
  });
  if (fromDenotation.length > 0) {
    reasons.push(fromDenotation.join('; '));
  }
  if (fromParam.length > 0) {
    reasons.push(fromParam.join('; '));
  }

  const candidates = layoutsFor(sizes, ctx);
  let layout: Layout | undefined;
  for (const c of candidates) {
    if (layout === undefined || agreement(c, explicit) > agreement(layout, explicit)) {
      layout = c;
    }
  }

  const used = new Set<string>();
  const order: string[] = [];
  const fromLayout: string[] = [];
  const duplicates: string[] = [];
  const generic: string[] = [];
  // Explicit names claim their spot first, so a layout guess never takes a name the file gives.
  const claimed = new Set(explicit.filter((n): n is string => n !== undefined));
  dims.forEach((_, i) => {
    const name = explicit[i];
    if (name !== undefined) {
      const unique = uniqueName(name, used);
      if (unique !== name) {
        duplicates.push(`${quote(unique)}: a second dimension named ${name}`);
      }
      order[i] = unique;
      used.add(unique);
      return;
    }
    const guess = layout?.names[i];
    if (guess !== undefined && !claimed.has(guess) && !used.has(guess)) {
      order[i] = guess;
      used.add(guess);
      fromLayout.push(guess);
      return;
    }
    const unique = uniqueName('dim', used);
    order[i] = unique;
    used.add(unique);
    generic.push(unique);
  });
  if (fromLayout.length > 0 && layout) {
    reasons.push(`${joinNames(fromLayout)} guessed from the usual layout: ${layout.why}`);
  }
  if (duplicates.length > 0) {
    reasons.push(duplicates.join('; '));
  }
  if (generic.length > 0) {
    reasons.push(
      `${joinNames(generic)}: nothing in the file names ${generic.length > 1 ? 'these dimensions' : 'this dimension'}, please rename`,
    );
  }

  const warnings: string[] = [];
  for (const key of ['bands', 'variables'] as const) {
    const count = ctx[key];
    if (count !== undefined && count > 0) {
      const w = placeReserved(order, sizes, key, count, reasons);
      if (w) {
        warnings.push(w);
      }
    }
  }
  return {
    dimOrder: order,
    reasons,
    ...(warnings.length > 0 ? { warning: warnings.join(' ') } : {}),
  };
}
