// `remake serve --examples` as `npm start` runs it: a fresh data dir gets a printed API token and the example
// scenarios; the example webhook answers the example order, the on-demand example answers through the API.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';

const BIN = new URL('../bin/remake.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'remake-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

it('starts with the examples loaded, a token printed, and both examples answering', { timeout: 60_000 }, async () => {
  const { REMAKE_API_TOKEN: _ignored, ...inherited } = process.env;
  const env = { ...inherited, REMAKE_SECRET_KEY: 'c'.repeat(64) };
  const child = spawn(process.execPath, [BIN, 'serve', '--examples', '--port', '0', '--data-dir', dataDir], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const output = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (/Remake is serving on /.test(seen)) resolve(seen);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${seen}`)));
    });
    const token = /API token \(shown once; [^)]*\): (\S+)/.exec(output)?.[1];
    assert.ok(token, output);
    const hookUrl = /curl -X POST (\S+)/.exec(output)?.[1];
    assert.ok(hookUrl, output);
    const base = /Remake is serving on (http:\/\/\S+) /.exec(output)?.[1];

    const order = readFileSync(new URL('../examples/blueprints/order-webhook.input.json', import.meta.url), 'utf8');
    const answer = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: order });
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), { order: 'A-1001', tag: 'big', lines: 'LAMP x 79,50; BULB x 24,00' });

    const greetId = /Example scenario (\d+) "Greet/.exec(output)?.[1];
    const run = await fetch(`${base}/api/v2/scenarios/${greetId}/run`, { method: 'POST', headers: { authorization: `Token ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ data: { name: 'grace' }, responsive: true }) });
    assert.equal(run.status, 200);
    const result = (await run.json()) as { status: number; outputs: unknown };
    assert.deepEqual(result.outputs, { greeting: 'Hello, Grace!', letters: 5 });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});

it('refuses bad serve options with exit 2 and a reason naming the option', async () => {
  const { spawnSync } = await import('node:child_process');
  for (const [option, value] of [['--port', 'eighty'], ['--retention-days', '0'], ['--response-timeout', '-1']] as const) {
    const result = spawnSync(process.execPath, [BIN, 'serve', '--data-dir', dataDir, option, value], { encoding: 'utf8' });
    assert.equal(result.status, 2, `${option} ${value}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(option));
  }
});
