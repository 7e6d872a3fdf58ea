// Every {{…}} template of every genuine Make export in ../shared/corpus compiles, except a known list of broken ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileTemplate } from '../src/iml/template.ts';
import { corpusTiers, readBlueprint, templatesOf } from './support/corpus.ts';

interface KnownInvalid {
  file: string;
  path: string;
  reason: string;
}

const known = JSON.parse(readFileSync(new URL('./fixtures/corpus-invalid-templates.json', import.meta.url), 'utf8')) as KnownInvalid[];

test('corpus: every template of every export-tier blueprint compiles, but for the listed invalid ones', () => {
  let compiled = 0;
  let blueprints = 0;
  const failed: string[] = [];
  for (const [file, tier] of corpusTiers()) {
    if (tier !== 'export') continue;
    blueprints += 1;
    for (const found of templatesOf(file, readBlueprint(file))) {
      try {
        compileTemplate(found.template);
        compiled += 1;
      } catch {
        failed.push(`${found.file} ${found.path}`);
      }
    }
  }
  console.log(`corpus: compiled ${compiled} templates from ${blueprints} export blueprints; ${failed.length} known invalid`);
  assert.ok(compiled > 7000, `expected the corpus to hold over 7000 templates, found ${compiled}`);
  assert.deepEqual(failed.sort(), known.map((entry) => `${entry.file} ${entry.path}`).sort());
  for (const entry of known) assert.ok(entry.reason.length > 20, `a reason is written for ${entry.file} ${entry.path}`);
});
