import { classificationExtension } from './classification';
import { datacubeExtension } from './datacube';
import { eoExtension } from './eo';
import { eoV2Extension, rasterV2Extension } from './bandsV2';
import { exampleLinksExtension } from './exampleLinks';
import type { ExtensionModel } from './extensionModel';
import { fileV1Extension, fileV2Extension } from './file';
import { itemAssetsExtension } from './itemAssets';
import { labelExtension } from './label';
import { mlAoiExtension } from './mlAoi';
import { processingV11Extension, processingV12Extension } from './processing';
import { rasterExtension } from './raster';
import { scientificExtension } from './scientific';
import { versionExtension } from './version';

/** Every extension the model knows, by schema URL; others cannot be checked offline. */
export const EXTENSIONS: ReadonlyMap<string, ExtensionModel> = new Map(
  [
    eoExtension,
    eoV2Extension,
    rasterExtension,
    rasterV2Extension,
    fileV1Extension,
    fileV2Extension,
    classificationExtension,
    processingV11Extension,
    processingV12Extension,
    datacubeExtension,
    mlAoiExtension,
    scientificExtension,
    versionExtension,
    exampleLinksExtension,
    labelExtension,
    itemAssetsExtension,
  ].map((e) => [e.url, e]),
);
