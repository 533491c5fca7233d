import { type ExtensionModel } from './extensionModel';
import { ITEM_ASSETS_URL } from '../extensionUrls';

export const itemAssetsExtension: ExtensionModel = {
  url: ITEM_ASSETS_URL,
  name: 'item-assets v1.0.0',
  fields: {},
  checkItem(item, report) {
    const index = Array.isArray(item.stac_extensions)
      ? item.stac_extensions.indexOf(ITEM_ASSETS_URL)
      : -1;
    report.issue(
      ['stac_extensions', index],
      'The item-assets extension describes Collections only; remove it from an Item.',
      'extension-not-for-items',
    );
  },
};
