import { describe, expect, it } from 'vitest';

import { bandNamesOf, variableNamesOf } from '../../src/app/widgets/bandNames';
import { nextClassValue, rowCells, swatchColor } from '../../src/app/widgets/classRows';
import { dimName, dimText, parseDim } from '../../src/app/widgets/shapeText';

describe('shape editor text', () => {
  it('parses whole numbers from -1 up', () => {
    expect(parseDim('224')).toBe(224);
    expect(parseDim(' -1 ')).toBe(-1);
    expect(parseDim('-2')).toBeUndefined();
    expect(parseDim('3.5')).toBeUndefined();
    expect(parseDim('')).toBeUndefined();
    expect(dimText(-1)).toBe('-1');
    expect(dimText('x')).toBe('');
  });

  it('names dimensions after dim_order', () => {
    expect(dimName(['batch', 'bands'], 1)).toBe('bands');
    expect(dimName(['batch'], 2)).toBe('dimension 3');
  });
});

describe('band suggestions', () => {
  it('collects band names from assets (form entries) and properties', () => {
    const assets = [
      {
        key: 'model',
        value: { 'raster:bands': [{ name: 'B02' }, { name: 'B03' }, { data_type: 'uint8' }] },
      },
    ];
    const properties = { 'eo:bands': [{ name: 'B03' }, { name: 'B04' }], bands: [{ name: 'B08' }] };
    expect(bandNamesOf(assets, properties)).toEqual(['B02', 'B03', 'B04', 'B08']);
  });

  it('collects variable names from cube:variables', () => {
    expect(
      variableNamesOf([{ key: 'm', value: { 'cube:variables': { tp: {} } } }], {
        'cube:variables': { t2m: {} },
      }),
    ).toEqual(['t2m', 'tp']);
  });
});

describe('class table rows', () => {
  it('suggests the next value and reads the cells of a row', () => {
    const rows = [
      { value: 0, description: 'a' },
      { value: 4, description: 'b', name: 'x' },
    ];
    expect(nextClassValue(rows)).toBe(5);
    expect(nextClassValue([])).toBe(0);
    expect(rowCells(rows[1])).toEqual({
      value: 4,
      name: 'x',
      description: 'b',
      color_hint: undefined,
    });
    expect(rowCells('not a class')).toEqual({});
  });

  it('shows a swatch for valid colour hints only', () => {
    expect(swatchColor('1F77B4')).toBe('#1F77B4');
    expect(swatchColor('#1F77B4')).toBe('#9e9e9e');
  });
});
