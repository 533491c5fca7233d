import { describe, expect, it } from 'vitest';

import { splitColor, trainingLinksOf } from '../../../src/app/footprint/trainingLinks';
import { trainingExtentOf } from '../../../src/app/footprint/trainingExtent';

describe('trainingExtentOf', () => {
  it('reads a Collection’s boxes, using the parts when there are several', () => {
    const one = trainingExtentOf({
      type: 'Collection',
      id: 'c',
      extent: { spatial: { bbox: [[-10, 35, 30, 60]] } },
    });
    expect('error' in one ? one.error : one.bboxes).toEqual([[-10, 35, 30, 60]]);
    const parts = trainingExtentOf({
      type: 'Collection',
      extent: {
        spatial: {
          bbox: [
            [-20, 0, 20, 10],
            [-20, 0, 0, 10],
            [10, 0, -5, 20, 10, 100],
          ],
        },
      },
    });
    expect('error' in parts ? parts.error : parts.bboxes).toEqual([
      [-20, 0, 0, 10],
      [10, 0, 20, 10],
    ]);
  });

  it('reads an Item’s geometry (normalised), or its bbox without one', () => {
    const item = trainingExtentOf({
      type: 'Feature',
      id: 'i',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [170, 0],
            [190, 0],
            [190, 5],
            [170, 5],
            [170, 0],
          ],
        ],
      },
    });
    expect('error' in item ? item.error : item.bboxes).toEqual([[170, 0, -170, 5]]);
    const boxOnly = trainingExtentOf({ type: 'Feature', geometry: null, bbox: [1, 2, 3, 4] });
    expect('error' in boxOnly ? boxOnly.error : boxOnly.description).toBe('STAC Item');
  });

  it('says why a file cannot be used', () => {
    expect(trainingExtentOf([])).toEqual({ error: 'it is not a JSON object' });
    expect(trainingExtentOf({ type: 'FeatureCollection' })).toEqual({
      error: 'it is neither a STAC Collection nor a STAC Item',
    });
    expect(trainingExtentOf({ type: 'Collection', id: 'x', extent: {} })).toEqual({
      error: 'the STAC Collection “x” has no extent.spatial.bbox',
    });
  });
});

describe('trainingLinksOf', () => {
  it('lists derived_from links with their ml-aoi split and role', () => {
    const links = trainingLinksOf([
      { rel: 'self', href: 'a' },
      { rel: 'derived_from', href: 'b', title: 'B', 'ml-aoi:split': 'test' },
      { rel: 'derived_from', href: 'c', 'ml-aoi:role': 'label' },
      'junk',
    ]);
    expect(links).toEqual([
      { index: 1, href: 'b', title: 'B', split: 'test', role: undefined },
      { index: 2, href: 'c', title: undefined, split: undefined, role: 'label' },
    ]);
    expect(splitColor('test')).not.toBe(splitColor(undefined));
  });
});
