import * as z from 'zod';

import {
  type ExtensionModel,
  forwardIssues,
  parseWith,
  type Reporter,
} from './extensions/extensionModel';
import { EXTENSIONS } from './extensions/registry';
import { geometrySchema, bboxSchema } from './geojson';
import './meta';
import type { modelInputSchema, modelOutputSchema } from './mlm';
import { mlmFieldSchemas } from './mlm';
import { ASSET_ONLY_FIELDS, ITEM_ONLY_FIELDS, MLM_FIELDS } from './mlmFields';
import { MLM_SCHEMA_URL } from './mlmUrls';
import { ALWAYS_RUN, iri, stringMin, uniqueArray } from './primitives';
import { isRecord } from './isRecord';
import {
  assetShapeV10,
  assetShapeV11,
  checkStartEnd,
  commonShapeV10,
  commonShapeV11,
  linkSchemaV10,
  linkSchemaV11,
} from './stacCore';
import { rememberResults } from './validationCache';

// The MLM Item: STAC core (1.0.0 or 1.1.0) + MLM v1.5.2 + the extensions the item lists. Field types
// sit in the shapes; rules that tie fields together sit in refinements that ALWAYS_RUN run, so a person
// sees every problem at once rather than one at a time.

const STAC_ITEM_SPEC =
  'https://github.com/radiantearth/stac-spec/blob/v1.0.0/item-spec/item-spec.md';

type Ctx = z.RefinementCtx;

function issue(ctx: Ctx, path: PropertyKey[], message: string, code: string): void {
  ctx.addIssue({ code: 'custom', path, message, params: { code } });
}

const hasRole = (asset: Record<string, unknown>, role: string) =>
  Array.isArray(asset.roles) && asset.roles.includes(role);

// ── MLM placement (C-3, C-4) ────────────────────────────────────────────────────────────────────

function checkMlmKeys(
  value: Record<string, unknown>,
  ctx: Ctx,
  forbidden: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(value)) {
    if (!key.startsWith('mlm:')) {
      continue;
    }
    if (!(MLM_FIELDS as readonly string[]).includes(key)) {
      issue(
        ctx,
        [key],
        `"${key}" is not an MLM v1.5.2 field; check the spelling or remove it.`,
        'mlm-unknown-field',
      );
    } else if (forbidden.includes(key)) {
      const hint =
        where === 'assets' ? 'it belongs in the Item properties' : 'it belongs on the model asset';
      issue(ctx, [key], `"${key}" is not allowed in ${where}: ${hint}.`, 'mlm-field-placement');
    }
  }
}

function omit<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Omit<T, K> {
  const drop = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !drop.has(k))) as Omit<T, K>;
}

const assetMlmFields = omit(mlmFieldSchemas, ITEM_ONLY_FIELDS);
const itemMlmFields = omit(mlmFieldSchemas, ASSET_ONLY_FIELDS);

export const mlmPropertiesShape = {
  ...Object.fromEntries(Object.entries(itemMlmFields).map(([k, s]) => [k, s.optional()])),
  'mlm:name': itemMlmFields['mlm:name'],
  'mlm:architecture': itemMlmFields['mlm:architecture'],
  'mlm:tasks': itemMlmFields['mlm:tasks'],
  'mlm:input': itemMlmFields['mlm:input'],
  'mlm:output': itemMlmFields['mlm:output'],
} as {
  [K in keyof typeof itemMlmFields]: K extends
    'mlm:name' | 'mlm:architecture' | 'mlm:tasks' | 'mlm:input' | 'mlm:output'
    ? (typeof itemMlmFields)[K]
    : z.ZodOptional<(typeof itemMlmFields)[K]>;
};

export const mlmAssetShape = Object.fromEntries(
  Object.entries(assetMlmFields).map(([k, s]) => [k, s.optional()]),
) as {
  [K in keyof typeof assetMlmFields]: z.ZodOptional<(typeof assetMlmFields)[K]>;
};

function checkProperties(props: unknown, ctx: Ctx): void {
  if (!isRecord(props)) {
    return;
  }
  checkStartEnd(props, ctx);
  if (!('datetime' in props)) {
    issue(
      ctx,
      ['datetime'],
      'A datetime is required (use null together with start_datetime and end_datetime for a range).',
      'datetime-required',
    );
  } else if (props.datetime === null && !('start_datetime' in props && 'end_datetime' in props)) {
    issue(
      ctx,
      ['datetime'],
      'datetime may only be null when start_datetime and end_datetime are both given.',
      'datetime-required',
    );
  }
  checkMlmKeys(props, ctx, ASSET_ONLY_FIELDS, 'the Item properties');
}

function checkAsset(asset: unknown, ctx: Ctx): void {
  if (!isRecord(asset)) {
    return;
  }
  checkStartEnd(asset, ctx);
  checkMlmKeys(asset, ctx, ITEM_ONLY_FIELDS, 'assets');
  // C-6: mlm:artifact_type goes with the mlm:model role, and only with it.
  const isModel = hasRole(asset, 'mlm:model');
  const hasArtifact =
    typeof asset['mlm:artifact_type'] === 'string' && asset['mlm:artifact_type'].length > 0;
  if (isModel && !('mlm:artifact_type' in asset)) {
    issue(
      ctx,
      ['mlm:artifact_type'],
      'A model asset (role "mlm:model") needs mlm:artifact_type, e.g. torch.save.',
      'mlm-artifact-type-required',
    );
  } else if (!isModel && hasArtifact) {
    issue(
      ctx,
      ['mlm:artifact_type'],
      'mlm:artifact_type is only allowed on an asset with the "mlm:model" role: add that role or remove the field.',
      'mlm-artifact-type-without-model',
    );
  }
  // C-7: an entry point needs the code role.
  if ('mlm:entrypoint' in asset && !hasRole(asset, 'code')) {
    issue(
      ctx,
      ['roles'],
      'An asset with mlm:entrypoint must have the "code" role.',
      'mlm-entrypoint-code-role',
    );
  }
}

export const mlmPropertiesSchemaV10 = z
  .looseObject({ ...commonShapeV10, ...mlmPropertiesShape })
  .superRefine(checkProperties, ALWAYS_RUN)
  .meta({
    label: 'Properties',
    help: 'What the model is and does, plus when and under what license.',
  });

export const mlmPropertiesSchemaV11 = z
  .looseObject({ ...commonShapeV11, ...mlmPropertiesShape })
  .superRefine(checkProperties, ALWAYS_RUN)
  .meta({
    label: 'Properties',
    help: 'What the model is and does, plus when and under what license.',
  });

// Remembered by object identity (the checks look at the asset alone): a keystroke elsewhere does
// not check the model asset's band list again, and the extensions' checks of the parsed asset
// find it unchanged (see parseWith).
export const assetSchemaV10 = rememberResults(
  z
    .looseObject({ ...assetShapeV10, ...mlmAssetShape })
    .superRefine(checkAsset, ALWAYS_RUN)
    .meta({ label: 'Asset' }),
);
export const assetSchemaV11 = rememberResults(
  z
    .looseObject({ ...assetShapeV11, ...mlmAssetShape })
    .superRefine(checkAsset, ALWAYS_RUN)
    .meta({ label: 'Asset' }),
);

const stacExtensionsSchema = uniqueArray(iri()).meta({
  label: 'Extensions',
  help: 'Schema URLs of the extensions this item uses; the editor keeps this list up to date.',
  spec: `${STAC_ITEM_SPEC}#stac_extensions`,
  widget: 'chips',
});

const STAC_VERSION_META = {
  label: 'STAC version',
  help: 'Version of the STAC specification the item follows: 1.0.0 or 1.1.0.',
  spec: `${STAC_ITEM_SPEC}#item-fields`,
  widget: 'select',
} as const;
const LINKS_META = {
  label: 'Links',
  help: 'Related documents: the training data, the source code, the license text, this item itself.',
  spec: `${STAC_ITEM_SPEC}#link-object`,
  widget: 'list',
} as const;
const ASSETS_META = {
  label: 'Assets',
  help: 'The files of the model: weights, source code, containers; one needs the "mlm:model" role.',
  spec: `${STAC_ITEM_SPEC}#asset-object`,
  widget: 'list',
} as const;

const itemShape = {
  type: z.literal('Feature').meta({ label: 'Type', help: 'Always "Feature" for a STAC Item.' }),
  stac_extensions: stacExtensionsSchema,
  id: stringMin(1).meta({
    label: 'ID',
    help: 'Identifier of this item, unique within its collection.',
    spec: `${STAC_ITEM_SPEC}#id`,
  }),
  geometry: geometrySchema.nullable(),
  bbox: bboxSchema.optional(),
  collection: stringMin(1)
    .optional()
    .meta({ label: 'Collection', help: 'ID of the collection this item belongs to.' }),
};

export const mlmItemSchemaV10 = z.looseObject({
  ...itemShape,
  stac_version: z.literal('1.0.0').meta(STAC_VERSION_META),
  properties: mlmPropertiesSchemaV10,
  links: z.array(linkSchemaV10).meta(LINKS_META),
  assets: z.record(z.string(), assetSchemaV10).meta(ASSETS_META),
});

export const mlmItemSchemaV11 = z.looseObject({
  ...itemShape,
  stac_version: z.literal('1.1.0').meta(STAC_VERSION_META),
  properties: mlmPropertiesSchemaV11,
  links: z.array(linkSchemaV11).meta(LINKS_META),
  assets: z.record(z.string(), assetSchemaV11).meta(ASSETS_META),
});

// ── Item-level rules ────────────────────────────────────────────────────────────────────────────

function checkGeometryBbox(item: Record<string, unknown>, ctx: Ctx): void {
  if (!('geometry' in item)) {
    return; // the shape reports the missing geometry
  }
  if (item.geometry === null && 'bbox' in item) {
    issue(
      ctx,
      ['bbox'],
      'An item without geometry (null) must not have a bbox.',
      'bbox-without-geometry',
    );
  }
  if (item.geometry !== null && !('bbox' in item)) {
    issue(
      ctx,
      ['bbox'],
      'An item with a geometry needs a bbox: [west, south, east, north].',
      'bbox-required',
    );
  }
}

function checkCollectionLink(item: Record<string, unknown>, ctx: Ctx): void {
  const links = item.links;
  const hasCollectionLink =
    !Array.isArray(links) || links.some((l) => isRecord(l) && l.rel === 'collection');
  if (hasCollectionLink && !('collection' in item)) {
    issue(
      ctx,
      ['collection'],
      'A link with rel "collection" requires the collection field (the collection ID).',
      'collection-required',
    );
  }
  if (!hasCollectionLink && 'collection' in item) {
    issue(
      ctx,
      ['collection'],
      'The collection field needs a link with rel "collection" pointing to that collection.',
      'collection-link-required',
    );
  }
}

function checkStacV11Bands(item: Record<string, unknown>, ctx: Ctx): void {
  const props = item.properties;
  if (!isRecord(item.assets) || !isRecord(props) || !('bands' in props)) {
    return;
  }
  if (!Object.values(item.assets).some((a) => isRecord(a) && 'bands' in a)) {
    issue(
      ctx,
      ['properties', 'bands'],
      'STAC 1.1 allows bands in the properties only when an asset has bands too: add them to the model asset.',
      'stac-bands-asset-required',
    );
  }
}

const listOf = (props: unknown, key: string): unknown[] | undefined => {
  const v = isRecord(props) ? props[key] : undefined;
  return Array.isArray(v) ? v : undefined;
};

/** C-10/C-11 trigger: every entry of a non-empty list has a non-empty `key` list. */
function everyHas(list: unknown[] | undefined, key: string): boolean {
  return (
    !!list &&
    list.length > 0 &&
    list.every((e) => isRecord(e) && Array.isArray(e[key]) && e[key].length > 0)
  );
}

function extensionsMatching(item: Record<string, unknown>, pattern: RegExp): boolean {
  return (
    Array.isArray(item.stac_extensions) &&
    item.stac_extensions.some((u) => typeof u === 'string' && pattern.test(u))
  );
}

/** Every asset with the mlm:model role satisfies `test` (true when there is none). */
function everyModelAsset(
  item: Record<string, unknown>,
  test: (asset: Record<string, unknown>) => boolean,
): boolean {
  if (!('assets' in item)) {
    return false;
  }
  if (!isRecord(item.assets)) {
    return true;
  }
  return Object.values(item.assets).every(
    (a) => !(isRecord(a) && hasRole(a, 'mlm:model')) || test(a),
  );
}

const nonEmptyObjectArray = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isRecord);

function checkBandSource(item: Record<string, unknown>, ctx: Ctx): void {
  const props = item.properties;
  if (
    !everyHas(listOf(props, 'mlm:input'), 'bands') &&
    !everyHas(listOf(props, 'mlm:output'), 'bands')
  ) {
    return;
  }
  const rasterListed = extensionsMatching(
    item,
    /https:\/\/stac-extensions\.github\.io\/raster\/v1(\.[0-9]+){2}\/schema\.json/u,
  );
  const rasterProblem = rasterListed ? firstRasterBandProblem(item) : undefined;
  const raster = rasterListed && rasterProblem === undefined;
  const eoListed = extensionsMatching(
    item,
    /https:\/\/stac-extensions\.github\.io\/eo\/v1(\.[0-9]+){2}\/schema\.json/u,
  );
  const eo =
    eoListed &&
    (!isRecord(props) ||
      nonEmptyObjectArray(props['eo:bands']) ||
      everyModelAsset(item, (a) => nonEmptyObjectArray(a['eo:bands'])));
  const version = item.stac_version;
  const stac11 =
    'stac_version' in item &&
    (typeof version !== 'string' || /1\.[1-9][0-9]*\.[0-9]+(-.*)?/u.test(version)) &&
    (!isRecord(props) || nonEmptyObjectArray(props.bands));
  if (raster || eo || stac11) {
    return;
  }
  const why = 'The inputs or outputs name bands, so the item must describe them';
  // Point at the band source the item already started on; otherwise at the properties.
  if (rasterProblem) {
    issue(ctx, rasterProblem.path, `${why}: ${rasterProblem.message}`, 'mlm-band-source-required');
  } else if (eoListed) {
    issue(
      ctx,
      ['properties', 'eo:bands'],
      `${why}: add eo:bands (one object per band) to the properties or to every model asset.`,
      'mlm-band-source-required',
    );
  } else if (item.stac_version === '1.1.0') {
    issue(
      ctx,
      ['properties', 'bands'],
      `${why}: add STAC 1.1 "bands" (one object per band) to the properties.`,
      'mlm-band-source-required',
    );
  } else {
    issue(
      ctx,
      ['properties'],
      `${why}: list the raster v1 extension with raster:bands (each with a name) on the model asset, ` +
        'or the eo v1 extension with eo:bands, or use STAC 1.1 "bands" in the properties.',
      'mlm-band-source-required',
    );
  }
}

/** Why the raster band source does not hold: the first model asset without named raster:bands. */
function firstRasterBandProblem(
  item: Record<string, unknown>,
): { path: PropertyKey[]; message: string } | undefined {
  if (!('assets' in item)) {
    return { path: ['assets'], message: 'the model asset needs raster:bands.' };
  }
  if (!isRecord(item.assets)) {
    return undefined;
  }
  for (const [key, asset] of Object.entries(item.assets)) {
    if (!isRecord(asset) || !hasRole(asset, 'mlm:model')) {
      continue;
    }
    const bands = asset['raster:bands'];
    if (!nonEmptyObjectArray(bands)) {
      return {
        path: ['assets', key, 'raster:bands'],
        message: 'add raster:bands (one object with a name per band) to this model asset.',
      };
    }
    const unnamed = (bands as Record<string, unknown>[]).findIndex(
      (b) => typeof b.name !== 'string' || b.name.length === 0,
    );
    if (unnamed >= 0) {
      return {
        path: ['assets', key, 'raster:bands', unnamed, 'name'],
        message: 'every raster band of the model asset needs a name for the inputs to refer to.',
      };
    }
  }
  return undefined;
}

function checkVariableSource(item: Record<string, unknown>, ctx: Ctx): void {
  const props = item.properties;
  if (
    !everyHas(listOf(props, 'mlm:input'), 'variables') &&
    !everyHas(listOf(props, 'mlm:output'), 'variables')
  ) {
    return;
  }
  const hasVariables = (v: unknown) =>
    isRecord(v) && isRecord(v['cube:variables']) && Object.keys(v['cube:variables']).length > 0;
  const ok =
    extensionsMatching(
      item,
      /https:\/\/stac-extensions\.github\.io\/datacube\/v2(\.[0-9]+){2}\/schema\.json/u,
    ) &&
    ((!isRecord(props) ? false : hasVariables(props)) || everyModelAsset(item, hasVariables));
  if (!ok) {
    issue(
      ctx,
      ['properties'],
      'The inputs or outputs name variables, so the item must list the datacube v2 extension and give cube:variables in the properties or on the model asset.',
      'mlm-variable-source-required',
    );
  }
}

function checkModelAsset(item: Record<string, unknown>, ctx: Ctx): void {
  if (!isRecord(item.assets)) {
    return;
  }
  const assets = Object.values(item.assets);
  const allModels = assets.every((a) => isRecord(a) && hasRole(a, 'mlm:model'));
  const someModel = assets.some(
    (a) =>
      isRecord(a) &&
      'roles' in a &&
      (!Array.isArray(a.roles) || a.roles.some((r) => typeof r !== 'string' || r === 'mlm:model')),
  );
  if (!allModels && !someModel) {
    issue(
      ctx,
      ['assets'],
      'At least one asset must have the "mlm:model" role: the file with the model itself.',
      'mlm-model-asset-required',
    );
  }
}

function checkDeclaredExtensions(item: Record<string, unknown>, ctx: Ctx): void {
  const urls = Array.isArray(item.stac_extensions) ? item.stac_extensions : [];
  if (!urls.includes(MLM_SCHEMA_URL)) {
    issue(
      ctx,
      ['stac_extensions'],
      `stac_extensions must list ${MLM_SCHEMA_URL}.`,
      'mlm-extension-url-required',
    );
  }
  const reporter: Reporter = {
    issue: (path, message, code) => issue(ctx, path, message, code),
    parse: (schema, value, path) =>
      forwardIssues(parseWith(schema, value), path, (p, m, c) => issue(ctx, p, m, c)),
  };
  const seen = new Set<ExtensionModel>();
  for (const url of urls) {
    const ext = typeof url === 'string' ? EXTENSIONS.get(url) : undefined;
    if (ext && !seen.has(ext)) {
      seen.add(ext);
      ext.checkItem(item, reporter);
    }
  }
}

function checkItem(value: unknown, ctx: Ctx): void {
  if (!isRecord(value)) {
    return;
  }
  checkGeometryBbox(value, ctx);
  checkCollectionLink(value, ctx);
  if (value.stac_version === '1.1.0') {
    checkStacV11Bands(value, ctx);
  }
  checkModelAsset(value, ctx);
  checkBandSource(value, ctx);
  checkVariableSource(value, ctx);
  checkDeclaredExtensions(value, ctx);
}

/** A STAC Item with the MLM v1.5.2 extension, as the official schemas define it. */
export const mlmItemSchema = z
  .discriminatedUnion('stac_version', [mlmItemSchemaV10, mlmItemSchemaV11])
  .superRefine(checkItem, ALWAYS_RUN)
  .meta({
    label: 'STAC MLM Item',
    help: 'A trained machine learning model described as a STAC Item (MLM v1.5.2).',
    spec: 'https://github.com/stac-extensions/mlm/blob/v1.5.2/README.md',
  });

export type MlmItem = z.infer<typeof mlmItemSchema>;
export type ModelInput = z.infer<typeof modelInputSchema>;
export type ModelOutput = z.infer<typeof modelOutputSchema>;
