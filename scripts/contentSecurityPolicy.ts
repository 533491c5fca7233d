// The app's Content-Security-Policy, defined once: scripts/cspPlugin.ts writes it into the built
// index.html as a <meta> tag and sends it as a header from `vite preview`; e2e/csp.spec.ts checks
// that the running app never trips it.

/** Where the policy is delivered: browsers ignore some directives in a <meta> tag. */
export type CspDelivery = 'header' | 'meta';

/** The online basemap a deployment allows (see basemapConfig); none by default. */
export interface CspOptions {
  /** https origins the online MapLibre style, its tiles, glyphs and sprites are fetched from. */
  basemapOrigins?: readonly string[];
}

/** The directives as [name, sources] pairs, in the order they are written. */
export function cspDirectives(
  { basemapOrigins = [] }: CspOptions = {},
  delivery: CspDelivery = 'header',
): [string, string[]][] {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    // No 'unsafe-eval' and no inline scripts: zod runs jitless (src/app/zodConfig.ts) and the build
    // emits no inline script. 'wasm-unsafe-eval' only lets WebAssembly compile: hash-wasm computes
    // the model's SHA-256 in the ONNX worker from a wasm module embedded in its script, and Chromium
    // refuses WebAssembly.instantiate without it. It does not allow eval() or new Function().
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    // Emotion (MUI) and CodeMirror insert <style> elements at run time, and React writes style
    // attributes: styles only, scripts stay blocked.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // data: for the SVG icons in maplibre's CSS; blob: for images maplibre decodes from fetched
    // bytes (sprites, raster tiles).
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    // The offline basemap is served with the app; an online one only from the origins the
    // deployment named when it was built.
    ['connect-src', ["'self'", ...basemapOrigins]],
    // The ONNX and maplibre workers are files of the app. maplibre starts its worker from a blob:
    // URL that imports the file when the file is on another origin (the app behind a CDN base).
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  // A <meta> policy cannot say who may frame the page; browsers ignore (and warn about) it there.
  if (delivery === 'header') {
    directives.push(['frame-ancestors', ["'none'"]]);
  }
  return directives;
}

/** The policy as one header (or <meta content>) value. */
export function contentSecurityPolicy(
  options: CspOptions = {},
  delivery: CspDelivery = 'header',
): string {
  return cspDirectives(options, delivery)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The online basemap a build allows, read from its environment (VITE_* variables). */
export interface BasemapConfig {
  /** The MapLibre style URL offered under Map settings, or undefined: offline basemap only. */
  styleUrl?: string;
  /** Origins the policy lets the map fetch from: the style's, plus VITE_BASEMAP_ORIGINS. */
  origins: string[];
}

function httpsOrigin(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} must be an absolute https URL; got "${value}".`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`${variable} must be an https URL; got "${value}".`);
  }
  return url.origin;
}

/**
 * Reads VITE_BASEMAP_URL (an https MapLibre style URL) and VITE_BASEMAP_ORIGINS (more https
 * origins, separated by spaces or commas, for styles whose tiles, glyphs or sprites live on other
 * hosts). Throws on anything else, so a typo fails the build instead of shipping a map the policy
 * blocks.
 */
export function basemapConfig(env: Readonly<Record<string, string | undefined>>): BasemapConfig {
  const styleUrl = env.VITE_BASEMAP_URL?.trim() || undefined;
  const extra = (env.VITE_BASEMAP_ORIGINS ?? '').split(/[\s,]+/u).filter((s) => s !== '');
  if (!styleUrl && extra.length > 0) {
    throw new Error('VITE_BASEMAP_ORIGINS is set without VITE_BASEMAP_URL.');
  }
  const origins = [
    ...(styleUrl ? [httpsOrigin(styleUrl, 'VITE_BASEMAP_URL')] : []),
    ...extra.map((origin) => {
      const parsed = httpsOrigin(origin, 'VITE_BASEMAP_ORIGINS');
      if (parsed !== origin.replace(/\/$/u, '')) {
        throw new Error(
          `VITE_BASEMAP_ORIGINS lists origins (scheme and host) only; got "${origin}".`,
        );
      }
      return parsed;
    }),
  ];
  return { ...(styleUrl ? { styleUrl } : {}), origins: [...new Set(origins)] };
}
