import type { Page } from '@playwright/test';

// Driving the footprint map as a person does: lon/lat ↔ page pixels from the view the map
// reports, real mouse drags, and canvas colours. Shared by the map demo and the editor tests.

export type LonLat = [number, number];
export type Bbox = [number, number, number, number];

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitudeOf = (y: number) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;

/**
 * Converts between lon/lat and page pixels from the view the map reports (data-map-bounds) and
 * the canvas box: the map is north-up Web Mercator, so both axes are linear in x and mercatorY.
 */
export async function mapProjection(page: Page) {
  const region = page.getByRole('region', { name: 'Footprint map' });
  const canvas = region.locator('canvas.maplibregl-canvas');
  const box = await canvas.boundingBox();
  const bounds = await region.getAttribute('data-map-bounds');
  if (!box || !bounds) {
    throw new Error('The map has no canvas box or no data-map-bounds.');
  }
  const [west, south, east, north] = bounds.split(',').map(Number) as Bbox;
  const top = mercatorY(north);
  const bottom = mercatorY(south);
  return {
    toPage: ([lon, lat]: LonLat) => ({
      x: box.x + ((lon - west) / (east - west)) * box.width,
      y: box.y + ((top - mercatorY(lat)) / (top - bottom)) * box.height,
    }),
    toLonLat: (x: number, y: number): LonLat => [
      west + ((x - box.x) / box.width) * (east - west),
      latitudeOf(top - ((y - box.y) / box.height) * (top - bottom)),
    ],
    /** Degrees per pixel at the centre, to size tolerances. */
    degreesPerPixel: (east - west) / box.width,
  };
}

/** The colour of the map canvas at a page position (the canvas keeps its drawing buffer). */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      if (!canvas) {
        throw new Error('No map canvas.');
      }
      const rect = canvas.getBoundingClientRect();
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d');
      if (!context) {
        throw new Error('No 2D context.');
      }
      context.drawImage(canvas, 0, 0);
      const scale = canvas.width / rect.width;
      const data = context.getImageData(
        Math.round((px - rect.left) * scale),
        Math.round((py - rect.top) * scale),
        1,
        1,
      ).data;
      return [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0] as [number, number, number];
    },
    [x, y] as const,
  );
}

/**
 * Drags with real mouse events in small steps, as a hand does. terra-draw starts a drag where the
 * first move lands, not where the button went down, so coarse steps would shift the start.
 */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 2);
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}
