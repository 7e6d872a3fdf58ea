// `remake validate <blueprint.json>...`: diagnostics for Make blueprints; exit 1 when any file has an error.
import type { Command } from 'commander';
import { validateBlueprintText } from '../../blueprint/index.ts';
import type { CliIo } from '../io.ts';
import { parseFormat, printDiagnostics } from '../print-diagnostics.ts';
import { readBlueprintFile } from '../read-blueprint-file.ts';

export function runValidate(files: readonly string[], options: { format?: string }, io: CliIo): number {
  const format = parseFormat(options.format);
  const results = files.map((file) => {
    const { ok, diagnostics } = validateBlueprintText(readBlueprintFile(file));
    return { file, ok, diagnostics };
  });
  printDiagnostics(results, format, io);
  return results.every((r) => r.ok) ? 0 : 1;
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('Check Make blueprints: shape, module ids and names, IML, references, routes and error handlers')
    .argument('<blueprint...>', 'blueprint JSON files (UTF-8; BOM and CRLF tolerated)')
    .option('--format <format>', 'text or json', 'text')
    .action((files: string[], options: { format?: string }) => setExit(runValidate(files, options, io)));
}
