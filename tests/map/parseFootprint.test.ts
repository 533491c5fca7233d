import { describe, expect, it } from 'vitest';

import { normalizeFootprint } from '../../src/map/normalizeFootprint';
import { parseFootprint, type ParseResult } from '../../src/map/parseFootprint';
import { expectRfc7946 } from './footprintAssertions';

const SQUARE = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const HOLE = [
  [2, 2],
  [2, 4],
  [4, 4],
  [4, 2],
  [2, 2],
];

function ok(result: ParseResult) {
  if (!result.ok) {
    throw new Error(`expected success, got: ${result.message}`);
  }
  return result;
}

function error(result: ParseResult) {
  if (result.ok) {
    throw new Error(`expected an error, got ${JSON.stringify(result.geometry)}`);
  }
  return result;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('parseFootprint: GeoJSON', () => {
  it.each([
    { type: 'Point', coordinates: [1, 2] },
    {
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    },
    { type: 'Polygon', coordinates: [SQUARE, HOLE] },
    { type: 'MultiPolygon', coordinates: [[SQUARE], [HOLE]] },
    { type: 'Point', coordinates: [1, 2, 300] },
  ])('reads a $type geometry as it is', (geometry) => {
    const result = ok(parseFootprint(json(geometry)));
    expect(result.geometry).toEqual(geometry);
    expect(result.notices).toEqual([]);
  });

  it('rejects lines with a message naming what is supported', () => {
    const result = error(
      parseFootprint(json({ type: 'LineString', coordinates: [SQUARE[0], SQUARE[1]] })),
    );
    expect(result.message).toMatch(
      /^GeoJSON: the LineString at the top level is a line, not an area; a footprint is a Polygon, MultiPolygon, Point or MultiPoint/,
    );
    expect(result.line).toBe(2);
    const multi = error(
      parseFootprint(json({ type: 'MultiLineString', coordinates: [[SQUARE[0], SQUARE[1]]] })),
    );
    expect(multi.message).toMatch(/MultiLineString .* is a line/);
  });

  it('takes the geometry of a Feature', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: [SQUARE] },
        }),
      ),
    );
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(result.notices).toEqual(['Took the geometry of the Feature.']);
  });

  it('says when a Feature has no geometry', () => {
    const result = error(parseFootprint(json({ type: 'Feature', properties: {}, geometry: null })));
    expect(result.message).toBe(
      'GeoJSON: the Feature has no geometry (it is null) (line 4, column 15).',
    );
    expect(result).toMatchObject({ line: 4, column: 15 });
  });

  it('unites the polygons of a FeatureCollection into one MultiPolygon', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Polygon', coordinates: [SQUARE] },
            },
            { type: 'Feature', properties: {}, geometry: null },
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'MultiPolygon', coordinates: [[HOLE], [SQUARE]] },
            },
          ],
        }),
      ),
    );
    expect(result.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [[SQUARE], [HOLE], [SQUARE]],
    });
    expect(result.notices).toEqual([
      'A feature without geometry was skipped.',
      "Combined the FeatureCollection's 2 geometries into one MultiPolygon.",
    ]);
  });

  it('unites the points of a FeatureCollection into one MultiPoint', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } },
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'MultiPoint', coordinates: [[3, 4]] },
            },
          ],
        }),
      ),
    );
    expect(result.geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('keeps the geometry type of a one-feature collection', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Polygon', coordinates: [SQUARE] },
            },
          ],
        }),
      ),
    );
    expect(result.geometry.type).toBe('Polygon');
  });

  it('refuses a FeatureCollection that mixes points and polygons', () => {
    const result = error(
      parseFootprint(
        json({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Polygon', coordinates: [SQUARE] },
            },
            { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } },
          ],
        }),
      ),
    );
    expect(result.message).toMatch(
      /^GeoJSON: the FeatureCollection mixes areas and points \(feature 1 is a Polygon, feature 2 is a Point\)/,
    );
  });

  it('refuses an empty FeatureCollection', () => {
    expect(error(parseFootprint('{"type":"FeatureCollection","features":[]}')).message).toMatch(
      /has no geometry to use/,
    );
  });

  it('reads a GeometryCollection of polygons, and refuses lines inside it', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', coordinates: [SQUARE] },
            { type: 'Polygon', coordinates: [HOLE] },
          ],
        }),
      ),
    );
    expect(result.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[SQUARE], [HOLE]] });
    const line = error(
      parseFootprint(
        json({
          type: 'GeometryCollection',
          geometries: [{ type: 'LineString', coordinates: [SQUARE[0], SQUARE[1]] }],
        }),
      ),
    );
    expect(line.message).toMatch(/LineString at \/geometries\/0 is a line/);
  });

  it('takes the geometry of a STAC Item', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'Feature',
          stac_version: '1.1.0',
          id: 'model-x',
          geometry: { type: 'Polygon', coordinates: [SQUARE] },
          bbox: [0, 0, 10, 10],
          properties: {},
          links: [],
          assets: {},
        }),
      ),
    );
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(result.notices).toEqual(['Took the geometry of STAC Item "model-x".']);
  });

  it('falls back to the bbox of a STAC Item without geometry', () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'Feature',
          stac_version: '1.1.0',
          id: 'x',
          geometry: null,
          bbox: [1, 2, 3, 4],
        }),
      ),
    );
    expect(result.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [3, 2],
          [3, 4],
          [1, 4],
          [1, 2],
        ],
      ],
    });
    expect(result.notices[0]).toBe('STAC Item "x" has no geometry; its bbox was used instead.');
  });

  it("uses a STAC Collection's overall spatial extent", () => {
    const result = ok(
      parseFootprint(
        json({
          type: 'Collection',
          stac_version: '1.1.0',
          id: 'training',
          extent: {
            spatial: {
              bbox: [
                [170, -10, -170, 10],
                [172, -5, 175, 5],
              ],
            },
            temporal: { interval: [[null, null]] },
          },
        }),
      ),
    );
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(result.notices[0]).toBe(
      'Used the spatial extent of STAC Collection "training" (its first, overall bbox) as the footprint.',
    );
    expect(result.notices[1]).toMatch(/crosses the antimeridian/);
  });

  it('points at a bad Collection bbox', () => {
    const text = json({ type: 'Collection', extent: { spatial: { bbox: [[0, 0, 'x', 1]] } } });
    const result = error(parseFootprint(text));
    expect(result.message).toMatch(
      /^STAC Collection: expected a number at \/extent\/spatial\/bbox\/0\/2/,
    );
    expect(result.line).toBe(9);
  });

  it('refuses a STAC Catalog', () => {
    expect(error(parseFootprint('{"type": "Catalog"}')).message).toMatch(/^STAC Catalog/);
  });

  it('reads a JSON bbox array', () => {
    const result = ok(parseFootprint('[0, 0, 10, 10]'));
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
  });

  it('refuses a bare array of coordinates', () => {
    expect(error(parseFootprint(json(SQUARE))).message).toMatch(/bare array of coordinates/);
  });

  it('says where the JSON is broken', () => {
    const text = '{\n  "type": "Polygon",\n  "coordinates": [[[0, 0], [1, 0],, [0, 0]]]\n}';
    const result = error(parseFootprint(text));
    expect(result.message).toBe('JSON: expected a value but found "," at line 3, column 35.');
    expect(result).toMatchObject({ line: 3, column: 35 });
    const unclosed = error(parseFootprint('{"type": "Point",\n"coordinates": [1, 2]'));
    expect(unclosed.message).toMatch(/^JSON: the text ends before this object is closed at line 2/);
  });

  it('says where the GeoJSON structure is wrong', () => {
    const text = '{\n  "type": "Polygon",\n  "coordinates": [[[0, 0], [1, "a"], [0, 0]]]\n}';
    const result = error(parseFootprint(text));
    expect(result.message).toBe(
      'GeoJSON: expected a number at /coordinates/0/1/1 (line 3, column 32).',
    );
    expect(result).toMatchObject({ line: 3, column: 32 });
    expect(error(parseFootprint('{"type": "Point", "coordinates": [1]}')).message).toMatch(
      /a position needs at least two numbers/,
    );
    expect(error(parseFootprint('{"type": "Polygon", "coordinates": [[1, 2]]}')).message).toMatch(
      /expected a position \[longitude, latitude\] at \/coordinates\/0\/0/,
    );
    expect(error(parseFootprint('{"type": "Circle"}')).message).toMatch(
      /"Circle" is not a geometry type/,
    );
    expect(error(parseFootprint('{"coordinates": [1, 2]}')).message).toMatch(
      /the "type" member is missing/,
    );
  });
});

describe('parseFootprint: WKT', () => {
  it.each([
    ['POINT (1 2)', { type: 'Point', coordinates: [1, 2] }],
    ['point(1 2)', { type: 'Point', coordinates: [1, 2] }],
    [
      'MULTIPOINT ((1 2), (3 4))',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'MULTIPOINT (1 2, 3 4)',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))',
      { type: 'Polygon', coordinates: [SQUARE, HOLE] },
    ],
    [
      'MultiPolygon (((0 0, 10 0, 10 10, 0 10, 0 0)), ((2 2, 2 4, 4 4, 4 2, 2 2)))',
      { type: 'MultiPolygon', coordinates: [[SQUARE], [HOLE]] },
    ],
    ['SRID=4326;POINT(-1.5e1 +.5)', { type: 'Point', coordinates: [-15, 0.5] }],
    [
      '  srid=4326 ; polygon((0 0,10 0,10 10,0 10,0 0));  ',
      { type: 'Polygon', coordinates: [SQUARE] },
    ],
    [
      'GEOMETRYCOLLECTION (POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)), POLYGON EMPTY)',
      { type: 'Polygon', coordinates: [SQUARE] },
    ],
    [
      'GEOMETRYCOLLECTION (POINT (1 2), MULTIPOINT ((3 4)))',
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
  ])('reads %s', (text, geometry) => {
    expect(ok(parseFootprint(text)).geometry).toEqual(geometry);
  });

  it.each([
    ['POINT Z (1 2 3)', 'Z values (heights)'],
    ['POINTZ (1 2 3)', 'Z values (heights)'],
    ['POINT M (1 2 3)', 'M values (measures)'],
    ['POINT ZM (1 2 3 4)', 'Z and M values (heights and measures)'],
    ['POINT (1 2 3)', 'Z values (heights)'],
    ['POLYGON Z ((0 0 1, 10 0 1, 10 10 1, 0 10 1, 0 0 1))', 'Z values (heights)'],
  ])('drops the extra dimensions of %s with a notice', (text, what) => {
    const result = ok(parseFootprint(text));
    expect(result.notices).toEqual([
      `WKT: ${what} were dropped; a footprint is 2D longitude/latitude.`,
    ]);
    expect((result.geometry.coordinates.flat(2) as number[]).length % 2).toBe(0);
  });

  it('skips EMPTY members and refuses an EMPTY geometry', () => {
    const result = ok(parseFootprint('MULTIPOLYGON (EMPTY, ((0 0, 10 0, 10 10, 0 10, 0 0)))'));
    expect(result.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[SQUARE]] });
    expect(result.notices).toEqual(['WKT: an EMPTY member was skipped.']);
    expect(error(parseFootprint('POLYGON EMPTY')).message).toBe(
      'WKT: the geometry at character 1 is EMPTY, so there is no footprint to use.',
    );
    expect(error(parseFootprint('MULTIPOINT (EMPTY)')).message).toMatch(/is EMPTY/);
  });

  it('says where a number is missing', () => {
    const result = error(parseFootprint('POLYGON ((0 0, 10 0, 10 x, 0 0))'));
    expect(result.message).toBe('WKT: expected a number at character 25, found "x".');
    expect(result).toMatchObject({ line: 1, column: 25 });
  });

  it('counts lines and columns in multi-line WKT', () => {
    const result = error(parseFootprint('POLYGON ((\n  0 0,\n  10 0,\n  10 ))'));
    expect(result.message).toBe('WKT: expected a number at character 32, found ")".');
    expect(result).toMatchObject({ line: 4, column: 6 });
  });

  it.each([
    [
      'POLYGON ((0 0, 1 0, 1 1, 0 0)',
      /expected "," or "\)" at character 30, found the end of the text/,
    ],
    [
      'POLYGON ((0 0, 1 0, 1 1, 0 0)) extra',
      /unexpected text after the end of the geometry at character 32/,
    ],
    ['POLYGON (0 0, 1 0)', /expected "\(" at character 10/],
    ['POINT (1 2 3 4 5)', /at most 4 numbers/],
    ['LINESTRING (0 0, 1 1)', /^WKT: LINESTRING at character 1 is a line, not an area/],
    ['CIRCLE (0 0)', /unknown geometry type "CIRCLE" at character 1/],
    ['SRID=3857;POINT(1 2)', /SRID=3857 at character 6 is not supported/],
    [
      'GEOMETRYCOLLECTION (POINT (1 2), POLYGON ((0 0, 1 0, 1 1, 0 0)))',
      /mixes points and polygons \(see character 34\)/,
    ],
  ])('refuses %s', (text, message) => {
    expect(error(parseFootprint(text)).message).toMatch(message);
  });
});

describe('parseFootprint: bbox text', () => {
  it.each([
    '0,0,10,10',
    '0 0 10 10',
    '0, 0, 10, 10',
    '[0, 0, 10, 10]',
    '[0 0 10 10]',
    '(0 0 10 10)',
    ' 0,0 , 10,10\n',
  ])('reads %j', (text) => {
    const result = ok(parseFootprint(text));
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
  });

  it('drops the heights of a 6-number box', () => {
    const result = ok(parseFootprint('0, 0, -100, 10, 10, 500'));
    expect(result.geometry).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(result.notices).toContain(
      'The bounding box had 6 numbers (with heights); the heights were dropped, a footprint is 2D.',
    );
  });

  it('splits a box that crosses the antimeridian', () => {
    const result = ok(parseFootprint('170, -10, -170, 10'));
    expect(result.geometry.type).toBe('MultiPolygon');
    expect(result.notices).toContain(
      'West (170) is greater than east (-170): the box crosses the antimeridian and was split into two polygons at 180°.',
    );
  });

  it.each([
    [
      '1, 2, 3',
      /^Bounding box: expected 4 numbers \(west, south, east, north\) or 6 \(with heights\), found 3\.$/,
    ],
    ['1, 2, abc, 4', /^Bounding box: expected a number at character 7, found "abc"\.$/],
    ['[1, 2, 3, 4', /not closed with "]"/],
    ['0, 95, 10, 10', /South must be a latitude between -90 and 90\. .*longitude first/],
    ['0, 10, 10, 5', /South must not be greater than North/],
  ])('refuses %j', (text, message) => {
    expect(error(parseFootprint(text)).message).toMatch(message);
  });
});

describe('parseFootprint: anything else', () => {
  it('says what it accepts when the text is empty', () => {
    expect(error(parseFootprint('  \n ')).message).toMatch(/^Nothing to read/);
  });

  it('says where unrecognised text starts', () => {
    const result = error(parseFootprint('\n  #hello'));
    expect(result.message).toMatch(/starts with "#" at character 4/);
    expect(result).toMatchObject({ line: 2, column: 3 });
  });
});

describe('parseFootprint then normalizeFootprint', () => {
  it.each([
    'POINT (190 5)',
    'MULTIPOINT (1 2, 3 4)',
    'POLYGON ((0 0, 0 10, 10 10, 10 0))',
    'POLYGON ((170 -10, 190 -10, 190 10, 170 10, 170 -10))',
    'MULTIPOLYGON (((170 -10, -170 -10, -170 10, 170 10, 170 -10)), ((0 0, 1 0, 1 1, 0 0)))',
    '170, -10, -170, 10',
    '-180 -90 180 90',
    '{"type": "Polygon", "coordinates": [[[170, 0], [-175, 0], [-175, 5], [170, 5]]]}',
    '{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [-200.123456789, 0]}}',
  ])('gives a valid RFC 7946 footprint for %s', (text) => {
    const normalized = normalizeFootprint(ok(parseFootprint(text)).geometry);
    expect(normalized.problems).toEqual([]);
    expectRfc7946(normalized.geometry);
  });
});
