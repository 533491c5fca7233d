// Extension schema URLs, kept apart from the Zod schemas so that code which only needs a URL (the
// managed stac_extensions list of the first load, templates) does not load Zod.

export const EO_V2_URL = 'https://stac-extensions.github.io/eo/v2.0.0/schema.json';

export const RASTER_V2_URL = 'https://stac-extensions.github.io/raster/v2.0.0/schema.json';

export const CLASSIFICATION_URL =
  'https://stac-extensions.github.io/classification/v1.1.0/schema.json';

export const DATACUBE_URL = 'https://stac-extensions.github.io/datacube/v2.3.0/schema.json';

export const EO_V1_URL = 'https://stac-extensions.github.io/eo/v1.1.0/schema.json';

export const EXAMPLE_LINKS_URL =
  'https://stac-extensions.github.io/example-links/v0.0.1/schema.json';

export const FILE_V1_URL = 'https://stac-extensions.github.io/file/v1.0.0/schema.json';

export const FILE_V2_URL = 'https://stac-extensions.github.io/file/v2.1.0/schema.json';

export const ITEM_ASSETS_URL = 'https://stac-extensions.github.io/item-assets/v1.0.0/schema.json';

export const LABEL_URL = 'https://stac-extensions.github.io/label/v1.0.1/schema.json';

export const ML_AOI_URL = 'https://stac-extensions.github.io/ml-aoi/v0.2.0/schema.json';

export const PROCESSING_V11_URL = 'https://stac-extensions.github.io/processing/v1.1.0/schema.json';

export const PROCESSING_V12_URL = 'https://stac-extensions.github.io/processing/v1.2.0/schema.json';

export const RASTER_V1_URL = 'https://stac-extensions.github.io/raster/v1.1.0/schema.json';

export const SCIENTIFIC_URL = 'https://stac-extensions.github.io/scientific/v1.0.0/schema.json';

export const VERSION_URL = 'https://stac-extensions.github.io/version/v1.2.0/schema.json';
