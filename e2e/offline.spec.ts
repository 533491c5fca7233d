import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { runMainFlows } from './mainFlows';
import { watchPage } from './support';
import { watchCsp } from './watchCsp';

// "Nothing you open or paste leaves the page": every main flow talks to the server the app came
// from and to nothing else: no CDN, font, tile or telemetry request from the page, its workers
// or a service worker. And the build holds no URL it could fetch from elsewhere.

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');

test('every main flow requests nothing but the app’s own origin', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? '').origin;
  const requested: string[] = [];
  const routed: string[] = [];
  const serviceWorkers: string[] = [];
  // Two views of the traffic: the requests the browser reports (page, dedicated and service
  // workers) and those the network layer lets through the context's route.
  context.on('request', (request) => requested.push(request.url()));
  await context.route('**/*', async (route) => {
    routed.push(route.request().url());
    await route.fallback();
  });
  page.on('websocket', (socket) => requested.push(socket.url()));
  context.on('serviceworker', (worker) => serviceWorkers.push(worker.url()));
  const problems = watchPage(page);
  const violations = await watchCsp(page);

  await runMainFlows(page);

  const elsewhere = [...requested, ...routed].filter((url) => {
    const { protocol } = new URL(url);
    // Downloads, the hashed file and maplibre's decoded images are data: and blob: URLs.
    return protocol !== 'data:' && protocol !== 'blob:' && new URL(url).origin !== origin;
  });
  expect([...new Set(elsewhere)]).toEqual([]);
  expect(serviceWorkers).toEqual([]);
  // The recorder saw the workers' own requests too: maplibre's worker loads the basemap, and the
  // ONNX worker's script is requested by the page.
  const paths = requested.map((url) => new URL(url).pathname);
  expect(paths).toContain('/basemap/land.geojson');
  expect(paths.some((p) => /\/onnxWorker-[\w-]+\.js$/u.test(p))).toBe(true);
  expect(paths.some((p) => /\/maplibre-gl-worker-[\w-]+\.mjs$/u.test(p))).toBe(true);
  expect(routed.length).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});

// URLs in the build that are never fetched: identifiers (XML namespaces, JSON Schema and STAC
// extension ids the item names; validation is offline), links a person may follow (spec pages,
// error decoders, the map attribution) and text. Any other host fails the test so that whoever
// adds a dependency checks whether the app would fetch from it.
const NEVER_FETCHED_HOSTS = new Set([
  'www.w3.org',
  'json-schema.org',
  'stac-extensions.github.io',
  'schemas.stacspec.org',
  'github.com',
  'git-lfs.github.com',
  'example.com',
  'react.dev',
  'mui.com',
  'maplibre.org',
  'wiki.openstreetmap.org',
  'datatracker.ietf.org',
  'doi.org',
  'www.npmjs.com',
  // maplibre parses attribution links against this reserved (unresolvable) name.
  'maplibre.invalid',
]);
const NEVER_FETCHED_URLS = new Set([
  // terra-draw's marker mode icon; the map registers point mode, which draws circles.
  'https://raw.githubusercontent.com/JamesLMilner/terra-draw/refs/heads/main/assets/markers/marker-blue.png',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });
}

test('the build loads no font, script, style or asset from a CDN', () => {
  const files = filesUnder(DIST).filter((file) =>
    /\.(html|js|mjs|css|json|geojson|svg|webmanifest)$/u.test(file),
  );
  expect(files.some((file) => file.endsWith('index.html'))).toBe(true);
  const offending: string[] = [];
  for (const file of files) {
    const name = path.relative(DIST, file);
    // Regular expressions in the bundle escape their dots; unescape so hosts read as written.
    const text = readFileSync(file, 'utf8').replace(/\\+\./gu, '.');
    if (file.endsWith('.html')) {
      for (const [tag] of text.matchAll(
        /<[^>]+\b(?:src|href|srcset)=["']?(?:https?:)?\/\/[^>]*>/giu,
      )) {
        offending.push(`${name}: ${tag}`);
      }
    }
    if (file.endsWith('.css')) {
      for (const [rule] of text.matchAll(/url\(\s*["']?(?:https?:)?\/\/[^)]*\)|@import[^;]*/giu)) {
        offending.push(`${name}: ${rule}`);
      }
    }
    for (const [url] of text.matchAll(/https?:\/\/[^\s"'`()<>\\]+/gu)) {
      // A host filled in at run time (zod's URL normaliser) names no server to look for here; what
      // it becomes is checked by the request recorder above.
      if (/^https?:\/\/\[?\$\{/u.test(url)) {
        continue;
      }
      let host: string;
      try {
        host = new URL(url).hostname;
      } catch {
        offending.push(`${name}: ${url} (not a URL)`);
        continue;
      }
      if (!NEVER_FETCHED_HOSTS.has(host) && !NEVER_FETCHED_URLS.has(url)) {
        offending.push(`${name}: ${url}`);
      }
    }
  }
  expect(offending).toEqual([]);
});
