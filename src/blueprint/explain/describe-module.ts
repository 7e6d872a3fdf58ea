// One module in words: a title line (id, label, `app:Module`, catalog title) and what it does, by role
// (SEMANTICS.md §3–§8). Nested routes, branches and handlers are laid out by describe-flow.ts.
import type { ModuleNode } from '../../model/index.ts';
import { catalogEntry, roleOf, type ModuleRole } from '../catalog.ts';
import type { ExplainContext } from './context.ts';
import { describeDirective, type DirectiveSite } from './describe-directive.ts';
import { describeMapping } from './describe-mapping.ts';
import { describeSetting, isRecord, plural, shorten } from './text.ts';

type Describer = (node: ModuleNode, ctx: ExplainContext, site: DirectiveSite) => string[];

/** `Module 3 "Parse order": json:ParseJSON (Parse JSON)`. */
export function moduleTitle(node: ModuleNode): string {
  const id = node.id === undefined ? 'Module (no id)' : `Module ${node.id}`;
  const label = node.label ? ` "${shorten(node.label)}"` : '';
  const title = catalogEntry(node.type)?.title;
  return `${id}${label}: ${node.type || 'unknown module'}${title ? ` (${title})` : ''}`;
}

function parameter(node: ModuleNode, key: string): unknown {
  return isRecord(node.parameters) ? node.parameters[key] : undefined;
}

function mapperValue(node: ModuleNode, key: string): unknown {
  return isRecord(node.mapper) ? node.mapper[key] : undefined;
}

const mapping: Describer = (node, ctx) => describeMapping(node.compiled.mapper, ctx);

/** Iterator (`mapper.array`, SEMANTICS.md §5) and Repeater (`start`, `repeats`, `step`, §7 rule 68). */
const iterator: Describer = (node, ctx) => {
  if (node.type === 'builtin:BasicRepeater') {
    // Defaults of Make's Repeater form: start 1, step 1 (SEMANTICS.md rule 68).
    const repeats = describeSetting(mapperValue(node, 'repeats'), '1');
    const start = describeSetting(mapperValue(node, 'start'), '1');
    const step = describeSetting(mapperValue(node, 'step'), '1');
    return [`- repeats ${repeats} times: one bundle per repeat, with i starting at ${start} and growing by ${step}`, ...describeMapping(node.compiled.mapper, ctx, ['repeats', 'start', 'step'])];
  }
  const array = mapperValue(node, 'array');
  const what = typeof array === 'string' ? shorten(array) : Array.isArray(array) ? `a fixed list of ${plural(array.length, 'item')}` : 'its input';
  return [`- splits ${what} into one bundle per item`, ...describeMapping(node.compiled.mapper, ctx, ['array'])];
};

/** Aggregators (SEMANTICS.md §6): the source module, group-by and stop-if-empty, then the aggregated fields. */
const aggregator: Describer = (node, ctx) => {
  const feeder = parameter(node, 'feeder');
  const source = typeof feeder === 'number' ? `module ${feeder} (${ctx.moduleName(feeder)})` : 'its source module';
  const lines = [`- collects the bundles from ${source} into one`];
  const flags = isRecord(node.flags) ? node.flags : {};
  if (typeof flags.groupBy === 'string' && flags.groupBy !== '') lines.push(`- groups them by ${shorten(flags.groupBy)}: one result per distinct value`);
  if (flags.stopIfEmpty === true) lines.push('- stops here when nothing was collected (stop if empty)');
  return [...lines, ...mapping(node, ctx, { failedId: undefined })];
};

/** Instant triggers: the hook they listen on (the Trigger section says what starts the scenario). */
const instantTrigger: Describer = (node, ctx) => {
  const hook = parameter(node, 'hook') ?? parameter(node, '__IMTHOOK__');
  const lines = hook === undefined || hook === null || hook === '' ? [] : [`- listens on hook ${String(hook)}`];
  return [...lines, ...mapping(node, ctx, { failedId: undefined })];
};

const ROLES = {
  'instant-trigger': instantTrigger,
  trigger: mapping,
  action: mapping,
  router: (node) => [`- offers each bundle to its ${plural(node.routes?.length ?? 0, 'route')} in order; every route whose condition passes runs, one after another`],
  iterator,
  aggregator,
  directive: (node, ctx, site) => describeDirective(node, ctx, site),
  ifelse: () => ['- checks the branches in order; only the first branch whose condition passes runs (else runs when none does)'],
  merge: () => ['- joins the if-else branches back into one flow'],
  responder: (node, ctx) => ['- answers the webhook call', ...mapping(node, ctx, { failedId: undefined })],
  placeholder: () => ['- an empty slot: nothing runs here'],
} as const satisfies Record<ModuleRole, Describer>;

/** The module's role, the title line and the detail lines (to be nested under the title). */
export function describeModule(node: ModuleNode, ctx: ExplainContext, site: DirectiveSite): { role: ModuleRole; title: string; details: string[] } {
  const role = roleOf(node.type, node.parameters);
  return { role, title: moduleTitle(node), details: ROLES[role](node, ctx, site) };
}
