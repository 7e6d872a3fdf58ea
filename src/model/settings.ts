// Scenario settings (`metadata.scenario`) with the defaults Make applies when older exports omit a key (BLUEPRINT.md §9).
import type { ScenarioSettings } from './types.ts';

export const DEFAULT_SETTINGS: ScenarioSettings = {
  roundtrips: 1,
  maxErrors: 3,
  autoCommit: true,
  autoCommitTriggerLast: true,
  sequential: false,
  confidential: false,
  dataloss: false,
  dlq: false,
  freshVariables: false,
};

/** Reads the settings object; keys with a wrong type fall back to the default (the validator reports them). */
export function readSettings(raw: unknown): ScenarioSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const source = raw as Record<string, unknown>;
  const pick = <K extends keyof ScenarioSettings>(key: K): ScenarioSettings[K] => {
    const value = source[key];
    return typeof value === typeof DEFAULT_SETTINGS[key] ? (value as ScenarioSettings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    roundtrips: pick('roundtrips'),
    maxErrors: pick('maxErrors'),
    autoCommit: pick('autoCommit'),
    autoCommitTriggerLast: pick('autoCommitTriggerLast'),
    sequential: pick('sequential'),
    confidential: pick('confidential'),
    dataloss: pick('dataloss'),
    dlq: pick('dlq'),
    freshVariables: pick('freshVariables'),
  };
}
