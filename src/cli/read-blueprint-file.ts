// Reads a blueprint file given on the command line; a file that cannot be read is bad usage (exit 2).
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

export function readBlueprintFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
