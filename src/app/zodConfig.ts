import { z } from 'zod';

// Zod compiles a fast parser for each object schema with new Function(), which the app's
// Content-Security-Policy (script-src without 'unsafe-eval') forbids. Jitless mode parses with
// plain code and skips the probe whose refused eval would still be reported as a CSP violation.
// Zod reads the setting when a schema is created, so main.tsx imports this module before any
// module that defines one. The CLI and node tests keep the faster compiled parsers.
z.config({ jitless: true });
