// Reads a CLI argument that is either inline JSON or the path of a JSON file (BOM tolerated).
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

export function readJsonArg(value: string, option: string): unknown {
  const trimmed = value.trim();
  const inline = trimmed.startsWith('{') || trimmed.startsWith('[');
  let text: string;
  if (inline) text = trimmed;
  else {
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      throw new UsageError(`${option}: cannot read file '${value}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${option}: ${inline ? 'inline JSON' : `'${value}'`} is not valid JSON (${(error as Error).message})`);
  }
}
