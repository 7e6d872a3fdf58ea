// n8n's half of bench/executor.bench.mjs: the iterator → router → set variable → aggregator workflow built from
// n8n-nodes-base node classes and run in-process by n8n-core's WorkflowExecute, as an n8n webhook execution runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Node classes from n8n-nodes-base, keyed by the type name a workflow JSON uses, with the version the editor creates today. */
const NODE_CLASSES = {
  'n8n-nodes-base.webhook': { file: 'Webhook/Webhook.node', version: 2.1 },
  'n8n-nodes-base.splitOut': { file: 'Transform/SplitOut/SplitOut.node', version: 1 },
  'n8n-nodes-base.switch': { file: 'Switch/Switch.node', version: 3.4 },
  'n8n-nodes-base.set': { file: 'Set/Set.node', version: 3.5 },
  'n8n-nodes-base.aggregate': { file: 'Transform/Aggregate/Aggregate.node', version: 1 },
};

/** Switch rule: one `number equals 0` condition on an expression, as the editor writes it (filter version 2). */
const rule = (id, leftValue) => ({
  conditions: {
    options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
    conditions: [{ id, leftValue, rightValue: 0, operator: { type: 'number', operation: 'equals' } }],
    combinator: 'and',
  },
});

const node = (name, type, position, parameters, extra = {}) => ({
  id: name.toLowerCase().replaceAll(' ', '-'),
  name,
  type,
  typeVersion: NODE_CLASSES[type].version,
  position,
  parameters,
  ...extra,
});

/** Edit Fields (Set) keeping only the new field, like Make's Set variable, whose output bundle is `{label}`. */
const setLabel = (name, value, position) =>
  node(name, 'n8n-nodes-base.set', position, {
    mode: 'manual',
    assignments: { assignments: [{ id: `${name}-label`, name: 'label', value, type: 'string' }] },
    includeOtherFields: false,
    options: {},
  });

/** Aggregate all item data into `array`: the shape of Make's array aggregator output (`{array: [{label}, …]}`). */
const aggregate = (name, position) =>
  node(name, 'n8n-nodes-base.aggregate', position, { aggregate: 'aggregateAllItemData', destinationFieldName: 'array', options: {} });

const WEBHOOK = node('Webhook', 'n8n-nodes-base.webhook', [0, 0], { httpMethod: 'POST', path: 'bench', options: {} }, { webhookId: 'bench' });

const NODES = [
  WEBHOOK,
  node('Split Out', 'n8n-nodes-base.splitOut', [250, 0], { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} }),
  // allMatchingOutputs: an item goes to every output whose rule passes, as a bundle takes every passing route of a Make router.
  node('Switch', 'n8n-nodes-base.switch', [500, 0], {
    rules: { values: [rule('even', '={{ $json.n % 2 }}'), rule('three', '={{ $json.n % 3 }}')] },
    options: { allMatchingOutputs: true },
  }),
  setLabel('Set A', '=even {{ $json.name }}', [750, -150]),
  aggregate('Aggregate A', [1000, -150]),
  setLabel('Set B', '=three {{ $json.name }}', [750, 150]),
  aggregate('Aggregate B', [1000, 150]),
];

const to = (name) => [{ node: name, type: 'main', index: 0 }];
const CONNECTIONS = {
  Webhook: { main: [to('Split Out')] },
  'Split Out': { main: [to('Switch')] },
  Switch: { main: [to('Set A'), to('Set B')] },
  'Set A': { main: [to('Aggregate A')] },
  'Set B': { main: [to('Aggregate B')] },
};

/** n8n's Switch rules and Set values, printed by the bench next to the Make filters and mappings. */
export const N8N_DESCRIPTION = [
  'Webhook → Split Out body.items → Switch (rules {{ $json.n % 2 }} = 0, {{ $json.n % 3 }} = 0; allMatchingOutputs)',
  '→ Edit Fields label = "even {{ $json.name }}" / "three {{ $json.name }}" → Aggregate all item data into `array`, per output',
].join('\n');

/**
 * Loads n8n and returns `run(items)`, which executes the workflow on one webhook item whose body is `{items}` and
 * resolves to the labels aggregated on each output, plus the versions used.
 */
export function createN8nRunner({ timezone }) {
  // n8n-core keeps its instance settings (an encryption key) under N8N_USER_FOLDER: a temporary folder, not ~/.n8n.
  const userFolder = mkdtempSync(join(tmpdir(), 'remake-bench-n8n-'));
  process.env.N8N_USER_FOLDER = userFolder;
  process.env.N8N_ENCRYPTION_KEY ??= 'remake-bench';
  process.on('exit', () => rmSync(userFolder, { recursive: true, force: true }));

  const { Workflow, NodeHelpers, createRunExecutionData, Expression } = require('n8n-workflow');
  const { WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
  const types = Object.fromEntries(
    Object.entries(NODE_CLASSES).map(([type, { file }]) => {
      const NodeClass = Object.values(require(`n8n-nodes-base/dist/nodes/${file}.js`))[0];
      return [type, new NodeClass()];
    }),
  );
  // The shape of n8n-core's test NodeTypes helper: the Workflow resolves every node's class through it.
  const nodeTypes = {
    getByName: (type) => types[type],
    getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(types[type], version),
    getKnownTypes: () => ({}),
  };
  const workflowData = { id: 'bench', name: 'bench', nodes: NODES, connections: CONNECTIONS, active: true, settings: { executionOrder: 'v1', timezone } };

  async function run(items) {
    const workflow = new Workflow({ ...workflowData, nodeTypes });
    // No hook handlers: a server execution would also save progress and push events, which only slows n8n down.
    const hooks = new ExecutionLifecycleHooks('webhook', 'bench', workflowData);
    const base = 'http://localhost:5678';
    const additionalData = {
      hooks,
      executionId: 'bench',
      restartExecutionId: undefined,
      variables: {},
      instanceBaseUrl: `${base}/`,
      restApiUrl: `${base}/rest`,
      webhookBaseUrl: `${base}/webhook`,
      webhookTestBaseUrl: `${base}/webhook-test`,
      webhookWaitingBaseUrl: `${base}/webhook-waiting`,
      formWaitingBaseUrl: `${base}/form-waiting`,
    };
    // As n8n's webhook handling does: the Webhook node starts the stack holding the received request as its item.
    const request = { json: { headers: { 'content-type': 'application/json' }, params: {}, query: {}, body: { items } } };
    const executionData = createRunExecutionData({
      executionData: { nodeExecutionStack: [{ node: WEBHOOK, data: { main: [[request]] }, source: null }] },
    });
    return await new WorkflowExecute(additionalData, 'webhook', executionData).processRunExecutionData(workflow);
  }

  /** Reads what the bench checks out of a finished execution: per route, items entering Set and the aggregated array. */
  function summarize(result) {
    const { runData, error } = result.data.resultData;
    if (result.status !== 'success' || error) throw new Error(`n8n's execution ended '${result.status}': ${error?.message ?? 'no error given'}`);
    const output = (name) => runData[name]?.[0]?.data?.main?.[0] ?? [];
    return {
      A: { entered: output('Set A').length, array: output('Aggregate A')[0]?.json.array },
      B: { entered: output('Set B').length, array: output('Aggregate B')[0]?.json.array },
    };
  }

  const version = (name) => require(`${name}/package.json`).version;
  const versions = ['n8n-core', 'n8n-workflow', 'n8n-nodes-base'].map((name) => `${name} ${version(name)}`).join(', ');
  return { run, summarize, versions, engine: Expression.getActiveImplementation() };
}
