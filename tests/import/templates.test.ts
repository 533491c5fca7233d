import { describe, expect, it } from 'vitest';

import { FILE_V2_URL, RASTER_V1_URL } from '../../schemas/extensionUrls';
import { TASKS } from '../../schemas/mlm';
import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';
import { validateItem } from '../../schemas/validateItem';
import { OfficialValidator } from '../../src/cli/officialValidator';
import { blankItem, newInput, newModelAsset, newOutput } from '../../src/import/blankItem';
import { TEMPLATES } from '../../src/import/templates';
import { loadExamples, requireShared } from '../support/shared';

type Obj = Record<string, unknown>;

const official = new OfficialValidator(requireShared());
const officialErrors = (doc: unknown) =>
  official.validate(doc).filter((f) => f.severity === 'error');

const props = (item: Obj) => item.properties as Obj;
const assets = (item: Obj) => Object.values(item.assets as Obj) as Obj[];
const inputs = (item: Obj) => props(item)['mlm:input'] as Obj[];
const outputs = (item: Obj) => props(item)['mlm:output'] as Obj[];

describe('TEMPLATES', () => {
  it('offers the five kinds of model with unique ids', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'scene-classification',
      'semantic-segmentation',
      'object-detection',
      'pixel-classifier',
      'embedding',
    ]);
    for (const t of TEMPLATES) {
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(0);
    }
  });

  describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_, template) => {
    it('is valid for the Zod model, with no findings at all', () => {
      expect(validateItem(template.build()).findings).toEqual([]);
    });

    it('is valid for the official STAC and MLM JSON Schemas', () => {
      expect(officialErrors(template.build())).toEqual([]);
    });

    it('returns a fresh object on every call', () => {
      const a = template.build();
      const b = template.build();
      expect(a).toEqual(b);
      expect(a).not.toBe(b);
      (inputs(a)[0]?.input as Obj).shape = [1];
      (props(a)['mlm:tasks'] as string[]).push('regression');
      expect(template.build()).toEqual(b);
    });

    it('has a model asset with a media type and an artifact type', () => {
      const model = assets(template.build()).filter((a) =>
        (a.roles as string[]).includes('mlm:model'),
      );
      expect(model).toHaveLength(1);
      expect(model[0]?.type).toEqual(expect.any(String));
      expect(model[0]?.['mlm:artifact_type']).toEqual(expect.any(String));
    });

    it('lists the raster extension exactly when an input has bands, with a raster band for each', () => {
      const item = template.build();
      const bands = inputs(item).flatMap((i) => (i.bands as string[] | undefined) ?? []);
      const extensions = item.stac_extensions as string[];
      expect(extensions[0]).toBe(MLM_SCHEMA_URL);
      expect(extensions.includes(RASTER_V1_URL)).toBe(bands.length > 0);
      for (const asset of assets(item)) {
        const raster = asset['raster:bands'] as Obj[] | undefined;
        if (raster) {
          expect(raster.map((b) => b.name)).toEqual(expect.arrayContaining(bands));
        }
      }
    });

    it('uses file: fields only when the file extension is listed', () => {
      const item = template.build();
      const usesFile = assets(item).some((a) => Object.keys(a).some((k) => k.startsWith('file:')));
      expect((item.stac_extensions as string[]).includes(FILE_V2_URL)).toBe(usesFile);
    });

    it('has a time, a license, a polygon and a bbox', () => {
      const item = template.build();
      const p = props(item);
      expect(p.datetime ?? p.start_datetime).toEqual(expect.any(String));
      expect(p.license).toEqual(expect.any(String));
      expect((item.geometry as Obj).type).toBe('Polygon');
      expect(item.bbox).toHaveLength(4);
    });

    it('is not a copy of an official example', () => {
      const item = template.build();
      for (const { doc } of loadExamples()) {
        expect(item.id).not.toBe(doc.id);
        expect(props(item)['mlm:name']).not.toBe((doc.properties as Obj | undefined)?.['mlm:name']);
      }
    });
  });

  it('covers the requested kinds of model', () => {
    const byId = Object.fromEntries(TEMPLATES.map((t) => [t.id, t.build()]));
    const p = (id: string) => props(byId[id] as Obj);
    expect(p('scene-classification')['mlm:framework']).toBe('PyTorch');
    expect((inputs(byId['scene-classification'] as Obj)[0]?.bands as string[]).length).toBe(13);
    expect(p('semantic-segmentation')['mlm:architecture']).toBe('U-Net');
    expect(outputs(byId['semantic-segmentation'] as Obj)[0]?.['classification:classes']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ color_hint: expect.any(String) as string }),
      ]),
    );
    expect(p('object-detection')['mlm:tasks']).toEqual(['object-detection']);
    expect(p('pixel-classifier')['mlm:framework']).toBe('scikit-learn');
    expect(p('pixel-classifier')['mlm:architecture']).toBe('Random Forest');
    expect(p('embedding')['mlm:tasks']).toEqual(['similarity-search']);
    expect((outputs(byId.embedding as Obj)[0]?.result as Obj).dim_order).toContain('embedding');
  });
});

describe('blankItem', () => {
  it('returns a fresh item that is invalid until the empty fields are filled in', () => {
    const blank = blankItem();
    expect(blank).not.toBe(blankItem());
    expect(validateItem(blank).valid).toBe(false);
    const paths = validateItem(blank).findings.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/id', '/properties/datetime', '/properties/mlm:name']),
    );
  });

  it('becomes valid for both validators once the empty text is filled in', () => {
    const item = blankItem();
    item.id = 'my-model';
    Object.assign(props(item), {
      datetime: '2024-01-01T00:00:00Z',
      'mlm:name': 'My model',
      'mlm:architecture': 'ResNet',
    });
    Object.assign((item.assets as Obj).model as Obj, {
      href: 'https://example.com/model.pt',
      'mlm:artifact_type': 'torch.save',
    });
    expect(validateItem(item).findings).toEqual([]);
    expect(officialErrors(item)).toEqual([]);
  });
});

describe('newInput, newOutput and newModelAsset', () => {
  /** A valid item to add things to. */
  const base = () => TEMPLATES[0]?.build() as Obj;

  it('give fresh objects', () => {
    expect(newInput()).not.toBe(newInput());
    expect(newOutput(['classification'])).not.toBe(newOutput(['classification']));
    expect(newModelAsset()).not.toBe(newModelAsset());
    const tasks = ['classification'];
    const out = newOutput(tasks);
    tasks.push('regression');
    expect(out.tasks).toEqual(['classification']);
  });

  it('newInput is valid once named', () => {
    const item = base();
    inputs(item).push({ ...newInput(), name: 'extra' });
    expect(validateItem(item).findings).toEqual([]);
    expect(officialErrors(item)).toEqual([]);
  });

  it('newInput without a name is reported at the name', () => {
    const item = base();
    inputs(item).push(newInput());
    expect(validateItem(item).findings.map((f) => f.path)).toEqual([
      '/properties/mlm:input/1/name',
    ]);
  });

  it.each(TASKS.map((t) => [t]))('newOutput for %s is valid once named', (task) => {
    const item = base();
    outputs(item).push({ ...newOutput([task]), name: 'extra' });
    expect(validateItem(item).findings).toEqual([]);
    expect(officialErrors(item)).toEqual([]);
  });

  it('newOutput without tasks still has a result', () => {
    expect(newOutput()).toEqual({
      name: '',
      tasks: [],
      result: { shape: [-1, 2], dim_order: ['batch', 'class'], data_type: 'float32' },
    });
  });

  it('newModelAsset needs an href and an artifact type, and adds no second band source rule', () => {
    const item = TEMPLATES.find((t) => t.id === 'object-detection')?.build() as Obj;
    (item.assets as Obj).second = newModelAsset();
    const paths = validateItem(item).findings.map((f) => f.path);
    expect(paths).toContain('/assets/second/mlm:artifact_type');
    (item.assets as Obj).second = {
      ...newModelAsset(),
      href: 'https://example.com/b.onnx',
      'mlm:artifact_type': 'torch.onnx.export',
    };
    expect(validateItem(item).findings).toEqual([]);
    expect(officialErrors(item)).toEqual([]);
  });
});
