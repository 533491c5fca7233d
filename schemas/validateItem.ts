import type * as z from 'zod';

import { EXTENSIONS } from './extensions/registry';
import type { Finding, ValidationResult } from './finding';
import { plainError } from './messages';
import { mlmItemSchema } from './mlmItem';
import { MLM_SCHEMA_URL } from './mlmUrls';
import { isRecord } from './primitives';

/** A JSON pointer (RFC 6901) for a Zod issue path. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function toFinding(iss: z.core.$ZodIssue): Finding {
  const code = (iss as { params?: { code?: string } }).params?.code ?? iss.code;
  return {
    severity: 'error',
    code,
    path: toPointer(iss.path),
    message: iss.message,
    source: 'schema',
  };
}

/** Extensions listed by the item that the model cannot check offline. */
export function uncheckedExtensions(doc: unknown): Finding[] {
  if (!isRecord(doc) || !Array.isArray(doc.stac_extensions)) {
    return [];
  }
  return doc.stac_extensions.flatMap((url, i): Finding[] =>
    typeof url === 'string' && url !== MLM_SCHEMA_URL && !EXTENSIONS.has(url)
      ? [
          {
            severity: 'warning',
            code: 'extension-unchecked',
            path: `/stac_extensions/${i}`,
            message: `The fields of ${url} were not checked: that extension is not known to this editor.`,
            source: 'schema',
          },
        ]
      : [],
  );
}

/**
 * The Zod model's verdict on a document: valid exactly when the official STAC core, MLM v1.5.2 and
 * listed extension schemas accept it. Every problem is returned at its JSON pointer.
 */
export function validateItem(doc: unknown): ValidationResult {
  if (isRecord(doc) && doc.type !== 'Feature') {
    const kind = typeof doc.type === 'string' ? `a STAC ${doc.type}` : 'not a STAC Item';
    return {
      valid: false,
      findings: [
        {
          severity: 'error',
          code: 'not-an-item',
          path: '/type',
          message: `This document is ${kind}; the editor checks STAC Items ("type": "Feature").`,
          source: 'schema',
        },
      ],
    };
  }
  const result = mlmItemSchema.safeParse(doc, { error: plainError });
  const findings = result.success ? [] : result.error.issues.map(toFinding);
  findings.push(...uncheckedExtensions(doc));
  return { valid: !findings.some((f) => f.severity === 'error'), findings };
}
