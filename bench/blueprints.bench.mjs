// Blueprints validated per second over the whole corpus (../shared/corpus), against the floor of the same run:
// JSON.parse alone on the same texts. Run with `node --import tsx bench/blueprints.bench.mjs [--time ms]`.
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateBlueprintText } from '../src/blueprint/index.ts';

const { values: args } = parseArgs({ options: { time: { type: 'string', default: '2000' } } });
const budget = Number(args.time);
const dir = new URL('../../shared/corpus/blueprints/', import.meta.url);
const texts = readdirSync(dir).map((file) => readFileSync(new URL(file, dir), 'utf8'));
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

/** Passes over the whole corpus per second, timing at least `budget` ms after one warm-up pass. */
function passesPerSecond(pass) {
  pass();
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < budget) {
    pass();
    passes += 1;
  }
  return passes / ((performance.now() - start) / 1000);
}

let sink = 0;
const parseOnly = passesPerSecond(() => {
  for (const text of texts) sink += JSON.parse(text.replace(/^\uFEFF/, '')) ? 1 : 0;
});
const validate = passesPerSecond(() => {
  for (const text of texts) sink += validateBlueprintText(text).diagnostics.length;
});
const heapMb = process.memoryUsage().heapUsed / 1e6;

const row = (name, perSecond) => `${name.padEnd(30)} ${(perSecond * texts.length).toFixed(0).padStart(8)} blueprints/s  ${(perSecond * megabytes).toFixed(1).padStart(7)} MB/s`;
console.log(`Corpus: ${texts.length} blueprints, ${megabytes.toFixed(1)} MB.`);
console.log(row('JSON.parse only (baseline)', parseOnly));
console.log(row('remake validate (import+checks)', validate));
console.log(`ratio: validate takes ${(parseOnly / validate).toFixed(2)}× the time of JSON.parse alone; heap after: ${heapMb.toFixed(0)} MB`);
// Keeps the results observable so the work above cannot be optimised away.
if (sink < 0) console.log(sink);
