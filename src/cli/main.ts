import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { formatIntrospection, formatOnnxError } from './formatIntrospection';
import { formatReport } from './formatReport';
import { introspect } from './introspect';
import { OfficialValidator, SchemasMissingError } from './officialValidator';
import { validateFile } from './validateFiles';

const INTROSPECT_USAGE = `Usage: npm run --silent cli -- introspect [--json] [--no-hash] MODEL.onnx [DATA_FILES...]

Reads an ONNX model without loading it (any size) and prints what it fills in an MLM item.

  --json          print one JSON object: mlm:input, mlm:output, mlm:total_parameters,
                  mlm:memory_size, mlm:framework, file:size, file:checksum and "onnx" (IR, opsets,
                  producer, counts, external data, warnings)
  --no-hash       leave out file:checksum (hashing reads every byte of the files)
  DATA_FILES      the model's external-data files, matched by base name; missing ones are warnings

Exit code: 0 when the model was read, 1 when it is not a readable ONNX model, 2 on a usage error.`;

const USAGE = `Usage: npm run --silent cli -- validate [--json] [--no-official] [--schemas DIR] [--strict] FILE...

Checks STAC Items with the Machine Learning Model extension (MLM v1.5.2), and lints them
against the MLM prose rules the JSON Schema cannot check (findings with "source": "lint",
codes MLM-L<n>). Lint findings never fail a file unless --strict is given.

  --json          print one JSON array: [{"file", "valid", "findings": [...]}]
  --no-official   only the editor's Zod model (what the browser shows live), plus lint
  --schemas DIR   folder with the official schemas (default: ../shared beside the project)
  --strict        warnings fail a file too, and so do lint errors and warnings

Exit code: 0 when every file passes, 1 when one fails, 2 on a usage error.

${INTROSPECT_USAGE}`;

const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export function run(
  argv: readonly string[],
  cwd: string,
): { code: number; stdout: string; stderr: string } {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return {
      code: command === undefined ? 2 : 0,
      stdout: command === undefined ? '' : USAGE,
      stderr: command === undefined ? USAGE : '',
    };
  }
  if (command === 'introspect') {
    // Hashing streams the file, so introspect only runs through runAsync (the CLI entry does).
    return { code: 2, stdout: '', stderr: 'introspect is asynchronous: call runAsync().' };
  }
  if (command !== 'validate') {
    return { code: 2, stdout: '', stderr: `Unknown command "${command}".\n\n${USAGE}` };
  }
  let args;
  try {
    args = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        official: { type: 'boolean', default: true },
        'no-official': { type: 'boolean', default: false },
        schemas: { type: 'string' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${(error as Error).message}\n\n${USAGE}` };
  }
  if (args.values.help) {
    return { code: 0, stdout: USAGE, stderr: '' };
  }
  if (args.positionals.length === 0) {
    return { code: 2, stdout: '', stderr: `Give at least one FILE to validate.\n\n${USAGE}` };
  }
  let official: OfficialValidator | undefined;
  if (!args.values['no-official']) {
    const dir = args.values.schemas
      ? resolve(cwd, args.values.schemas)
      : resolve(PROJECT_ROOT, '../shared');
    try {
      official = new OfficialValidator(dir);
    } catch (error) {
      const message =
        error instanceof SchemasMissingError
          ? error.message
          : `Could not load the official schemas: ${(error as Error).message}`;
      return {
        code: 2,
        stdout: '',
        stderr: `${message}\nUse --no-official to check with the editor's model only.`,
      };
    }
  }
  const reports = args.positionals.map((file) =>
    validateFile(file, { cwd, official, strict: args.values.strict }),
  );
  const stdout = args.values.json ? JSON.stringify(reports, null, 2) : formatReport(reports);
  return { code: reports.every((r) => r.valid) ? 0 : 1, stdout, stderr: '' };
}

/** `run` plus the commands that wait for I/O (introspect hashes by streaming). */
export async function runAsync(
  argv: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, ...rest] = argv;
  if (command !== 'introspect') {
    return run(argv, cwd);
  }
  let args;
  try {
    args = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'no-hash': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${(error as Error).message}\n\n${INTROSPECT_USAGE}` };
  }
  if (args.values.help) {
    return { code: 0, stdout: INTROSPECT_USAGE, stderr: '' };
  }
  const [model, ...data] = args.positionals;
  if (model === undefined) {
    return {
      code: 2,
      stdout: '',
      stderr: `Give the MODEL.onnx file to introspect.\n\n${INTROSPECT_USAGE}`,
    };
  }
  const outcome = await introspect(model, data, { cwd, hash: !args.values['no-hash'] });
  const json = args.values.json;
  switch (outcome.kind) {
    case 'usage':
      return { code: 2, stdout: '', stderr: outcome.message };
    case 'unreadable':
      return json
        ? { code: 1, stdout: JSON.stringify({ error: outcome.error }, null, 2), stderr: '' }
        : { code: 1, stdout: '', stderr: formatOnnxError(outcome.file, outcome.error) };
    case 'report':
      return {
        code: 0,
        stdout: json
          ? JSON.stringify(outcome.report, null, 2)
          : formatIntrospection(outcome.file, outcome.report),
        stderr: '',
      };
  }
}

// npm runs scripts from the project root; INIT_CWD is where the user typed the command.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runAsync(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  if (result.stdout) {
    process.stdout.write(`${result.stdout}\n`);
  }
  if (result.stderr) {
    process.stderr.write(`${result.stderr}\n`);
  }
  process.exitCode = result.code;
}
