/**
 * The online MapLibre style this build allows under Map settings, or undefined: offline basemap
 * only. It comes from VITE_BASEMAP_URL when the app is built; the build checks it is an https URL
 * and lets the Content-Security-Policy connect to its origin (scripts/cspPlugin.ts). No other URL
 * is offered, since the policy would block it.
 */
export const onlineBasemapUrl: string | undefined =
  (import.meta.env.VITE_BASEMAP_URL as string | undefined)?.trim() || undefined;
