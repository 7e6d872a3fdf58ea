// The five error-handler directives in words (SEMANTICS.md §8.2, BLUEPRINT.md §6), one describer per directive.
import type { ModuleNode } from '../../model/index.ts';
import type { ExplainContext } from './context.ts';
import { describeMapping } from './describe-mapping.ts';
import { describeOperand, describeSetting, isRecord, joinWords } from './text.ts';

export type DirectiveName = 'Ignore' | 'Resume' | 'Break' | 'Commit' | 'Rollback';

/** Where the directive sits: the id of the module whose failure the handler route handles, when known. */
export interface DirectiveSite {
  readonly failedId: number | undefined;
}

type Describer = (node: ModuleNode, ctx: ExplainContext, site: DirectiveSite) => string[];

const MAX_FIELDS = 8;

function failed(site: DirectiveSite): string {
  return site.failedId === undefined ? 'the failed module' : `module ${site.failedId}`;
}

/** Break's `retry` is a boolean, and once `"{{true}}"` in the corpus; anything else mapped decides at run time. */
function retryMode(value: unknown): 'on' | 'off' | 'mapped' {
  if (value === true || value === 'true' || (typeof value === 'string' && /^\{\{\s*true\s*\}\}$/.test(value))) return 'on';
  return typeof value === 'string' && value.includes('{{') ? 'mapped' : 'off';
}

function describeBreak(node: ModuleNode, ctx: ExplainContext): string[] {
  const mapper = isRecord(node.mapper) ? node.mapper : {};
  const mode = retryMode(mapper.retry);
  // Defaults of Make's Break form: 3 attempts, 15 minutes apart (SEMANTICS.md rule 82).
  const schedule = `${describeSetting(mapper.count, '3')} times every ${describeSetting(mapper.interval, '15')} minutes`;
  const retry = {
    on: `, then retry it automatically ${schedule}`,
    off: ' for someone to resolve by hand',
    mapped: `; retry ${schedule} when ${describeOperand(mapper.retry)} is true`,
  }[mode];
  const storing = ctx.settings.dlq ? '' : ' (Break needs incomplete executions to be allowed, and this scenario does not allow them)';
  return [`- Break: store the failed bundle as an incomplete execution${retry}${storing}`];
}

function describeResume(node: ModuleNode, ctx: ExplainContext, site: DirectiveSite): string[] {
  const fields = isRecord(node.mapper) ? Object.keys(node.mapper) : [];
  const output = fields.length === 0 ? 'an empty substitute output' : `substitute output fields ${joinWords(fields, MAX_FIELDS)}`;
  return [`- Resume: continue as if ${failed(site)} had succeeded, with ${output}`, ...describeMapping(node.compiled.mapper, ctx)];
}

const DIRECTIVES = {
  Ignore: () => ['- Ignore: drop the failed bundle and continue with the next bundle'],
  Resume: describeResume,
  Break: describeBreak,
  Commit: () => ['- Commit: stop the run here and commit what was done so far; remaining bundles are not processed'],
  Rollback: () => ['- Rollback: stop the run here and roll back what transactional modules did; the run ends with an error'],
} as const satisfies Record<DirectiveName, Describer>;

/** The directive a module is (`builtin:Ignore` …), or undefined. */
export function directiveOf(node: ModuleNode): DirectiveName | undefined {
  if (node.app !== 'builtin') return undefined;
  return Object.hasOwn(DIRECTIVES, node.name) ? (node.name as DirectiveName) : undefined;
}

/** Lines for a directive module; empty for any other module. */
export function describeDirective(node: ModuleNode, ctx: ExplainContext, site: DirectiveSite): string[] {
  const name = directiveOf(node);
  return name ? DIRECTIVES[name](node, ctx, site) : [];
}
