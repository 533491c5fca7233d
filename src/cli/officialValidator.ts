import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import type { Finding } from '../../schemas/finding';
import { isIri, isIriReference } from '../../schemas/formats';
import { MLM_SCHEMA_URL } from '../../schemas/mlmUrls';

// ajv-formats ships CommonJS with a default export that bundlers and tsx unwrap differently.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
  .default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const CORE_URLS: Record<string, Record<string, string>> = {
  Feature: {
    '1.0.0': 'https://schemas.stacspec.org/v1.0.0/item-spec/json-schema/item.json',
    '1.1.0': 'https://schemas.stacspec.org/v1.1.0/item-spec/json-schema/item.json',
  },
  Collection: {
    '1.0.0': 'https://schemas.stacspec.org/v1.0.0/collection-spec/json-schema/collection.json',
    '1.1.0': 'https://schemas.stacspec.org/v1.1.0/collection-spec/json-schema/collection.json',
  },
  Catalog: {
    '1.0.0': 'https://schemas.stacspec.org/v1.0.0/catalog-spec/json-schema/catalog.json',
    '1.1.0': 'https://schemas.stacspec.org/v1.1.0/catalog-spec/json-schema/catalog.json',
  },
};

export class SchemasMissingError extends Error {
  constructor(readonly dir: string) {
    super(
      `The official schemas were not found in ${dir}: expected ${join(dir, 'mlm/schema/v1.5.2/schema.json')} ` +
        `and ${join(dir, 'stac-schemas/index.json')}. Put the shared folder beside the project or pass --schemas DIR.`,
    );
    this.name = 'SchemasMissingError';
  }
}

/**
 * Validates documents with the official JSON Schemas, the way stac-node-validator does: the STAC core
 * schema chosen by `type` and `stac_version`, every schema listed in `stac_extensions`, and the MLM
 * v1.5.2 schema even when the document forgets to declare it.
 */
export class OfficialValidator {
  private readonly ajv: Ajv;
  private readonly known: Set<string>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly schemasDir: string) {
    const dir = resolve(schemasDir);
    const mlmPath = join(dir, 'mlm/schema/v1.5.2/schema.json');
    const indexPath = join(dir, 'stac-schemas/index.json');
    if (!existsSync(mlmPath) || !existsSync(indexPath)) {
      throw new SchemasMissingError(dir);
    }
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    this.ajv.addFormat('iri', isIri);
    this.ajv.addFormat('iri-reference', isIriReference);
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as Record<string, string>;
    this.known = new Set([MLM_SCHEMA_URL]);
    for (const [url, file] of Object.entries(index)) {
      this.ajv.addSchema(
        JSON.parse(readFileSync(join(dir, 'stac-schemas', file), 'utf8')) as object,
        url,
      );
      this.known.add(url);
    }
    this.ajv.addSchema(JSON.parse(readFileSync(mlmPath, 'utf8')) as object, MLM_SCHEMA_URL);
  }

  private validator(url: string): ValidateFunction {
    let fn = this.compiled.get(url);
    if (!fn) {
      fn = this.ajv.getSchema(url);
      if (!fn) {
        throw new Error(`Schema ${url} is registered but could not be compiled.`);
      }
      this.compiled.set(url, fn);
    }
    return fn;
  }

  /** The schema URLs this document is checked against, in order. */
  schemasFor(doc: Record<string, unknown>): { urls: string[]; findings: Finding[] } {
    const findings: Finding[] = [];
    const urls: string[] = [];
    const type = doc.type;
    const version = doc.stac_version;
    const byType = typeof type === 'string' ? CORE_URLS[type] : undefined;
    const core = byType && typeof version === 'string' ? byType[version] : undefined;
    if (!byType) {
      findings.push(
        official(
          '',
          'official.type',
          `"type" must be "Feature" for a STAC Item (found ${JSON.stringify(type)}).`,
        ),
      );
    } else if (!core) {
      findings.push(
        official(
          '/stac_version',
          'official.stac_version',
          version === undefined
            ? 'stac_version is missing: use "1.0.0" or "1.1.0".'
            : `STAC version ${JSON.stringify(version)} is not supported: use "1.0.0" or "1.1.0".`,
        ),
      );
    } else {
      urls.push(core);
    }
    const extensions = Array.isArray(doc.stac_extensions) ? doc.stac_extensions : [];
    extensions.forEach((url, i) => {
      if (typeof url !== 'string' || urls.includes(url)) {
        return;
      }
      if (this.known.has(url)) {
        urls.push(url);
      } else {
        findings.push({
          severity: 'warning',
          code: 'official.schema-unavailable',
          path: `/stac_extensions/${i}`,
          message: `No offline copy of the schema ${url}, so the fields of that extension were not checked.`,
          source: 'official',
        });
      }
    });
    if (!urls.includes(MLM_SCHEMA_URL)) {
      urls.push(MLM_SCHEMA_URL);
    }
    return { urls, findings };
  }

  validate(doc: unknown): Finding[] {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      return [official('', 'official.type', 'The document must be a JSON object (a STAC Item).')];
    }
    const { urls, findings } = this.schemasFor(doc as Record<string, unknown>);
    for (const url of urls) {
      const fn = this.validator(url);
      if (!fn(doc)) {
        findings.push(...toFindings(fn.errors ?? [], url));
      }
    }
    return findings;
  }
}

function official(path: string, code: string, message: string): Finding {
  return { severity: 'error', code, path, message, source: 'official' };
}

function shortSchemaName(url: string): string {
  const m = /stac-extensions\.github\.io\/([^/]+)\/(v[^/]+)\//.exec(url);
  if (m) {
    return `${m[1]} ${m[2]}`;
  }
  const core = /stacspec\.org\/(v[^/]+)\/.*\/([^/]+)\.json/.exec(url);
  return core ? `STAC ${core[1]} ${core[2]}` : url;
}

function toFindings(errors: ErrorObject[], url: string): Finding[] {
  const name = shortSchemaName(url);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const e of errors) {
    // An if/then failure only repeats the errors of its "then" branch, which are listed as well.
    if (e.keyword === 'if') {
      continue;
    }
    const path =
      e.keyword === 'required' && typeof e.params.missingProperty === 'string'
        ? `${e.instancePath}/${e.params.missingProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`
        : e.instancePath;
    const detail =
      e.keyword === 'additionalProperties'
        ? `has the unknown field "${String(e.params.additionalProperty)}"`
        : e.keyword === 'enum'
          ? `must be one of ${JSON.stringify(e.params.allowedValues)}`
          : e.keyword === 'const'
            ? `must be ${JSON.stringify(e.params.allowedValue)}`
            : (e.message ?? 'is invalid');
    const message = `${detail} (${name} schema, ${e.schemaPath}).`;
    const key = `${path}|${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(
        official(path, `official.${e.keyword}`, message.charAt(0).toUpperCase() + message.slice(1)),
      );
    }
  }
  return out;
}
