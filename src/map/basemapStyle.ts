import type { StyleSpecification } from 'maplibre-gl';

/** Basemap colours, also used by the e2e test to tell land from sea in a screenshot. */
export const BASEMAP_COLORS = {
  ocean: '#cfe3f1',
  land: '#f3efe4',
  border: '#b7a99a',
} as const;

/**
 * The offline basemap: Natural Earth land and borders from GeoJSON the build puts in
 * public/basemap (scripts/buildBasemap.ts). No tiles, glyphs or sprites, so nothing is fetched
 * from elsewhere and there are no text labels (labels would need glyphs).
 *
 * @param baseUrl where the app is served from (Vite's BASE_URL, made absolute), ending in "/".
 */
export function offlineBasemapStyle(baseUrl: string): StyleSpecification {
  return {
    version: 8,
    name: 'Offline Natural Earth',
    sources: {
      land: {
        type: 'geojson',
        data: new URL('basemap/land.geojson', baseUrl).href,
        attribution: 'Natural Earth',
      },
      borders: { type: 'geojson', data: new URL('basemap/countries.geojson', baseUrl).href },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': BASEMAP_COLORS.ocean } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASEMAP_COLORS.land } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.7 },
      },
    ],
  };
}
