// Zod compiles a fast parser for each object schema with new Function(), which the app's
// Content-Security-Policy (script-src without 'unsafe-eval') forbids. Jitless mode parses with
// plain code and skips the probe whose refused eval would still be reported as a CSP violation.
// Zod reads the setting when a schema is created, and the schemas load lazily, after the first
// render: so the setting goes where every copy of Zod takes its config from when it loads
// (globalThis.__zod_globalConfig), and main.tsx imports this module first without loading Zod
// itself. The CLI and node tests keep the faster compiled parsers.

interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

((globalThis as ZodGlobal).__zod_globalConfig ??= {}).jitless = true;
