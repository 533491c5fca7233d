import { describe, expect, it } from 'vitest';

import { safeHref } from '../../schemas/safeHref';

describe('safeHref', () => {
  it.each([
    'https://example.com/model.pt',
    'http://example.com/a?b=c#d',
    'HTTPS://EXAMPLE.COM/',
    './model.pt',
    '../items/x.json',
    'model.pt',
    '/abs/path.json',
    '//cdn.example.com/model.onnx',
    '#fragment',
    '?query=1',
    // A colon after a slash is part of the path, not a scheme.
    './weights:v2.pt',
  ])('lets the web address %j through unchanged', (href) => {
    expect(safeHref(href)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    // Browsers drop tabs and newlines anywhere in a URL before reading its scheme.
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'javascript\r:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'mailto:someone@example.com',
    'ftp://example.com/model.pt',
    // Without "./", a colon before any slash makes the first word a scheme.
    'weights:v2.pt',
    'http://[::1',
    '',
    '   ',
  ])('refuses %j', (href) => {
    expect(safeHref(href)).toBeUndefined();
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 1, {}, ['https://example.com'], { href: 'https://x' }]) {
      expect(safeHref(value)).toBeUndefined();
    }
  });
});
