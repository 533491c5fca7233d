import { isRecord } from '../../../schemas/isRecord';

/**
 * Band names the item describes, for suggestions: raster:bands and eo:bands of the assets (form
 * state keeps assets as {key, value} entries), plus eo:bands and STAC 1.1 bands in the properties.
 */
export function bandNamesOf(assets: unknown, properties: unknown): string[] {
  const names = new Set<string>();
  const collect = (list: unknown) => {
    if (Array.isArray(list)) {
      for (const band of list) {
        if (isRecord(band) && typeof band.name === 'string' && band.name !== '') {
          names.add(band.name);
        }
      }
    }
  };
  if (Array.isArray(assets)) {
    for (const entry of assets) {
      const asset = isRecord(entry) ? entry.value : undefined;
      if (isRecord(asset)) {
        collect(asset['raster:bands']);
        collect(asset['eo:bands']);
        collect(asset.bands);
      }
    }
  }
  if (isRecord(properties)) {
    collect(properties['eo:bands']);
    collect(properties.bands);
  }
  return [...names];
}

/** Variable names the item describes: the keys of cube:variables in the properties or on assets. */
export function variableNamesOf(assets: unknown, properties: unknown): string[] {
  const names = new Set<string>();
  const collect = (holder: unknown) => {
    if (isRecord(holder) && isRecord(holder['cube:variables'])) {
      Object.keys(holder['cube:variables']).forEach((k) => names.add(k));
    }
  };
  collect(properties);
  if (Array.isArray(assets)) {
    assets.forEach((entry) => collect(isRecord(entry) ? entry.value : undefined));
  }
  return [...names];
}
