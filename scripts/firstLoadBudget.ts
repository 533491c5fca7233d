import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes of JavaScript a first visit may load before anything is imported lazily. */
export const FIRST_LOAD_BUDGET = 200_000;

export interface FirstLoadFile {
  file: string;
  gzip: number;
}

export interface FirstLoad {
  files: FirstLoadFile[];
  total: number;
}

// Static imports in Vite's minified chunks: `import{a as b}from"./x.js"` and `import"./x.js"`.
// Dynamic `import("./x.js")` is lazy and deliberately not matched.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)"(\.\/[^"]+\.js)"/g;

/**
 * The entry script of a built `index.html`, its modulepreloads, and every chunk they import
 * statically (whatever the browser must fetch before the app's first line runs), with sizes.
 */
export function firstLoad(distDir: string): FirstLoad {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`${indexPath} does not exist: run \`npm run build\` first.`);
  }
  const html = readFileSync(indexPath, 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\//, ''));
  const seen = new Set<string>();
  const queue = [...roots];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) {
      continue;
    }
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      queue.push(posix.join(posix.dirname(file), m[1] ?? ''));
    }
  }
  const files = [...seen]
    .map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
    }))
    .sort((a, b) => b.gzip - a.gzip);
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

export const formatKb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
