import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { ConfigEnv, HtmlTagDescriptor, IndexHtmlTransformContext, UserConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

import { contentSecurityPolicy } from '../../scripts/contentSecurityPolicy';
import { cspPlugin } from '../../scripts/cspPlugin';

type ConfigHook = (config: UserConfig, env: ConfigEnv) => UserConfig;
type HtmlHook = (
  html: string,
  context: Partial<IndexHtmlTransformContext>,
) => string | HtmlTagDescriptor[];

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** Runs the plugin as Vite does: config first, then the index.html transform. */
function run(envFile: string | undefined, html: string, dev = false) {
  const root = mkdtempSync(path.join(tmpdir(), 'csp-'));
  roots.push(root);
  if (envFile !== undefined) {
    writeFileSync(path.join(root, '.env'), envFile);
  }
  const plugin = cspPlugin();
  const config = (plugin.config as ConfigHook)(
    { root },
    {
      command: 'build',
      mode: 'production',
    },
  );
  const transform = (plugin.transformIndexHtml as { handler: HtmlHook }).handler;
  return {
    header: config.preview?.headers?.['Content-Security-Policy'],
    html: () => transform(html, dev ? { server: {} as never } : { path: '/index.html' }),
  };
}

const PAGE = '<html><head><script type="module" src="/src/main.tsx"></script></head></html>';

describe('cspPlugin', () => {
  it('sends the strict policy from `vite preview` and puts it first in the built page', () => {
    const { header, html } = run(undefined, PAGE);
    expect(header).toBe(contentSecurityPolicy());
    expect(html()).toEqual([
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({}, 'meta'),
        },
        injectTo: 'head-prepend',
      },
    ]);
  });

  it('allows the basemap a deployment names in its .env, in the header and the <meta> tag', () => {
    const { header, html } = run('VITE_BASEMAP_URL=https://tiles.example.org/style.json\n', PAGE);
    const options = { basemapOrigins: ['https://tiles.example.org'] };
    expect(header).toBe(contentSecurityPolicy(options));
    expect((html() as HtmlTagDescriptor[])[0]?.attrs?.content).toBe(
      contentSecurityPolicy(options, 'meta'),
    );
  });

  it('fails the build on a basemap URL the policy cannot allow', () => {
    expect(() => run('VITE_BASEMAP_URL=http://tiles.example.org/style.json\n', PAGE)).toThrow(
      /https/,
    );
  });

  it('fails the build when the page has an inline script', () => {
    const inline = '<html><head><script type="module">import "/x.js";</script></head></html>';
    expect(() => run(undefined, inline).html()).toThrow(/inline script/);
  });

  it('leaves the dev server page alone: React Refresh needs its inline script there', () => {
    const inline =
      '<html><head><script type="module">import "/@react-refresh";</script></head></html>';
    expect(run(undefined, inline, true).html()).toBe(inline);
  });
});
