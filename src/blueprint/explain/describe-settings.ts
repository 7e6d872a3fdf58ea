// The scenario settings that change what a run does (BLUEPRINT.md §9, SEMANTICS.md §1.3–§1.4), in words.
// Settings at Make's defaults are left out, except incomplete executions, which decide what an unhandled error does.
import { DEFAULT_SETTINGS, modulesOf, type ScenarioModel, type ScenarioSettings } from '../../model/index.ts';
import { joinWords, plural } from './text.ts';

interface SettingRule {
  readonly applies: (settings: ScenarioSettings) => boolean;
  readonly line: (settings: ScenarioSettings) => string;
}

const RULES: readonly SettingRule[] = [
  {
    applies: () => true,
    line: (s) =>
      s.dlq
        ? '- Incomplete executions: allowed (dlq on): when a module other than the first fails with no handler, the rest of that bundle is stored to be retried or resolved'
        : '- Incomplete executions: not allowed (dlq off): when a module fails with no handler, the run stops and rolls back',
  },
  { applies: (s) => s.sequential, line: () => '- Sequential processing: on: runs never overlap, and queued webhook calls are processed one at a time in arrival order' },
  { applies: (s) => s.roundtrips > 1, line: (s) => `- Max cycles: ${s.roundtrips} per run (roundtrips): the trigger may be asked for more data up to ${s.roundtrips} times` },
  { applies: (s) => !s.autoCommit, line: () => '- Auto commit: off: modules commit together at the end of the cycle, so a Rollback can still undo their changes' },
  { applies: (s) => !s.autoCommitTriggerLast, line: () => '- Commit trigger last: off: the trigger acknowledges its data before the rest of the cycle commits' },
  { applies: (s) => s.dataloss, line: () => '- Data loss: on: data that cannot be stored as an incomplete execution is dropped and scheduling continues' },
  { applies: (s) => s.confidential, line: () => '- Confidential: on: run logs keep no bundle contents' },
  { applies: (s) => s.maxErrors !== DEFAULT_SETTINGS.maxErrors, line: (s) => `- Deactivation: after ${plural(s.maxErrors, 'consecutive error')}` },
];

/** Lines for the settings section, orphan chains included (on the canvas but never run). */
export function describeSettings(model: ScenarioModel): string[] {
  const lines = RULES.filter((rule) => rule.applies(model.settings)).map((rule) => rule.line(model.settings));
  const chains = model.orphans?.filter((chain) => chain.modules.length > 0) ?? [];
  if (chains.length > 0) {
    const ids = chains.flatMap((chain) => modulesOf(chain)).map((node) => (node.id === undefined ? 'one without id' : String(node.id)));
    lines.push(`- Orphan chains: ${plural(chains.length, 'chain')} (modules ${joinWords(ids, 10)}) sit on the canvas and are not run`);
  }
  return lines;
}
