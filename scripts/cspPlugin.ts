import path from 'node:path';

import { loadEnv, type Plugin } from 'vite';

import { basemapConfig, contentSecurityPolicy } from './contentSecurityPolicy.js';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>/iu;

/**
 * Delivers the Content-Security-Policy (scripts/contentSecurityPolicy.ts) twice, from one
 * definition: as a <meta> tag first in the built index.html, for hosts that cannot set headers,
 * and as a header from `vite preview`, which can also say frame-ancestors and covers the workers
 * (a worker gets the policy of its own script's response, not the page's <meta>).
 *
 * The dev server gets no policy: React Refresh adds an inline script to the page and HMR evaluates
 * updated modules, so a strict policy would break `npm start` and a relaxed one would prove
 * nothing. The e2e tests run against `vite preview` of a real build.
 */
export function cspPlugin(): Plugin {
  let metaPolicy = '';
  return {
    name: 'stac-mlm-editor:csp',
    config(config, { mode }) {
      // The same files and variables Vite reads for import.meta.env, so the policy and the Map
      // settings (src/app/footprint/onlineBasemapUrl.ts) always name the same basemap.
      const root = path.resolve(config.root ?? process.cwd());
      const envDir = config.envDir === false ? false : path.resolve(root, config.envDir ?? '');
      const { origins } = basemapConfig(loadEnv(mode, envDir, 'VITE_'));
      metaPolicy = contentSecurityPolicy({ basemapOrigins: origins }, 'meta');
      return {
        preview: {
          headers: {
            'Content-Security-Policy': contentSecurityPolicy({ basemapOrigins: origins }, 'header'),
          },
        },
      };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.server) {
          return html;
        }
        // Nothing Vite or a plugin puts inline may run under script-src 'self'; fail the build
        // rather than ship a page that breaks (or tempt anyone into adding 'unsafe-inline').
        const inline = INLINE_SCRIPT.exec(html);
        if (inline) {
          throw new Error(
            `index.html has an inline script (${inline[0]}), which the Content-Security-Policy blocks.`,
          );
        }
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy },
            // A <meta> policy applies only to what follows it.
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
