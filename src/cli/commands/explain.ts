// `remake explain <blueprint.json>`: the scenario in plain words, for people and AI assistants.
import type { Command } from 'commander';
import { explainModel, importBlueprint, parseBlueprintText } from '../../blueprint/index.ts';
import type { CliIo } from '../io.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { readBlueprintFile } from '../read-blueprint-file.ts';

export function runExplain(file: string, io: CliIo): number {
  const parsed = parseBlueprintText(readBlueprintFile(file));
  const imported = parsed.ok ? importBlueprint(parsed.json) : undefined;
  if (!imported?.model) {
    printDiagnostics([{ file, ok: false, diagnostics: parsed.ok ? (imported?.diagnostics ?? []) : [parsed.diagnostic] }], 'text', io);
    return 1;
  }
  io.out(explainModel(imported.model).replace(/\n$/, ''));
  return 0;
}

export function registerExplain(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description('Describe a scenario in plain words: trigger, modules and their mappings, routes, error handlers, settings')
    .argument('<blueprint>', 'blueprint JSON file')
    .action((file: string) => setExit(runExplain(file, io)));
}
