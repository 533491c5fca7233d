import { existsSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

import { BASEMAP_DIR, writeBasemap } from '../scripts/buildBasemap';
import { BASEMAP_COLORS } from '../src/map/basemapStyle';
import { type Bbox, drag, type LonLat, mapProjection, pixelAt } from './mapSupport';
import { watchPage } from './support';

// The footprint map on its demo page (src/map/demo): the offline basemap, drawing with the mouse,
// geometry set from outside, deleting. Like e2e/form.spec.ts it serves the demo with its own Vite
// dev server; public/ is the app's, so /basemap/*.geojson is served exactly as in the app.

let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  // `npm run e2e` builds the basemap first; a bare `npx playwright test` may not have.
  if (!existsSync(path.join(BASEMAP_DIR, 'land.geojson'))) {
    writeBasemap(BASEMAP_DIR);
  }
  server = await createServer({
    configFile: path.resolve('vite.config.ts'),
    root: path.resolve('src/map/demo'),
    publicDir: path.resolve('public'),
    server: { host: '127.0.0.1', port: 5198, strictPort: false },
    logLevel: 'error',
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5198/';
});

test.afterAll(async () => {
  await server.close();
});

const hexToRgb = (hex: string) =>
  [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const near = (a: readonly number[], b: readonly number[], tolerance = 8) =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

async function openDemo(page: Page) {
  const problems = watchPage(page);
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Footprint map' })).toHaveAttribute(
    'data-map-ready',
    'true',
    { timeout: 30_000 },
  );
  return problems;
}

/** The geometry the demo received last through onChange (or set from outside). */
async function shownGeometry(page: Page): Promise<{ type: string; coordinates: unknown } | null> {
  return JSON.parse((await page.getByTestId('geometry').textContent()) ?? 'null') as {
    type: string;
    coordinates: unknown;
  } | null;
}

function bboxOf(coordinates: unknown): Bbox {
  const flat = (JSON.stringify(coordinates).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  const lons = flat.filter((_, i) => i % 2 === 0);
  const lats = flat.filter((_, i) => i % 2 === 1);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function expectBbox(actual: Bbox, expected: Bbox, tolerance: number) {
  actual.forEach((value, i) =>
    expect(Math.abs(value - (expected[i] ?? 0))).toBeLessThan(tolerance),
  );
}

test('renders the offline basemap: land and sea in their colours', async ({ page }) => {
  const problems = await openDemo(page);
  const map = await mapProjection(page);
  const land = hexToRgb(BASEMAP_COLORS.land);
  const ocean = hexToRgb(BASEMAP_COLORS.ocean);
  const places: [string, LonLat, [number, number, number]][] = [
    ['Chad', [18, 15], land],
    ['Brazil', [-52, -8], land],
    ['Siberia', [100, 62], land],
    ['Pacific', [-140, 0], ocean],
    ['South Atlantic', [-25, -30], ocean],
    ['Indian Ocean', [75, -20], ocean],
  ];
  for (const [name, lonLat, colour] of places) {
    const { x, y } = map.toPage(lonLat);
    const actual = await pixelAt(page, x, y);
    expect(near(actual, colour), `${name} at ${lonLat.join(',')}: ${actual.join(',')}`).toBe(true);
  }
  await page.screenshot({ path: test.info().outputPath('basemap.png') });
  expect(problems).toEqual([]);
});

test('draws rectangles with the mouse and reports them once each, as one geometry', async ({
  page,
}) => {
  const problems = await openDemo(page);
  const rectangle = page.getByRole('button', { name: 'Draw rectangle' });
  await rectangle.click();
  await expect(rectangle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Select and edit' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  const map = await mapProjection(page);
  const tolerance = 3 * map.degreesPerPixel;
  await drag(page, map.toPage([10, 10]), map.toPage([40, 40]));
  await expect(page.getByTestId('change-count')).toHaveText('1');
  const first = await shownGeometry(page);
  expect(first?.type).toBe('Polygon');
  expectBbox(bboxOf(first?.coordinates), [10, 10, 40, 40], tolerance);

  // Clicking two corners works too, and a second area makes the footprint a MultiPolygon.
  await page.mouse.click(map.toPage([-60, -30]).x, map.toPage([-60, -30]).y);
  await page.mouse.move(map.toPage([-40, -10]).x, map.toPage([-40, -10]).y, { steps: 5 });
  await page.mouse.click(map.toPage([-40, -10]).x, map.toPage([-40, -10]).y);
  await expect(page.getByTestId('change-count')).toHaveText('2');
  const both = await shownGeometry(page);
  expect(both?.type).toBe('MultiPolygon');
  const [one, two] = both?.coordinates as unknown[];
  expectBbox(bboxOf(one), [10, 10, 40, 40], tolerance);
  expectBbox(bboxOf(two), [-60, -30, -40, -10], tolerance);

  // Moving a shape in select mode reports once, when the drag ends.
  await page.getByRole('button', { name: 'Select and edit' }).click();
  await page.mouse.click(map.toPage([25, 25]).x, map.toPage([25, 25]).y);
  await expect(page.getByRole('button', { name: 'Delete selected' })).toBeEnabled();
  await drag(page, map.toPage([25, 25]), map.toPage([45, 25]));
  await expect(page.getByTestId('change-count')).toHaveText('3');
  const moved = await shownGeometry(page);
  const [shifted] = moved?.coordinates as unknown[];
  expectBbox(bboxOf(shifted), [30, 10, 60, 40], tolerance);

  await page.screenshot({ path: test.info().outputPath('drawn.png') });
  expect(problems).toEqual([]);
});

test('shows a geometry set from outside, selects it and deletes it', async ({ page }) => {
  const problems = await openDemo(page);
  await page.getByRole('button', { name: 'Set example footprint' }).click();
  const region = page.getByRole('region', { name: 'Footprint map' });
  // The map fits the new footprint (western Europe), so the view shrinks to around it.
  await expect
    .poll(async () => Number((await region.getAttribute('data-map-bounds'))?.split(',')[0]))
    .toBeGreaterThan(-30);
  const map = await mapProjection(page);
  const centre = map.toPage([2.5, 47]);
  // The footprint's translucent orange over the land colour.
  await expect
    .poll(async () => {
      const [r, g, b] = await pixelAt(page, centre.x, centre.y);
      return r > g + 20 && g > b;
    })
    .toBe(true);
  await page.screenshot({ path: test.info().outputPath('outside.png') });

  const deleteButton = page.getByRole('button', { name: 'Delete selected' });
  await expect(deleteButton).toBeDisabled();
  await page.mouse.click(centre.x, centre.y);
  await expect(deleteButton).toBeEnabled();
  await deleteButton.click();
  await expect(page.getByTestId('geometry')).toHaveText('null');
  await expect(page.getByTestId('change-count')).toHaveText('1');

  // Points from outside become one feature each; deleting one leaves a Point.
  await page.getByRole('button', { name: 'Set two points' }).click();
  await expect
    .poll(async () => Number((await region.getAttribute('data-map-bounds'))?.split(',')[0]))
    .toBeLessThan(-100);
  const world = await mapProjection(page);
  const australia = world.toPage([135, -25]);
  await page.mouse.click(australia.x, australia.y);
  await expect(deleteButton).toBeEnabled();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('change-count')).toHaveText('2');
  expect(await shownGeometry(page)).toEqual({ type: 'Point', coordinates: [-100, 40] });
  expect(problems).toEqual([]);
});

test('switches tools with the keyboard, and Escape cancels an unfinished polygon', async ({
  page,
}) => {
  const problems = await openDemo(page);
  const map = await mapProjection(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  await canvas.focus();
  for (const [key, name] of [
    ['p', 'Draw polygon'],
    ['r', 'Draw rectangle'],
    ['o', 'Draw point'],
    ['s', 'Select and edit'],
    ['p', 'Draw polygon'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
  }

  const click = async (lonLat: LonLat) => {
    const { x, y } = map.toPage(lonLat);
    await page.mouse.click(x, y);
  };
  await click([-100, 20]);
  await click([-80, 20]);
  await click([-90, 40]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('change-count')).toHaveText('0');

  // A whole triangle, closed by clicking its first corner.
  await click([-100, 20]);
  await click([-80, 20]);
  await click([-90, 40]);
  await click([-100, 20]);
  await expect(page.getByTestId('change-count')).toHaveText('1');
  const triangle = await shownGeometry(page);
  expect(triangle?.type).toBe('Polygon');
  expectBbox(bboxOf(triangle?.coordinates), [-100, 20, -80, 40], 3 * map.degreesPerPixel);

  // Dragging a corner in select mode reports once, when the drag ends (not on every move).
  await page.keyboard.press('s');
  await click([-90, 27]);
  await expect(page.getByRole('button', { name: 'Delete selected' })).toBeEnabled();
  await drag(page, map.toPage([-90, 40]), map.toPage([-90, 50]));
  await expect(page.getByTestId('change-count')).toHaveText('2');
  const dragged = await shownGeometry(page);
  expectBbox(bboxOf(dragged?.coordinates), [-100, 20, -80, 50], 3 * map.degreesPerPixel);

  // A point replaces the areas: a footprint is areas or points, never both.
  await page.keyboard.press('o');
  await click([60, 30]);
  await expect(page.getByTestId('change-count')).toHaveText('3');
  const point = await shownGeometry(page);
  expect(point?.type).toBe('Point');
  expectBbox(bboxOf(point?.coordinates), [60, 30, 60, 30], 3 * map.degreesPerPixel);
  expect(problems).toEqual([]);
});

test('shows read-only layers with a legend, and parts it cannot edit', async ({ page }) => {
  const problems = await openDemo(page);
  await page.getByRole('button', { name: 'Toggle training layer' }).click();
  const legend = page.getByRole('list', { name: 'Map legend' });
  await expect(legend).toContainText('Footprint');
  await expect(legend).toContainText('Training data');
  await page.getByRole('button', { name: 'Set polygon with a hole' }).click();
  await expect(page.getByText(/can’t be edited on the map/)).toBeVisible();
  const region = page.getByRole('region', { name: 'Footprint map' });
  await expect(region).toHaveAttribute('data-map-ready', 'true');
  // Both the layer (North America) and the footprint (Africa) are in view after the fit.
  const [west, , east] = ((await region.getAttribute('data-map-bounds')) ?? '')
    .split(',')
    .map(Number);
  expect(west).toBeLessThanOrEqual(-120);
  expect(east).toBeGreaterThanOrEqual(40);
  await page.screenshot({ path: test.info().outputPath('layers.png') });
  const results = await new AxeBuilder({ page }).include('[aria-label="Footprint map"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  expect(problems).toEqual([]);
});
