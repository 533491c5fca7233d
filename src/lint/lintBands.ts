import type { Finding } from '../../schemas/finding';
import { isRecord } from '../../schemas/isRecord';
import {
  entryName,
  lintFinding,
  pointer,
  records,
  referencedName,
  strings,
  type Tensor,
} from './lintFinding';

const BAND_SOURCES = ['eo:bands', 'raster:bands', 'bands'] as const;

/** The item properties and every asset: band sources may sit on any of them. */
function holders(item: Record<string, unknown>): Record<string, unknown>[] {
  const props = isRecord(item.properties) ? [item.properties] : [];
  const assets = isRecord(item.assets) ? Object.values(item.assets).filter(isRecord) : [];
  return [...props, ...assets];
}

function bandNames(item: Record<string, unknown>): Set<string> | undefined {
  const sources = holders(item).flatMap((h) =>
    BAND_SOURCES.map((k) => h[k]).filter((v) => Array.isArray(v) && v.length > 0),
  );
  if (sources.length === 0) {
    return undefined;
  }
  return new Set(
    sources.flatMap((s) =>
      records(s)
        .map(entryName)
        .filter((n) => n !== undefined),
    ),
  );
}

function variableNames(item: Record<string, unknown>): Set<string> | undefined {
  const cubes = holders(item)
    .map((h) => h['cube:variables'])
    .filter(isRecord);
  return cubes.length === 0 ? undefined : new Set(cubes.flatMap((c) => Object.keys(c)));
}

/**
 * Band/variable references: L5 (names exist), L6 (a source exists), L17 (bands and variables use
 * distinct names), L18 (datacube dimensions) and L19 (eo/raster v1 and named raster bands).
 * L5 is a warning, not the spec notes' error: item_multi_io names its raster bands "B04 - red" while
 * its inputs say "B04", and item_datacube_variables lists "temperature_2m" against "2m_temperature".
 */
export function lintBands(item: Record<string, unknown>, tensors: readonly Tensor[]): Finding[] {
  const findings: Finding[] = [];
  const known = { bands: bandNames(item), variables: variableNames(item) };
  const sourceWord = {
    bands: 'eo:bands, raster:bands or bands (in the properties or on an asset)',
    variables: 'cube:variables',
  };
  let usesVariables = false;
  let usesBands = false;
  for (const t of tensors) {
    for (const key of ['bands', 'variables'] as const) {
      const list = t.value[key];
      if (!Array.isArray(list) || list.length === 0) {
        continue;
      }
      if (key === 'bands') {
        usesBands = true;
      } else {
        usesVariables = true;
      }
      const names = known[key];
      if (!names) {
        findings.push(
          lintFinding(
            'error',
            6,
            `${t.at}/${key}`,
            `This ${t.kind} lists ${list.length} ${key}, but the item has no ${sourceWord[key]} describing them; add one.`,
          ),
        );
        continue;
      }
      list.forEach((entry: unknown, j) => {
        const name = referencedName(entry);
        if (name !== undefined && !names.has(name)) {
          findings.push(
            lintFinding(
              'warning',
              5,
              `${t.at}/${key}/${j}`,
              `"${name}" is not among the names in ${sourceWord[key]}; use one of: ${[...names].join(', ') || '(none)'}.`,
            ),
          );
        }
      });
    }
    const bandSet = new Set<string>();
    for (const b of Array.isArray(t.value.bands) ? t.value.bands : []) {
      const n = entryName(b);
      if (n !== undefined) {
        bandSet.add(n);
      }
    }
    (Array.isArray(t.value.variables) ? t.value.variables : []).forEach((v: unknown, j) => {
      const n = entryName(v);
      if (n !== undefined && bandSet.has(n)) {
        findings.push(
          lintFinding(
            'warning',
            17,
            `${t.at}/variables/${j}`,
            `"${n}" is both a band and a variable of this ${t.kind}; give them distinct names.`,
          ),
        );
      }
    });
  }
  const hasDimensions = holders(item).some((h) => isRecord(h['cube:dimensions']));
  if (usesVariables && !hasDimensions) {
    findings.push(
      lintFinding(
        'warning',
        18,
        '/properties',
        'The model uses datacube variables, but there is no cube:dimensions; describe the datacube dimensions too.',
      ),
    );
  }
  if (usesBands) {
    strings(item.stac_extensions).forEach((url, i) => {
      if (/^https:\/\/stac-extensions\.github\.io\/(eo|raster)\/v[2-9]/u.test(url)) {
        findings.push(
          lintFinding(
            'warning',
            19,
            pointer('stac_extensions', i),
            `MLM only reads bands from eo and raster v1.x; ${url} does not count as a band source.`,
          ),
        );
      }
    });
    if (isRecord(item.assets)) {
      for (const [key, asset] of Object.entries(item.assets)) {
        if (!isRecord(asset) || !Array.isArray(asset['raster:bands'])) {
          continue;
        }
        asset['raster:bands'].forEach((b: unknown, j) => {
          if (isRecord(b) && typeof b.name !== 'string') {
            findings.push(
              lintFinding(
                'warning',
                19,
                pointer('assets', key, 'raster:bands', j),
                `Raster band ${j} of asset "${key}" has no name; MLM refers to bands by name, so add one.`,
              ),
            );
          }
        });
      }
    }
  }
  return findings;
}
