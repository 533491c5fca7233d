/** The extension URL every MLM v1.5.2 document must list in `stac_extensions`. */
export const MLM_SCHEMA_URL = 'https://stac-extensions.github.io/mlm/v1.5.2/schema.json';

/** Where each field is documented: anchors in the MLM README at the v1.5.2 tag. */
export const MLM_SPEC = 'https://github.com/stac-extensions/mlm/blob/v1.5.2/README.md';
