// The whole corpus through import, validate and export (issue 3's done-when): genuine exports validate clean
// except a checked-in list of true defects, synthetic files are caught, and every file round-trips unchanged.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { exportBlueprint, importBlueprint, validateBlueprintText } from '../src/blueprint/index.ts';
import { CORPUS_DIR, corpusTiers } from './support/corpus.ts';

interface Defect {
  readonly file: string;
  readonly errors: readonly string[];
  readonly reasons: readonly string[];
}

const DEFECTS: readonly Defect[] = JSON.parse(readFileSync(new URL('fixtures/corpus-export-defects.json', import.meta.url), 'utf8'));
const tiers = corpusTiers();
const files = readdirSync(new URL('blueprints/', CORPUS_DIR)).sort();
const textOf = (file: string) => readFileSync(new URL(`blueprints/${file}`, CORPUS_DIR), 'utf8');

/** Error codes per file, for the files that have any. */
function errorCodes(tier: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of files.filter((f) => tiers.get(f) === tier)) {
    const codes = validateBlueprintText(textOf(file)).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    if (codes.length > 0) out.set(file, [...new Set(codes)].sort());
  }
  return out;
}

test('every export-tier blueprint validates without errors, except the listed true defects', () => {
  const found = Object.fromEntries(errorCodes('export'));
  const expected = Object.fromEntries(DEFECTS.map((d) => [d.file, [...d.errors]]));
  assert.deepEqual(found, expected);
  for (const defect of DEFECTS) assert.ok(defect.reasons.length > 0, `${defect.file} needs a reason`);
  const exportCount = files.filter((f) => tiers.get(f) === 'export').length;
  console.log(`export tier: ${exportCount - DEFECTS.length}/${exportCount} validate with no error; ${DEFECTS.length} listed defects`);
});

test('at least 90% of the synthetic-tier blueprints get an error', () => {
  const synthetic = files.filter((f) => tiers.get(f) === 'synthetic');
  const caught = errorCodes('synthetic').size;
  const rate = caught / synthetic.length;
  console.log(`synthetic tier: ${caught}/${synthetic.length} get at least one error (${(rate * 100).toFixed(1)}%)`);
  assert.ok(rate >= 0.9, `only ${(rate * 100).toFixed(1)}% of synthetic blueprints get an error`);
});

test('every corpus blueprint round-trips blueprint → model → blueprint to equal JSON', () => {
  const different: string[] = [];
  for (const file of files) {
    const json = JSON.parse(textOf(file).replace(/^\uFEFF/, ''));
    const { model } = importBlueprint(json);
    if (!model || !isDeepStrictEqual(exportBlueprint(model), json)) different.push(file);
  }
  assert.deepEqual(different, []);
  assert.ok(files.length >= 440, `the corpus has ${files.length} files`);
});
