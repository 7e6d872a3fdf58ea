// Reads ../shared/corpus: the tier of each blueprint and every IML template its flow holds.
import { readFileSync } from 'node:fs';

export const CORPUS_DIR = new URL('../../../shared/corpus/', import.meta.url);

export type Tier = 'export' | 'edited-export' | 'synthetic';

/** File name → tier, from PROVENANCE.tsv. */
export function corpusTiers(): Map<string, Tier> {
  const lines = readFileSync(new URL('PROVENANCE.tsv', CORPUS_DIR), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((line) => {
    const [file, , tier] = line.split('\t');
    return [file as string, tier as Tier];
  }));
}

export function readBlueprint(file: string): unknown {
  const text = readFileSync(new URL(`blueprints/${file}`, CORPUS_DIR), 'utf8');
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

export interface FoundTemplate {
  readonly file: string;
  /** JSON path inside the blueprint, e.g. flow[2].mapper.text */
  readonly path: string;
  readonly template: string;
}

/** Every string with `{{` in the blueprint's flow, module metadata (editor state) left out. */
export function templatesOf(file: string, blueprint: unknown): FoundTemplate[] {
  const out: FoundTemplate[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes('{{')) out.push({ file, path, template: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}[${index}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) if (key !== 'metadata') walk(item, `${path}.${key}`);
    }
  };
  walk((blueprint as { flow?: unknown }).flow, 'flow');
  return out;
}
