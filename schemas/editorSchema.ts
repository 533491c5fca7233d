import * as z from 'zod';

import { eoBandsSchema } from './extensions/eo';
import {
  EO_V1_URL,
  FILE_V2_URL,
  ML_AOI_URL,
  RASTER_V1_URL,
  SCIENTIFIC_URL,
  VERSION_URL,
} from './extensionUrls';
import { fileFieldsV2Schema } from './extensions/file';
import { mlAoiRoleSchema, mlAoiSplitSchema } from './extensions/mlAoi';
import { rasterBandsSchema } from './extensions/raster';
import { scientificFieldsSchema } from './extensions/scientific';
import { versionFieldsSchema } from './extensions/version';
import { bboxSchema, geometrySchema } from './geojson';
import './meta';
import { mlmAssetShape, mlmPropertiesShape } from './mlmItem';
import { MLM_SCHEMA_URL } from './mlmUrls';
import {
  assetShapeV10,
  assetShapeV11,
  commonShapeV10,
  commonShapeV11,
  linkSchemaV10,
  linkSchemaV11,
} from './stacCore';

// The shapes the form is generated from: the Item of each STAC version with the extension fields
// the editor offers merged in (each extension field names its schema URL in `.meta().extension`,
// and the editor lists that URL in stac_extensions when the field is used). Validation does not use
// these: it goes through mlmItemSchema, which checks an extension's fields only when it is listed.

const assetExtensionShape = {
  'file:size': fileFieldsV2Schema.shape['file:size'],
  'file:checksum': fileFieldsV2Schema.shape['file:checksum'],
  'raster:bands': rasterBandsSchema.optional(),
  'eo:bands': eoBandsSchema.optional(),
};

const propertiesExtensionShape = {
  'sci:doi': scientificFieldsSchema.shape['sci:doi'],
  'sci:citation': scientificFieldsSchema.shape['sci:citation'],
  version: versionFieldsSchema.shape.version,
  deprecated: versionFieldsSchema.shape.deprecated,
};

const linkExtensionShape = {
  'ml-aoi:split': mlAoiSplitSchema.optional(),
  'ml-aoi:role': mlAoiRoleSchema.optional(),
};

const header = {
  type: z.literal('Feature').meta({ label: 'Type', help: 'Always "Feature" for a STAC Item.' }),
  id: z.string().min(1).meta({
    label: 'ID',
    help: 'Identifier of this item, unique within its collection; also the file name.',
    widget: 'text',
  }),
  stac_extensions: z.array(z.string()).meta({
    label: 'Extensions',
    help: 'Schema URLs of the extensions in use; the editor keeps this list up to date.',
    widget: 'chips',
  }),
  geometry: geometrySchema.nullable(),
  bbox: bboxSchema.optional(),
  collection: z
    .string()
    .optional()
    .meta({ label: 'Collection', help: 'ID of the collection this item belongs to.' }),
};

function editorItem<V extends string>(
  version: V,
  common: typeof commonShapeV10 | typeof commonShapeV11,
  asset: typeof assetShapeV10 | typeof assetShapeV11,
  link: typeof linkSchemaV10 | typeof linkSchemaV11,
) {
  return z.looseObject({
    ...header,
    stac_version: z
      .literal(version)
      .meta({ label: 'STAC version', help: 'Version of the STAC specification.' }),
    properties: z
      .looseObject({ ...common, ...mlmPropertiesShape, ...propertiesExtensionShape })
      .meta({ label: 'Properties' }),
    links: z.array(link.extend(linkExtensionShape)).meta({
      label: 'Links',
      help: 'Related documents, such as the training data.',
      widget: 'list',
    }),
    assets: z
      .record(z.string(), z.looseObject({ ...asset, ...mlmAssetShape, ...assetExtensionShape }))
      .meta({
        label: 'Assets',
        help: 'The files of the model: weights, code, containers.',
        widget: 'list',
      }),
  });
}

export const editorItemSchemaV10 = editorItem(
  '1.0.0',
  commonShapeV10,
  assetShapeV10,
  linkSchemaV10,
);
export const editorItemSchemaV11 = editorItem(
  '1.1.0',
  commonShapeV11,
  assetShapeV11,
  linkSchemaV11,
);

/** The form schema for a document's STAC version (1.0.0 unless it says 1.1.0). */
export function editorSchemaFor(stacVersion: unknown) {
  return stacVersion === '1.1.0' ? editorItemSchemaV11 : editorItemSchemaV10;
}

/** Extension URLs the editor may add: the default version of each family it writes. */
export const EDITOR_EXTENSION_URLS = [
  MLM_SCHEMA_URL,
  FILE_V2_URL,
  RASTER_V1_URL,
  EO_V1_URL,
  ML_AOI_URL,
  SCIENTIFIC_URL,
  VERSION_URL,
] as const;
