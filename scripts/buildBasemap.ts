import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { feature, mesh } from 'topojson-client';

import { type BasemapGeometry, prepareBasemapGeometry } from './cutAtAntimeridian';

// The offline basemap: Natural Earth 1:110m (public domain) from the world-atlas package (ISC),
// converted at build time so the repository holds no generated data. The app serves the result
// from public/basemap/ and never fetches a tile, glyph or sprite.

/** 3 decimals is about 100 m: finer than the 1:110m source, and it keeps the files small. */
const DECIMALS = 3;

const require = createRequire(import.meta.url);

/** topojson-client's own type for a topology, without depending on its types package directly. */
type Topology = Parameters<typeof mesh>[0];

function readTopology(file: string): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology;
}

function featureCollection(geometry: BasemapGeometry | null, kind: string) {
  return {
    type: 'FeatureCollection',
    features: geometry ? [{ type: 'Feature', properties: { kind }, geometry }] : [],
  };
}

/** The land as one MultiPolygon, cut at ±180° and clamped to Web Mercator's range. */
function buildLand(): ReturnType<typeof featureCollection> {
  const topology = readTopology('land-110m.json');
  const land = topology.objects.land;
  if (!land) {
    throw new Error('world-atlas land-110m.json has no "land" object.');
  }
  const converted = feature(topology, land);
  const features = 'features' in converted ? converted.features : [converted];
  const polygons = features.flatMap((f) => {
    const g = f.geometry as BasemapGeometry | null;
    if (g?.type === 'Polygon') {
      return [g.coordinates];
    }
    return g?.type === 'MultiPolygon' ? g.coordinates : [];
  });
  return featureCollection(
    prepareBasemapGeometry({ type: 'MultiPolygon', coordinates: polygons }, DECIMALS),
    'land',
  );
}

/**
 * Borders between countries, each shared edge once (a topological mesh): half the size of the
 * country polygons, and the coast is already the land's edge.
 */
function buildBorders(): ReturnType<typeof featureCollection> {
  const topology = readTopology('countries-110m.json');
  const countries = topology.objects.countries;
  if (!countries) {
    throw new Error('world-atlas countries-110m.json has no "countries" object.');
  }
  const borders = mesh(
    topology,
    countries as Parameters<typeof mesh>[1],
    (a, b) => a !== b,
  ) as BasemapGeometry;
  return featureCollection(prepareBasemapGeometry(borders, DECIMALS), 'border');
}

/** Writes land.geojson and countries.geojson into `outDir`; returns their sizes in bytes. */
export function writeBasemap(outDir: string): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const [name, data] of [
    ['land.geojson', buildLand()],
    ['countries.geojson', buildBorders()],
  ] as const) {
    const text = JSON.stringify(data);
    writeFileSync(path.join(outDir, name), text);
    sizes[name] = Buffer.byteLength(text);
  }
  return sizes;
}

/** Where the app serves the basemap from (Vite copies public/ into the build). */
export const BASEMAP_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../public/basemap',
);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = writeBasemap(BASEMAP_DIR);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `basemap: ${Object.entries(sizes)
      .map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KB`)
      .join(
        ', ',
      )} (${(total / 1024).toFixed(0)} KB) in ${path.relative(process.cwd(), BASEMAP_DIR)}\n`,
  );
}
