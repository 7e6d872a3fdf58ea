// `remake lint <blueprint.json>...`: best-practice findings (warnings), same output as validate.
// Exit 1 only when a file cannot be imported at all; warnings alone exit 0.
import type { Command } from 'commander';
import { hasErrors, inDocumentOrder, lintBlueprint, parseBlueprintText } from '../../blueprint/index.ts';
import type { CliIo } from '../io.ts';
import { parseFormat, printDiagnostics } from '../print-diagnostics.ts';
import { readBlueprintFile } from '../read-blueprint-file.ts';

export function runLint(files: readonly string[], options: { format?: string }, io: CliIo): number {
  const format = parseFormat(options.format);
  const results = files.map((file) => {
    const parsed = parseBlueprintText(readBlueprintFile(file));
    const diagnostics = parsed.ok ? inDocumentOrder(lintBlueprint(parsed.json).diagnostics) : [parsed.diagnostic];
    return { file, ok: !hasErrors(diagnostics), diagnostics };
  });
  printDiagnostics(results, format, io);
  return results.every((r) => r.ok) ? 0 : 1;
}

export function registerLint(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description("Best-practice warnings from Make's guidance, each with a one-line fix (rules: docs/lint-rules.md)")
    .argument('<blueprint...>', 'blueprint JSON files')
    .option('--format <format>', 'text or json', 'text')
    .action((files: string[], options: { format?: string }) => setExit(runLint(files, options, io)));
}
