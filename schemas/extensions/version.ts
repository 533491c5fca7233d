import * as z from 'zod';

import '../meta';
import { checkPropertiesAndAssets, type ExtensionModel } from './extensionModel';
import { VERSION_URL } from '../extensionUrls';

export const versionFieldsSchema = z.looseObject({
  version: z.string().optional().meta({
    label: 'Version',
    help: 'Version of this model release, e.g. 1.2.0.',
    extension: VERSION_URL,
  }),
  deprecated: z
    .boolean()
    .optional()
    .meta({ label: 'Deprecated', widget: 'checkbox', extension: VERSION_URL }),
  experimental: z
    .boolean()
    .optional()
    .meta({ label: 'Experimental', widget: 'checkbox', extension: VERSION_URL }),
});

export const versionExtension: ExtensionModel = {
  url: VERSION_URL,
  name: 'version v1.2.0',
  fields: { properties: versionFieldsSchema, asset: versionFieldsSchema },
  checkItem(item, report) {
    checkPropertiesAndAssets(item, report, versionFieldsSchema);
  },
};
