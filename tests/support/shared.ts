import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder with the official MLM and STAC schemas and examples, beside the project. */
export const SHARED_DIR = resolve(
  process.env.MLM_SHARED_DIR ?? join(process.cwd(), '..', 'shared'),
);

/** Fails with a clear message when the official material is not there. */
export function requireShared(): string {
  const needed = ['mlm/schema/v1.5.2/schema.json', 'mlm/examples', 'stac-schemas/index.json'];
  const missing = needed.filter((p) => !existsSync(join(SHARED_DIR, p)));
  if (missing.length > 0) {
    throw new Error(
      `The conformance tests need the official schemas and examples in ${SHARED_DIR} ` +
        `(missing: ${missing.join(', ')}). Put the "shared" folder beside the project, or set MLM_SHARED_DIR.`,
    );
  }
  return SHARED_DIR;
}

export interface Example {
  file: string;
  doc: Record<string, unknown>;
}

export function loadExamples(): Example[] {
  const dir = join(requireShared(), 'mlm/examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      doc: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>,
    }));
}

export function loadExample(file: string): Record<string, unknown> {
  const found = loadExamples().find((e) => e.file === file);
  if (!found) {
    throw new Error(`Official example ${file} not found in ${SHARED_DIR}/mlm/examples.`);
  }
  return found.doc;
}
