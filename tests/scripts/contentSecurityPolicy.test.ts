import { describe, expect, it } from 'vitest';

import {
  basemapConfig,
  contentSecurityPolicy,
  cspDirectives,
} from '../../scripts/contentSecurityPolicy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('contentSecurityPolicy', () => {
  it('is the strict policy: no eval, no inline script, connections to the app only', () => {
    expect(contentSecurityPolicy()).toBe(
      [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('leaves frame-ancestors out of the <meta> form, where browsers ignore it', () => {
    const meta = contentSecurityPolicy({}, 'meta');
    expect(directive(meta, 'frame-ancestors')).toBeUndefined();
    expect(meta).toBe(contentSecurityPolicy().replace("; frame-ancestors 'none'", ''));
  });

  it('lets the map connect to the configured basemap origins, and nothing else changes', () => {
    const origins = ['https://tiles.example.org', 'https://fonts.example.net'];
    const policy = contentSecurityPolicy({ basemapOrigins: origins });
    expect(directive(policy, 'connect-src')).toEqual(["'self'", ...origins]);
    const others = (p: string) =>
      p
        .split('; ')
        .filter((d) => !d.startsWith('connect-src '))
        .join('; ');
    expect(others(policy)).toBe(others(contentSecurityPolicy()));
  });

  it('never allows eval or inline scripts in any directive', () => {
    for (const [name, sources] of cspDirectives({ basemapOrigins: ['https://a.example'] })) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      if (name !== 'style-src') {
        expect(sources, name).not.toContain("'unsafe-inline'");
      }
    }
  });
});

describe('basemapConfig', () => {
  it('allows no online basemap by default', () => {
    expect(basemapConfig({})).toEqual({ origins: [] });
    expect(basemapConfig({ VITE_BASEMAP_URL: '  ' })).toEqual({ origins: [] });
  });

  it('takes the origin of the style URL, plus the extra origins, once each', () => {
    expect(
      basemapConfig({
        VITE_BASEMAP_URL: 'https://tiles.example.org/styles/liberty.json?key=1',
        VITE_BASEMAP_ORIGINS:
          'https://fonts.example.net/, https://tiles.example.org https://sprites.example.com',
      }),
    ).toEqual({
      styleUrl: 'https://tiles.example.org/styles/liberty.json?key=1',
      origins: [
        'https://tiles.example.org',
        'https://fonts.example.net',
        'https://sprites.example.com',
      ],
    });
  });

  it('refuses what the policy could not allow safely, so the build fails', () => {
    expect(() =>
      basemapConfig({ VITE_BASEMAP_URL: 'http://tiles.example.org/style.json' }),
    ).toThrow(/https/);
    expect(() => basemapConfig({ VITE_BASEMAP_URL: 'style.json' })).toThrow(/absolute https/);
    expect(() =>
      basemapConfig({
        VITE_BASEMAP_URL: 'https://tiles.example.org/style.json',
        VITE_BASEMAP_ORIGINS: 'https://fonts.example.net/glyphs',
      }),
    ).toThrow(/origins \(scheme and host\) only/);
    expect(() =>
      basemapConfig({
        VITE_BASEMAP_URL: 'https://tiles.example.org/style.json',
        VITE_BASEMAP_ORIGINS: "'unsafe-eval'",
      }),
    ).toThrow(/https/);
    expect(() => basemapConfig({ VITE_BASEMAP_ORIGINS: 'https://fonts.example.net' })).toThrow(
      /without VITE_BASEMAP_URL/,
    );
  });
});
