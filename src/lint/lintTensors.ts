import type { Finding } from '../../schemas/finding';
import { DIM_ORDER_NAMES } from '../../schemas/mlm';
import { isRecord } from '../../schemas/isRecord';
import { lintFinding, type Tensor } from './lintFinding';

// The reserved names would trigger the schema's bands/variables cross-checks, so padding never uses them.
const RESERVED = ['bands', 'variables'];

function padNames(dimOrder: readonly unknown[], count: number): string[] {
  const used = new Set(dimOrder.filter((d): d is string => typeof d === 'string'));
  const pool = DIM_ORDER_NAMES.filter((n) => !RESERVED.includes(n) && !used.has(n));
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    // dim-a … dim-z, then dim-a1 … dim-z1 and so on: every candidate is new, so a shape with
    // hundreds of dimensions still gets its names (cycling through 26 letters never finished).
    const k = i - pool.length;
    const candidate =
      pool[i] ?? `dim-${String.fromCharCode(97 + (k % 26))}${k >= 26 ? Math.floor(k / 26) : ''}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      names.push(candidate);
    }
  }
  return names;
}

/** Drops names from the end, but keeps `bands`/`variables` that the schema cross-checks. */
function truncateNames(dimOrder: readonly unknown[], length: number): unknown[] {
  const kept = [...dimOrder];
  for (let i = kept.length - 1; i >= 0 && kept.length > length; i--) {
    if (!RESERVED.includes(String(kept[i]))) {
      kept.splice(i, 1);
    }
  }
  return kept.slice(0, length);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function hasProcessing(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** L1 and L2: each dimension is > 0 or -1, and dim_order names every dimension. */
function shapeRules(t: Tensor): Finding[] {
  const findings: Finding[] = [];
  const struct = `${t.at}/${t.structKey}`;
  t.shape?.forEach((size, j) => {
    if (size === 0) {
      findings.push(
        lintFinding(
          'error',
          1,
          `${struct}/shape/${j}`,
          `Dimension ${j} of the shape is 0; every dimension must be greater than 0, or -1 for "any size".`,
        ),
      );
    }
  });
  if (t.shape && t.dimOrder && t.dimOrder.length > 0 && t.shape.length !== t.dimOrder.length) {
    const want = t.shape.length;
    const value =
      t.dimOrder.length < want
        ? [...t.dimOrder, ...padNames(t.dimOrder, want - t.dimOrder.length)]
        : truncateNames(t.dimOrder, want);
    findings.push(
      lintFinding(
        'error',
        2,
        `${struct}/dim_order`,
        `dim_order has ${t.dimOrder.length} names but the shape has ${want} dimensions; give exactly one name per dimension, in the same order.`,
        {
          label: 'Make dim_order as long as the shape',
          operations: [{ op: 'set', path: `${struct}/dim_order`, value }],
        },
      ),
    );
  }
  return findings;
}

/** The size of the dimension called `name`, when it is a fixed size. */
function dimSize(t: Tensor, name: string): { index: number; size: number } | undefined {
  const index = t.dimOrder?.indexOf(name) ?? -1;
  const size = index >= 0 ? t.shape?.[index] : undefined;
  return isInt(size) ? { index, size } : undefined;
}

/** L4: the bands (or variables) dimension holds one entry per listed band (or variable). */
function bandDimRules(t: Tensor): Finding[] {
  const findings: Finding[] = [];
  const struct = `${t.at}/${t.structKey}`;
  const processing = t.kind === 'input' ? t.value.pre_processing_function : undefined;
  for (const key of ['bands', 'variables'] as const) {
    const list = t.value[key];
    if (!Array.isArray(list) || list.length === 0) {
      continue;
    }
    const dim = dimSize(t, key);
    // A pre-processing function may combine bands (item_multi_io's NDVI turns 2 bands into 1).
    if (dim && dim.size !== -1 && dim.size !== list.length && !hasProcessing(processing)) {
      findings.push(
        lintFinding(
          'warning',
          4,
          `${struct}/shape/${dim.index}`,
          `The "${key}" dimension has size ${dim.size}, but ${list.length} ${key} are listed; make them match (or use -1, or describe how they are combined in pre_processing_function).`,
          {
            label: `Set the ${key} dimension to ${list.length}`,
            operations: [{ op: 'set', path: `${struct}/shape/${dim.index}`, value: list.length }],
          },
        ),
      );
    }
  }
  const bands = t.value.bands;
  if (Array.isArray(bands) && bands.length > 0 && t.dimOrder && !t.dimOrder.includes('bands')) {
    const channel = dimSize(t, 'channel');
    if (channel && (channel.size === bands.length || channel.size === -1)) {
      findings.push(
        lintFinding(
          'warning',
          4,
          `${struct}/dim_order/${channel.index}`,
          `${bands.length} bands are listed but dim_order has no "bands" dimension; the "channel" dimension looks like it holds them, so name it "bands".`,
          {
            label: 'Rename "channel" to "bands"',
            operations: [
              { op: 'set', path: `${struct}/dim_order/${channel.index}`, value: 'bands' },
            ],
          },
        ),
      );
    }
  }
  return findings;
}

/** L3: one scaling for all, or one per band/channel. */
function scalingCountRule(t: Tensor): Finding[] {
  const scaling = t.value.value_scaling;
  if (t.kind !== 'input' || !Array.isArray(scaling) || scaling.length <= 1) {
    return [];
  }
  const bands = t.value.bands;
  const variables = t.value.variables;
  const fromDims = ['bands', 'channel', 'variables']
    .map((n) => dimSize(t, n)?.size)
    .find((s) => s !== undefined && s > 0);
  const expected =
    Array.isArray(bands) && bands.length > 0
      ? bands.length
      : (fromDims ??
        (Array.isArray(variables) && variables.length > 0 ? variables.length : undefined));
  if (expected === undefined || scaling.length === expected) {
    return [];
  }
  const path = `${t.at}/value_scaling`;
  return [
    lintFinding(
      'warning',
      3,
      path,
      `value_scaling has ${scaling.length} entries, but there are ${expected} bands/channels; give a single entry for all of them or exactly one per band/channel.`,
      scaling.length > expected
        ? {
            label: `Keep only the first ${expected} value_scaling entries`,
            operations: [{ op: 'set', path, value: scaling.slice(0, expected) }],
          }
        : undefined,
    ),
  ];
}

/** L26: a scaling that divides by zero, or an empty range. */
function scalingValueRules(t: Tensor): Finding[] {
  const scaling = t.value.value_scaling;
  if (t.kind !== 'input' || !Array.isArray(scaling)) {
    return [];
  }
  const findings: Finding[] = [];
  scaling.forEach((s: unknown, j) => {
    if (!isRecord(s)) {
      return;
    }
    const at = `${t.at}/value_scaling/${j}`;
    const { type, minimum, maximum } = s;
    if (type === 'z-score' && s.stddev === 0) {
      findings.push(
        lintFinding(
          'error',
          26,
          `${at}/stddev`,
          'stddev is 0, so z-score scaling divides by zero; use the real standard deviation of the data.',
        ),
      );
    }
    if (type === 'scale' && s.value === 0) {
      findings.push(
        lintFinding(
          'error',
          26,
          `${at}/value`,
          'The scale value is 0, so scaling divides by zero; use a non-zero divisor.',
        ),
      );
    }
    if (typeof minimum === 'number' && typeof maximum === 'number') {
      if (type === 'min-max' && minimum === maximum) {
        findings.push(
          lintFinding(
            'error',
            26,
            `${at}/maximum`,
            `minimum and maximum are both ${minimum}, so min-max scaling divides by zero; use the real range of the data.`,
          ),
        );
      } else if (minimum > maximum) {
        findings.push(
          lintFinding(
            'warning',
            26,
            `${at}/maximum`,
            `minimum (${minimum}) is greater than maximum (${maximum}); swap them.`,
            {
              label: 'Swap minimum and maximum',
              operations: [
                { op: 'set', path: `${at}/minimum`, value: maximum },
                { op: 'set', path: `${at}/maximum`, value: minimum },
              ],
            },
          ),
        );
      }
    }
  });
  return findings;
}

const CLASS_DIMS = ['class', 'classes'];

/**
 * L31 (an editor addition, next to L4): the class dimension of an output holds one score per class.
 * Not in the spec notes' table, so it gets the next free number.
 */
function classCountRule(t: Tensor): Finding[] {
  const classes = t.value['classification:classes'];
  if (t.kind !== 'output' || !Array.isArray(classes) || classes.length === 0) {
    return [];
  }
  const dim = CLASS_DIMS.map((n) => dimSize(t, n)).find((d) => d !== undefined);
  if (!dim || dim.size === -1 || dim.size === classes.length) {
    return [];
  }
  const path = `${t.at}/result/shape/${dim.index}`;
  return [
    lintFinding(
      'warning',
      31,
      path,
      `The class dimension has size ${dim.size}, but classification:classes lists ${classes.length} classes; make them match (or use -1).`,
      {
        label: `Set the class dimension to ${classes.length}`,
        operations: [{ op: 'set', path, value: classes.length }],
      },
    ),
  ];
}

/** Rules about one input or output tensor: L1, L2, L3, L4, L26 and L31. */
export function lintTensors(tensors: readonly Tensor[]): Finding[] {
  return tensors.flatMap((t) => [
    ...shapeRules(t),
    ...scalingCountRule(t),
    ...bandDimRules(t),
    ...scalingValueRules(t),
    ...classCountRule(t),
  ]);
}
