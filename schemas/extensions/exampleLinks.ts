import * as z from 'zod';

import '../meta';
import { codePointLength } from '../formats';
import { unknownPrefixedKeys } from '../primitives';
import { isRecord } from '../isRecord';
import { type ExtensionModel, linksOf } from './extensionModel';
import { EXAMPLE_LINKS_URL } from '../extensionUrls';

export const exampleLinkFieldsSchema = z.looseObject({
  'example:container': z
    .boolean()
    .optional()
    .meta({ label: 'Runs in a container', extension: EXAMPLE_LINKS_URL }),
  'example:language': z
    .string()
    .refine((s) => codePointLength(s) >= 1 && codePointLength(s) <= 100 && /[^\r\n]+/u.test(s), {
      error: 'Give a language name of 1 to 100 characters.',
    })
    .optional()
    .meta({ label: 'Language', extension: EXAMPLE_LINKS_URL }),
});

export const exampleLinksExtension: ExtensionModel = {
  url: EXAMPLE_LINKS_URL,
  name: 'example-links v0.0.1',
  fields: { link: exampleLinkFieldsSchema },
  checkItem(item, report) {
    const links = linksOf(item);
    if (Array.isArray(item.links) && !links.some(([, l]) => l.rel === 'example')) {
      report.issue(
        ['links'],
        'The example-links extension needs at least one link with rel "example".',
        'example-link-required',
      );
    }
    for (const [i, link] of links) {
      if (link.rel === 'example') {
        report.parse(exampleLinkFieldsSchema, link, ['links', i]);
        for (const key of unknownPrefixedKeys(link, 'example:', [
          'example:container',
          'example:language',
        ])) {
          report.issue(
            ['links', i, key],
            `"${key}" is not a field of the example-links extension.`,
            'unknown-extension-field',
          );
        }
      } else {
        for (const key of unknownPrefixedKeys(link, 'example:', [])) {
          report.issue(
            ['links', i, key],
            `"${key}" is only allowed on links with rel "example".`,
            'unknown-extension-field',
          );
        }
      }
    }
    if (item.links !== undefined && !Array.isArray(item.links) && isRecord(item)) {
      report.issue(['links'], 'links must be a list.', 'invalid_type');
    }
  },
};
