import { readFileSync } from 'node:fs';

import { expect, type Page, test } from '@playwright/test';

import { drag, mapProjection } from './mapSupport';
import { formBuilt, officialExample, openFreshEditor, watchPage } from './support';

// The footprint in the editor: the map, the bbox fields and paste all write the item's geometry
// and bbox, normalised (right-hand rule, split at the antimeridian), and the download has them.

const section = (page: Page) => page.getByRole('region', { name: 'Footprint', exact: true });
const mapRegion = (page: Page) => page.getByRole('region', { name: 'Footprint map' });

async function downloadItem(page: Page): Promise<Record<string, unknown>> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  // The blank item is still invalid (no id, name or date): save it as a draft anyway.
  await page.getByRole('button', { name: 'Download draft anyway' }).click();
  return JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as Record<
    string,
    unknown
  >;
}

async function openBlank(page: Page): Promise<string[]> {
  const problems = watchPage(page);
  await openFreshEditor(page);
  await page.getByRole('button', { name: 'New item' }).click();
  await page.getByRole('menuitem', { name: /Blank item/ }).click();
  await formBuilt(page);
  await section(page).scrollIntoViewIfNeeded();
  await expect(mapRegion(page)).toHaveAttribute('data-map-ready', 'true', { timeout: 20_000 });
  return problems;
}

const expectClose = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);

test('a rectangle drawn with the mouse becomes the item’s geometry and bbox', async ({
  page,
}, testInfo) => {
  const problems = await openBlank(page);
  await mapRegion(page).getByRole('button', { name: 'Draw rectangle' }).click();
  const map = await mapProjection(page);
  const tolerance = 3 * map.degreesPerPixel;
  await drag(page, map.toPage([0, 10]), map.toPage([30, 40]));
  await expect(section(page).getByLabel('West')).not.toHaveValue('');
  await page.screenshot({ path: testInfo.outputPath('footprint-drawn.png') });

  const doc = await downloadItem(page);
  const bbox = doc.bbox as number[];
  expect(bbox).toHaveLength(4);
  const expected = [0, 10, 30, 40];
  bbox.forEach((v, i) => expectClose(v, expected[i] ?? NaN, tolerance));
  expect((doc.geometry as { type: string }).type).toBe('Polygon');
  expect(problems).toEqual([]);
});

test('a pasted polygon across the antimeridian becomes a MultiPolygon with west > east', async ({
  page,
}) => {
  const problems = await openBlank(page);
  const paste = section(page).getByLabel('Paste GeoJSON, WKT or a bbox');
  await paste.fill('POLYGON((170 -10, 190 -10, 190 10, 170 10, 170 -10))');
  await section(page).getByRole('button', { name: 'Use as footprint' }).click();
  await expect(section(page).getByLabel('West')).toHaveValue('170');
  await expect(section(page).getByLabel('East')).toHaveValue('-170');

  const doc = await downloadItem(page);
  expect(doc.bbox).toEqual([170, -10, -170, 10]);
  const geometry = doc.geometry as { type: string; coordinates: unknown[] };
  expect(geometry.type).toBe('MultiPolygon');
  expect(geometry.coordinates).toHaveLength(2);
  expect(problems).toEqual([]);
});

test('typing West, South, East and North moves the footprint on the map', async ({
  page,
}, testInfo) => {
  const problems = await openBlank(page);
  const fields = section(page);
  for (const [label, value] of [
    ['West', '-10'],
    ['South', '35'],
    ['East', '30'],
    ['North', '60'],
  ] as const) {
    await fields.getByLabel(label, { exact: true }).fill(value);
  }
  await fields.getByRole('button', { name: 'Fit to footprint' }).click();
  // The map frames the footprint: its view now surrounds Europe.
  await expect
    .poll(async () => {
      const [west = NaN, , east = NaN] = (
        (await mapRegion(page).getAttribute('data-map-bounds')) ?? ''
      )
        .split(',')
        .map(Number);
      // Framed: the whole box is in view, and the view is no longer the whole world.
      return west <= -10 && east >= 30 && east - west < 180;
    })
    .toBe(true);
  await page.screenshot({ path: testInfo.outputPath('footprint-fields.png') });
  const doc = await downloadItem(page);
  expect(doc.bbox).toEqual([-10, 35, 30, 60]);
  expect(problems).toEqual([]);
});

test('a training dataset’s extent is drawn with its split, used as the footprint, and undone', async ({
  page,
}, testInfo) => {
  const problems = watchPage(page);
  await openFreshEditor(page);
  const item = JSON.parse(readFileSync(officialExample('item_basic.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  item.links = [
    ...((item.links as unknown[]) ?? []),
    {
      rel: 'derived_from',
      href: 'https://example.com/eurosat/collection.json',
      type: 'application/json',
      title: 'EuroSAT',
      'ml-aoi:split': 'train',
    },
  ];
  const before = item.bbox;
  await page.getByLabel('Open item JSON').setInputFiles({
    name: 'with-training.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(item)),
  });
  const training = page.getByRole('region', { name: 'Training data', exact: true });
  await expect(training.getByText(/EuroSAT · train/)).toBeVisible();
  const collection = {
    type: 'Collection',
    id: 'eurosat',
    stac_version: '1.0.0',
    description: 'EuroSAT patches',
    license: 'MIT',
    links: [],
    extent: {
      spatial: { bbox: [[-10, 35, 30, 60]] },
      temporal: { interval: [[null, null]] },
    },
  };
  // A broken file is refused where it was opened, with the line where the JSON breaks.
  await training.getByLabel('Open the file of EuroSAT').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type": "Collection",\n  "extent": }'),
  });
  await expect(training).toContainText(/broken\.json cannot be used: Not valid JSON at line 2/);
  await training.getByLabel('Open the file of EuroSAT').setInputFiles({
    name: 'collection.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(collection)),
  });
  await expect(training.getByText(/STAC Collection “eurosat”: extent shown/)).toBeVisible();
  await section(page).scrollIntoViewIfNeeded();
  await expect(mapRegion(page).getByText('train: EuroSAT')).toBeVisible();

  await training.getByRole('button', { name: 'Use training extent as footprint' }).click();
  await expect(section(page).getByLabel('West')).toHaveValue('-10');
  await expect(section(page).getByLabel('North')).toHaveValue('60');
  await section(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('training-extent.png') });

  // Undo covers footprint edits like any other.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(section(page).getByLabel('West')).toHaveValue(String((before as number[])[0]));
  expect(problems).toEqual([]);
});

test('a dropped .geojson file sets the footprint; a clockwise ring is rewound and the user told', async ({
  page,
}) => {
  const problems = await openBlank(page);
  const clockwise = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0],
        ],
      ],
    },
  };
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'area.geojson', { type: 'application/geo+json' }));
    document
      .querySelector('main')
      ?.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
  }, JSON.stringify(clockwise));
  await expect(section(page).getByLabel('East')).toHaveValue('10');
  await expect(section(page).getByText(/right-hand rule/)).toBeVisible();
  const doc = await downloadItem(page);
  const ring = (doc.geometry as { coordinates: number[][][] }).coordinates[0];
  // Counterclockwise now: the second corner goes east first.
  expect(ring?.[1]).toEqual([10, 0]);
  expect(problems).toEqual([]);
});
