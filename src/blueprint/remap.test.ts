// remap: listing the ids tied to the Make team a blueprint came from, rewriting them from an ids.json table,
// rejecting a bad table by the key, and leaving every corpus blueprint as it was when the table is empty.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { ScenarioModel } from '../model/index.ts';
import { RemakeError } from '../shared/errors.ts';
import { exportBlueprint } from './export-blueprint.ts';
import { importBlueprint } from './import-blueprint.ts';
import { listEnvironmentIds, parseRemapTable, RemapTableSchema, remapModel, type EnvironmentId } from './remap.ts';

type Json = Record<string, unknown>;

/** The ids the sample blueprint carries. */
interface Ids {
  hook: number;
  key: number;
  handlerConnection: number;
  dataStore: number;
  sheetsConnection: number;
  customConnection: number | string;
  agent: string;
}

const OLD: Ids = { hook: 1111, key: 2222, handlerConnection: 3333, dataStore: 4444, sheetsConnection: 3333, customConnection: 7777, agent: 'a1b2-old' };

const restore = (section: 'parameters' | 'expect', field: string, label: string | undefined, extra: Json = {}): Json => ({
  restore: { [section]: { [field]: label === undefined ? extra : { ...extra, label } } },
});

/**
 * A webhook trigger; an API-key HTTP call with an error handler (a Slack connection, then Ignore); a router whose
 * routes hold a data store, Google Sheets and Parse JSON with no data structure (`""`), a third-party app whose
 * connection field is only known from its spec, and an AI agent (an id in `mapper`); one orphan chain.
 */
function sample(ids: Ids, labels: boolean): Json {
  const label = (text: string): string | undefined => (labels ? text : undefined);
  return {
    name: 'Remap sample',
    flow: [
      {
        id: 1,
        module: 'gateway:CustomWebHook',
        version: 1,
        parameters: { hook: ids.hook, maxResults: 1 },
        mapper: {},
        metadata: {
          designer: { x: 0, y: 0 },
          ...restore('parameters', 'hook', label('Orders hook'), { data: { editable: 'true' } }),
          parameters: [{ name: 'hook', type: 'hook:gateway-webhook', label: 'Webhook', required: true }],
        },
      },
      {
        id: 2,
        module: 'http:ActionSendDataAPIKeyAuth',
        version: 3,
        parameters: { auth: ids.key, handleErrors: false },
        mapper: { url: 'https://api.example.com/orders/{{1.id}}', method: 'get' },
        metadata: { designer: { x: 300, y: 0 }, ...restore('parameters', 'auth', label('Shop API key')) },
        onerror: [
          {
            id: 5,
            module: 'slack:CreateMessage',
            version: 4,
            parameters: { __IMTCONN__: ids.handlerConnection },
            mapper: { text: 'Order {{1.id}} failed', channel: 'C123' },
            metadata: { designer: { x: 300, y: 300 }, ...restore('parameters', '__IMTCONN__', label('Slack (ops)'), { data: { scoped: 'true', connection: 'slack2' } }) },
          },
          { id: 6, module: 'builtin:Ignore', version: 1, metadata: { designer: { x: 600, y: 300 } } },
        ],
      },
      {
        id: 3,
        module: 'builtin:BasicRouter',
        version: 1,
        mapper: null,
        metadata: { designer: { x: 600, y: 0 } },
        routes: [
          {
            flow: [
              {
                id: 4,
                module: 'datastore:AddRecord',
                version: 1,
                parameters: { datastore: ids.dataStore },
                mapper: { key: '{{1.id}}', data: { total: '{{1.total}}' }, overwrite: false },
                metadata: { designer: { x: 900, y: -150 }, ...restore('parameters', 'datastore', label('Orders')) },
              },
              { id: 8, module: 'json:ParseJSON', version: 1, parameters: { type: '' }, mapper: { json: '{{2.data}}' }, metadata: { designer: { x: 1200, y: -150 } } },
            ],
          },
          {
            flow: [
              {
                id: 7,
                module: 'google-sheets:addRow',
                version: 2,
                parameters: { __IMTCONN__: ids.sheetsConnection },
                mapper: { spreadsheetId: '/1abc', values: { 0: '{{1.id}}' } },
                filter: { name: 'Big orders', conditions: [[{ a: '{{1.total}}', b: '100', o: 'number:greater' }]] },
                metadata: { designer: { x: 900, y: 150 }, parameters: [{ name: '__IMTCONN__', type: 'account:google', label: 'Connection', required: true }] },
              },
              {
                id: 9,
                module: 'acme-crm:createLead',
                version: 1,
                parameters: { crmAccount: ids.customConnection },
                mapper: { email: '{{1.email}}' },
                metadata: { designer: { x: 1200, y: 150 }, parameters: [{ name: 'crmAccount', type: 'account:acme-crm', label: 'Connection' }] },
              },
              {
                id: 10,
                module: 'ai-agent:RunAnAIAgent',
                version: 0,
                parameters: {},
                mapper: { agent: ids.agent, messages: [], threadID: '{{1.id}}' },
                metadata: { designer: { x: 1500, y: 150 }, ...restore('expect', 'agent', label('Support agent')), expect: [{ name: 'agent', type: 'aiagent', label: 'Agent' }] },
              },
            ],
          },
        ],
      },
    ],
    metadata: {
      instant: true,
      version: 1,
      scenario: { roundtrips: 1, maxErrors: 3, autoCommit: true, autoCommitTriggerLast: true, sequential: false },
      designer: {
        orphans: [[{ id: 11, module: 'telegram:SendReplyMessage', version: 1, parameters: { __IMTCONN__: 5555 }, mapper: { text: 'hi' }, metadata: { designer: { x: 0, y: 600 }, ...restore('parameters', '__IMTCONN__', 'Telegram bot') } }]],
      },
      zone: 'eu1.make.com',
    },
  };
}

function modelOf(json: unknown): ScenarioModel {
  const { model, diagnostics } = importBlueprint(json);
  assert.ok(model, `import failed: ${JSON.stringify(diagnostics)}`);
  return model;
}

test('lists every environment id in document order: trigger, handler, router routes, spec-only fields, mapper, orphans', () => {
  const expected: EnvironmentId[] = [
    { kind: 'hook', id: 1111, moduleId: 1, module: 'gateway:CustomWebHook', path: 'flow[0].parameters.hook', label: 'Orders hook' },
    { kind: 'key', id: 2222, moduleId: 2, module: 'http:ActionSendDataAPIKeyAuth', path: 'flow[1].parameters.auth', label: 'Shop API key' },
    { kind: 'connection', id: 3333, moduleId: 5, module: 'slack:CreateMessage', path: 'flow[1].onerror[0].parameters.__IMTCONN__', label: 'Slack (ops)' },
    { kind: 'dataStore', id: 4444, moduleId: 4, module: 'datastore:AddRecord', path: 'flow[2].routes[0].flow[0].parameters.datastore', label: 'Orders' },
    { kind: 'connection', id: 3333, moduleId: 7, module: 'google-sheets:addRow', path: 'flow[2].routes[1].flow[0].parameters.__IMTCONN__' },
    { kind: 'connection', id: 7777, moduleId: 9, module: 'acme-crm:createLead', path: 'flow[2].routes[1].flow[1].parameters.crmAccount' },
    { kind: 'agent', id: 'a1b2-old', moduleId: 10, module: 'ai-agent:RunAnAIAgent', path: 'flow[2].routes[1].flow[2].mapper.agent', label: 'Support agent' },
    { kind: 'connection', id: 5555, moduleId: 11, module: 'telegram:SendReplyMessage', path: 'metadata.designer.orphans[0][0].parameters.__IMTCONN__', label: 'Telegram bot' },
  ];
  assert.deepEqual(listEnvironmentIds(modelOf(sample(OLD, true))), expected);
});

test('known fields without specs, placeholders, and values that are no ids', () => {
  const module = (id: number, type: string, parameters: Json, mapper: Json = {}): Json => ({ id, module: type, version: 1, parameters, mapper });
  const json = {
    name: 'fields',
    flow: [
      module(1, 'telegram:WatchUpdates', { __IMTHOOK__: 10 }),
      module(2, 'json:CreateJSON', { type: 20, space: '' }),
      module(3, 'http:MakeRequest', { authenticationType: 'apiKey', apiKeyKeychain: 30, proxyKeychain: '' }),
      module(4, 'email:ActionSendEmail', { account: 40, accountImap: null }),
      module(5, 'scenario-service:CallSubscenario', { scenario: 'SCN_50', shouldWaitForExecutionEnd: true }),
      module(6, 'gateway:CustomMailHook', { hook: '{{HOOK_ID}}' }),
      module(7, 'canvas-lms:makeApiCall', { __IMTCONN__: '{{var.input.canvasConnection}}' }),
      module(8, 'google-sheets:addRow', { __IMTCONN__: '<CONNECTION_ID>' }, { spreadsheetId: '/1abc' }),
    ],
    metadata: { version: 1 },
  };
  const found = listEnvironmentIds(modelOf(json)).map(({ kind, id, path }) => `${kind} ${JSON.stringify(id)} ${path}`);
  assert.deepEqual(found, [
    'hook 10 flow[0].parameters.__IMTHOOK__',
    'dataStructure 20 flow[1].parameters.type',
    'key 30 flow[2].parameters.apiKeyKeychain',
    'connection 40 flow[3].parameters.account',
    'scenario "SCN_50" flow[4].parameters.scenario',
    'hook "{{HOOK_ID}}" flow[5].parameters.hook',
    'connection "<CONNECTION_ID>" flow[7].parameters.__IMTCONN__',
  ]);
});

test('remapping rewrites exactly the mapped ids, keeps the new ids\' types, drops stale labels and reports the rest', () => {
  const input = sample(OLD, true);
  const model = modelOf(input);
  const table = parseRemapTable({
    connection: { '3333': 9333, '7777': 'conn-7' },
    hook: { '1111': 9111 },
    key: { '2222': 9222 },
    dataStore: { '4444': 9444 },
    agent: { 'a1b2-old': 'a1b2-new' },
  });
  const result = remapModel(model, table);

  // The same blueprint built with the new ids (the custom app's is text, as the table gives it) and no stale labels.
  const NEW: Ids = { hook: 9111, key: 9222, handlerConnection: 9333, dataStore: 9444, sheetsConnection: 9333, customConnection: 'conn-7', agent: 'a1b2-new' };
  assert.deepEqual(exportBlueprint(result.model), sample(NEW, false));

  assert.deepEqual(result.changes, [
    { path: 'flow[0].parameters.hook', kind: 'hook', from: 1111, to: 9111 },
    { path: 'flow[1].parameters.auth', kind: 'key', from: 2222, to: 9222 },
    { path: 'flow[1].onerror[0].parameters.__IMTCONN__', kind: 'connection', from: 3333, to: 9333 },
    { path: 'flow[2].routes[0].flow[0].parameters.datastore', kind: 'dataStore', from: 4444, to: 9444 },
    { path: 'flow[2].routes[1].flow[0].parameters.__IMTCONN__', kind: 'connection', from: 3333, to: 9333 },
    { path: 'flow[2].routes[1].flow[1].parameters.crmAccount', kind: 'connection', from: 7777, to: 'conn-7' },
    { path: 'flow[2].routes[1].flow[2].mapper.agent', kind: 'agent', from: 'a1b2-old', to: 'a1b2-new' },
  ]);
  assert.deepEqual(result.unmapped, [
    { kind: 'connection', id: 5555, moduleId: 11, module: 'telegram:SendReplyMessage', path: 'metadata.designer.orphans[0][0].parameters.__IMTCONN__', label: 'Telegram bot' },
  ]);
  assert.deepEqual(exportBlueprint(model), input, 'the input model is left as it was');
  assert.deepEqual(listEnvironmentIds(result.model).map((id) => id.id), [9111, 9222, 9333, 9444, 9333, 'conn-7', 'a1b2-new', 5555]);
  const sheets = (result.model.flow.modules[2]?.routes?.[1]?.flow.modules[0])?.compiled.parameters;
  assert.deepEqual(sheets, { kind: 'literal', value: { __IMTCONN__: 9333 } }, 'compiled parameters follow the new value');
});

test('an id mapped to itself is neither a change nor unmapped; an orphan chain is remapped too', () => {
  const result = remapModel(modelOf(sample(OLD, true)), { connection: { '3333': 3333, '5555': 6555 } });
  assert.deepEqual(result.changes, [{ path: 'metadata.designer.orphans[0][0].parameters.__IMTCONN__', kind: 'connection', from: 5555, to: 6555 }]);
  assert.deepEqual(result.unmapped.map((id) => id.kind), ['hook', 'key', 'dataStore', 'connection', 'agent']);
  const orphans = (exportBlueprint(result.model).metadata as { designer: { orphans: Json[][] } }).designer.orphans;
  assert.deepEqual(orphans[0]?.[0]?.parameters, { __IMTCONN__: 6555 });
});

test('an invalid table is rejected with the bad key named', () => {
  const rejects = (json: unknown, field: string | undefined, message: RegExp): void => {
    assert.throws(
      () => parseRemapTable(json),
      (error: unknown) => error instanceof RemakeError && error.code === 'REMAP_TABLE_INVALID' && error.where.field === field && message.test(error.message),
    );
  };
  rejects({ connection: { '1': 2 }, connektion: { '3': 4 } }, 'connektion', /connektion: not a kind of id \(use connection, key, hook/);
  rejects({ connection: { '1': true } }, 'connection["1"]', /connection\["1"\]: the new id must be a number or non-empty text/);
  rejects({ hook: [1, 2] }, 'hook', /hook: expected an object from old id to new id/);
  rejects(['connection'], undefined, /expected a JSON object keyed by kind/);

  const parsed = RemapTableSchema.safeParse({ dataStore: {}, webhooks: {} });
  assert.equal(parsed.success, false);
  assert.deepEqual(parsed.error?.issues.map((issue) => issue.path), [['webhooks']]);
  assert.deepEqual(parseRemapTable({ scenario: { SCN_1: 'SCN_2' }, connection: { '1': 2 } }), { scenario: { SCN_1: 'SCN_2' }, connection: { '1': 2 } });
});

test('corpus: remapping with an empty table gives back every blueprint unchanged and lists every id as unmapped', () => {
  const dir = new URL('../../../shared/corpus/blueprints/', import.meta.url);
  const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
  let ids = 0;
  const different: string[] = [];
  for (const file of files) {
    const json: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8').replace(/^\uFEFF/, ''));
    const model = modelOf(json);
    const result = remapModel(model, {});
    if (!isDeepStrictEqual(exportBlueprint(result.model), json) || result.changes.length > 0) different.push(file);
    assert.deepEqual(result.unmapped, listEnvironmentIds(model), file);
    ids += result.unmapped.length;
  }
  assert.deepEqual(different, []);
  assert.ok(files.length >= 440, `the corpus has ${files.length} files`);
  assert.ok(ids > 2000, `expected over 2000 ids in the corpus, found ${ids}`);
});
