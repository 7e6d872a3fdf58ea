// explainModel: the lines a person reads for small inline blueprints, and every corpus blueprint explained.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { explainModel } from './explain.ts';
import { describeCondition, describeConditions } from './explain/describe-filter.ts';
import { importBlueprint } from './import-blueprint.ts';

const CORPUS = '/work/shared/corpus/blueprints';
const SETTINGS = { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false, dlq: false };

/** A blueprint around `flow`, as Make's editor writes it. */
function blueprint(flow: unknown[], extra: { scenario?: Record<string, unknown>; instant?: boolean; orphans?: unknown[][]; top?: Record<string, unknown> } = {}) {
  return {
    name: 'Test scenario',
    flow,
    metadata: { instant: extra.instant ?? false, version: 1, scenario: { ...SETTINGS, ...extra.scenario }, designer: { orphans: extra.orphans ?? [] } },
    ...extra.top,
  };
}

function explain(json: unknown): string[] {
  const { model } = importBlueprint(json);
  assert.ok(model, 'the blueprint imports');
  return explainModel(model).split('\n');
}

function assertLines(lines: readonly string[], expected: readonly string[]): void {
  for (const line of expected) assert.ok(lines.includes(line), `missing line:\n${line}\n--- in ---\n${lines.join('\n')}`);
}

const webhook = { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 123, maxResults: 1 }, mapper: {}, metadata: { designer: { x: 0, y: 0 } } };

test('filter conditions read as words, one table entry per operator family', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ a: '{{1.status}}', o: 'text:equal', b: 'paid' }, '1.status equals "paid"'],
    [{ a: '{{1.email}}', o: 'exist' }, '1.email exists'],
    [{ a: '{{1.email}}', o: 'notexist', b: '' }, '1.email does not exist'],
    [{ a: '{{1.name}}', o: 'text:contain:ci', b: 'bob' }, '1.name contains (case-insensitive) "bob"'],
    [{ a: '{{2.total}}', o: 'number:greaterorequal', b: '100' }, '2.total is at least 100'],
    [{ a: '{{2.total}}', o: 'number:lessorequal', b: '{{3.limit}}' }, '2.total is at most 3.limit'],
    [{ a: '{{1.tags}}', o: 'array:contain', b: 'vip' }, '1.tags contains the item "vip"'],
    [{ a: '{{1.tags}}', o: 'array:greaterorequal', b: '2' }, '1.tags has at least 2 items'],
    [{ a: '{{1.date}}', o: 'date:less', b: '{{now}}' }, '1.date is before now'],
    [{ a: '{{1.v}}', o: 'semver:greaterorequal', b: '1.2.0' }, '1.v is version "1.2.0" or later'],
    [{ a: '{{1.ok}}', o: 'boolean:equal', b: 'true' }, '1.ok is true'],
    [{ a: '{{1.`1`}}', o: 'text:equal', b: '{{emptystring}}' }, '1.`1` is empty'],
    [{ a: '{{trim(2.name)}}', o: 'text:notequal', b: '' }, 'trim(2.name) is not empty'],
    [{ a: '{{1.first}} {{1.last}}', o: 'text:equal', b: 'A B' }, '"{{1.first}} {{1.last}}" equals "A B"'],
    [{ a: '{{1.x}}', o: 'string:equal', b: 'y' }, '1.x [unknown operator string:equal] "y"'],
  ];
  for (const [condition, words] of cases) assert.equal(describeCondition(condition), words);
  const a = { a: '{{1.a}}', o: 'exist' };
  const b = { a: '{{1.b}}', o: 'exist' };
  assert.equal(describeConditions([[a, b]]), '1.a exists and 1.b exists');
  assert.equal(describeConditions([[a], [b]]), '1.a exists or 1.b exists');
  assert.equal(describeConditions([[a, b], [b]]), '(1.a exists and 1.b exists) or 1.b exists');
  assert.equal(describeConditions([]), undefined);
});

test('webhook trigger, labels, mappings from where, iterator, aggregator and a link filter', () => {
  const lines = explain(
    blueprint(
      [
        webhook,
        { id: 3, module: 'json:ParseJSON', version: 1, parameters: { type: '' }, mapper: { json: '{{1.body}}' }, metadata: { designer: { x: 0, y: 0, name: 'Parse body' } } },
        { id: 4, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{3.data.items}}' } },
        {
          id: 5,
          module: 'http:ActionSendData',
          version: 3,
          filter: { name: 'Paid only', conditions: [[{ a: '{{1.status}}', o: 'text:equal', b: 'paid' }]] },
          mapper: { url: 'https://x.test/{{4.id}}', method: 'post', data: '{"email": "{{lower(1.email)}}", "items": {{3.data.items}}}', gzip: false, headers: [], body: 'x'.repeat(100) },
        },
        { id: 6, module: 'builtin:BasicAggregator', version: 1, parameters: { feeder: 4 }, mapper: { id: '{{4.id}}' }, flags: { groupBy: '{{4.category}}', stopIfEmpty: true } },
      ],
      { instant: true },
    ),
  );
  assert.equal(lines[0], '# Scenario: Test scenario');
  assertLines(lines, [
    '- Starts on a webhook call (hook 123)',
    '- Instant: yes (metadata.instant): runs as soon as data arrives',
    '- Module 1: gateway:CustomWebHook (Custom webhook)',
    '- Module 3 "Parse body": json:ParseJSON (Parse JSON)',
    '  - json ← from module 1 (Custom webhook) `body`',
    '- Module 4: builtin:BasicFeeder (Iterator)',
    '  - splits {{3.data.items}} into one bundle per item',
    '- Module 5: http:ActionSendData (HTTP: make a request)',
    '  - only continues when 1.status equals "paid" (filter "Paid only")',
    '  - url ← from module 4 (Iterator) `id`',
    '  - data ← from module 1 (Custom webhook) `email`, module 3 (Parse body) `data.items` via lower',
    `  - fixed: method = "post", body = "${'x'.repeat(59)}…"`,
    '- Module 6: builtin:BasicAggregator (Array aggregator)',
    '  - collects the bundles from module 4 (Iterator) into one',
    '  - groups them by {{4.category}}: one result per distinct value',
    '  - stops here when nothing was collected (stop if empty)',
    '  - id ← from module 4 (Iterator) `id`',
  ]);
});

test('routers: numbered routes with conditions in words, always-taken and disabled routes', () => {
  const route = (id: number, filter?: unknown) => ({ id, module: 'util:SetVariable2', version: 1, mapper: { name: 'x', value: '{{1.a}}' }, ...(filter ? { filter } : {}) });
  const lines = explain(
    blueprint([
      webhook,
      {
        id: 2,
        module: 'builtin:BasicRouter',
        version: 1,
        mapper: null,
        routes: [
          { flow: [route(3, { name: 'Paid', conditions: [[{ a: '{{1.status}}', o: 'text:equal', b: 'paid' }], [{ a: '{{1.total}}', o: 'number:greater', b: '0' }]] })] },
          { flow: [route(4, { name: 'Fallback', conditions: [] })] },
          { flow: [route(5)], disabled: true },
        ],
      },
    ]),
  );
  assertLines(lines, [
    '- Module 2: builtin:BasicRouter (Router)',
    '  - offers each bundle to its 3 routes in order; every route whose condition passes runs, one after another',
    '  - Route 1 "Paid": when 1.status equals "paid" or 1.total is greater than 0',
    '    - Module 3: util:SetVariable2 (Set variable)',
    '      - value ← from module 1 (Custom webhook) `a`',
    '      - fixed: name = "x"',
    '  - Route 2 "Fallback" (no condition: always taken)',
    '  - Route 3 (disabled) (no condition: always taken)',
    '    - Module 5: util:SetVariable2 (Set variable)',
  ]);
  assert.ok(!lines.some((line) => line.includes('only continues when 1.status')), 'a route condition is not repeated on its first module');
});

test('if-else: branches in order, first match wins, else branch', () => {
  const lines = explain(
    blueprint([
      webhook,
      {
        id: 3,
        module: 'builtin:BasicIfElse',
        version: 1,
        mapper: null,
        branches: [
          { type: 'condition', label: 'Rejected', merge: false, conditions: [[{ a: '{{1.`Approval Status`}}', b: 'Rejected', o: 'text:equal' }]], flow: [{ id: 4, module: 'builtin:Commit', version: 1 }] },
          { type: 'else', label: '', merge: false, flow: [{ id: 5, module: 'json:CreateJSON', version: 1, mapper: { note: 'ok' } }] },
        ],
      },
    ]),
  );
  assertLines(lines, [
    '- Module 3: builtin:BasicIfElse (If-else)',
    '  - checks the branches in order; only the first branch whose condition passes runs (else runs when none does)',
    '  - Branch 1 "Rejected": when 1.`Approval Status` equals "Rejected"',
    '  - Else: when no branch above matched',
    '    - Module 5: json:CreateJSON (Create JSON)',
    '      - fixed: note = "ok"',
  ]);
});

test('error handlers: each directive in words, handler filters and handlers without a directive', () => {
  const failing = (id: number, onerror: unknown[]) => ({ id, module: 'http:ActionSendData', version: 3, mapper: { url: 'https://x.test' }, onerror });
  const lines = explain(
    blueprint(
      [
        webhook,
        failing(5, [{ id: 50, module: 'builtin:Ignore', version: 1 }]),
        failing(6, [{ id: 60, module: 'builtin:Resume', version: 1, mapper: { data: '{{1.fallback}}', statusCode: '200' } }]),
        failing(7, [
          { id: 70, module: 'slack:CreateMessage', version: 4, filter: { name: 'Timeouts', conditions: [[{ a: '{{7.error.type}}', o: 'text:equal', b: 'ConnectionError' }]] }, mapper: { text: 'Failed: {{7.error.message}}' } },
          { id: 71, module: 'builtin:Break', version: 1, mapper: { retry: true, count: '3', interval: '15' } },
        ]),
        failing(8, [{ id: 80, module: 'builtin:Commit', version: 1 }]),
        failing(9, [{ id: 90, module: 'builtin:Rollback', version: 1 }]),
        failing(10, [{ id: 100, module: 'slack:CreateMessage', version: 4, mapper: { text: 'Failed' } }]),
      ],
      { scenario: { dlq: true } },
    ),
  );
  assertLines(lines, [
    '  - If module 5 fails:',
    '    - Module 50: builtin:Ignore (Ignore directive)',
    '      - Ignore: drop the failed bundle and continue with the next bundle',
    '  - If module 6 fails:',
    '      - Resume: continue as if module 6 had succeeded, with substitute output fields data and statusCode',
    '      - data ← from module 1 (Custom webhook) `fallback`',
    '  - If module 7 fails:',
    '    - Module 70: slack:CreateMessage',
    '      - this handler applies only when 7.error.type equals "ConnectionError" (filter "Timeouts"); other errors are handled as if there were no handler',
    '      - text ← from module 7 (HTTP: make a request) `error.message`',
    '      - Break: store the failed bundle as an incomplete execution, then retry it automatically 3 times every 15 minutes',
    '      - Commit: stop the run here and commit what was done so far; remaining bundles are not processed',
    '      - Rollback: stop the run here and roll back what transactional modules did; the run ends with an error',
    '  - If module 10 fails:',
    '    - no directive closes this handler, so the error is then ignored (as with Ignore)',
  ]);
});

test('a Break directive says when incomplete executions are not allowed', () => {
  const lines = explain(blueprint([webhook, { id: 2, module: 'http:ActionSendData', version: 3, mapper: {}, onerror: [{ id: 3, module: 'builtin:Break', version: 1, mapper: { retry: false } }] }]));
  assertLines(lines, ['      - Break: store the failed bundle as an incomplete execution for someone to resolve by hand (Break needs incomplete executions to be allowed, and this scenario does not allow them)']);
});

test('triggers: sub-scenario inputs, polling triggers, app hooks and an action first', () => {
  const sub = blueprint([{ id: 1, module: 'scenario-service:StartSubscenario', version: 2, parameters: {}, mapper: {} }], { top: { io: { input_spec: [{ name: 'email', type: 'text' }, { name: 'id', type: 'number' }], output_spec: [] } } });
  assertLines(explain(sub), ['- Starts when another scenario or a person calls it with inputs: email and id', '- Instant: no (metadata.instant): runs on its schedule or when started']);
  const polling = blueprint([{ id: 1, module: 'google-sheets:watchRows', version: 2, parameters: {}, mapper: {}, metadata: { designer: { x: 0, y: 0, name: 'New rows' } } }]);
  assertLines(explain(polling), ['- Runs on schedule: each run, module 1 (New rows) checks for new data and passes on one bundle per new item']);
  const appHook = blueprint([{ id: 1, module: 'telegram:WatchUpdates', version: 1, parameters: { __IMTHOOK__: 99 }, mapper: {} }], { instant: true });
  assertLines(explain(appHook), ['- Starts as soon as module 1 (telegram:WatchUpdates) receives an event (hook 99)']);
  const action = blueprint([{ id: 2, module: 'http:ActionSendData', version: 3, mapper: { url: 'https://x.test' } }], { top: { scheduling: { type: 'indefinitely', interval: 900 } } });
  assertLines(explain(action), ['- Runs on schedule, starting with module 2 (HTTP: make a request)', '- Schedule: every 900 seconds']);
  assertLines(explain(blueprint([])), ['- The flow is empty: nothing runs']);
});

test('settings that matter, orphan chains included', () => {
  const defaults = explain(blueprint([webhook]));
  const settings = defaults.slice(defaults.indexOf('## Settings') + 1, defaults.indexOf('## Flow') - 1);
  assert.deepEqual(settings, ['- Incomplete executions: not allowed (dlq off): when a module fails with no handler, the run stops and rolls back']);
  const lines = explain(
    blueprint([webhook, { id: 2, module: 'util:SetVariable2', version: 1, mapper: { name: 'x', value: '{{9.y}}' } }], {
      scenario: { dlq: true, sequential: true, roundtrips: 4, autoCommit: false },
      orphans: [[{ id: 9, module: 'json:ParseJSON', version: 1, mapper: { json: '{}' } }, { id: 10, module: 'builtin:Ignore', version: 1 }]],
    }),
  );
  assertLines(lines, [
    '- Incomplete executions: allowed (dlq on): when a module other than the first fails with no handler, the rest of that bundle is stored to be retried or resolved',
    '- Sequential processing: on: runs never overlap, and queued webhook calls are processed one at a time in arrival order',
    '- Max cycles: 4 per run (roundtrips): the trigger may be asked for more data up to 4 times',
    '- Auto commit: off: modules commit together at the end of the cycle, so a Rollback can still undo their changes',
    '- Orphan chains: 1 chain (modules 9 and 10) sit on the canvas and are not run',
    '  - value ← from module 9 (Parse JSON, an orphan that does not run) `y`',
    '## Not run (orphan chains)',
    '- Chain 1:',
    '  - Module 9: json:ParseJSON (Parse JSON)',
  ]);
});

test('the same model always explains the same way', () => {
  const json = blueprint([webhook, { id: 2, module: 'json:ParseJSON', version: 1, mapper: { json: '{{1.body}}' } }]);
  assert.equal(explain(json).join('\n'), explain(json).join('\n'));
});

test('every corpus blueprint explains without throwing', () => {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.json'));
  assert.ok(files.length > 0, 'the corpus is present');
  for (const name of files) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    const { model } = importBlueprint(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
    if (!model) continue;
    const explanation = explainModel(model);
    assert.ok(explanation.trim().length > 0, `${name}: empty explanation`);
    assert.ok(!/undefined|\[object Object\]/.test(explanation.replace(/`[^`]*`|"[^"]*"/g, '')), `${name}: leaks undefined or [object Object]`);
  }
});

test('a handler whose router routes each end in a directive is closed; one open route leaves it open', () => {
  const handled = (lastOfSecondRoute: unknown[]) =>
    explain(
      blueprint([
        { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1 }, mapper: {} },
        {
          id: 2,
          module: 'slack:CreateMessage',
          version: 4,
          mapper: {},
          onerror: [
            {
              id: 10,
              module: 'builtin:BasicRouter',
              version: 1,
              mapper: null,
              routes: [{ flow: [{ id: 11, module: 'builtin:Break', version: 1, mapper: { retry: true, count: '3', interval: '1' } }] }, { flow: lastOfSecondRoute }],
            },
          ],
        },
      ]),
    ).join('\n');
  assert.doesNotMatch(handled([{ id: 12, module: 'builtin:Ignore', version: 1 }]), /no directive closes this handler/);
  assert.match(handled([{ id: 12, module: 'util:SetVariable2', version: 1, mapper: { name: 'x', scope: 'roundtrip', value: '1' } }]), /no directive closes this handler/);
});
