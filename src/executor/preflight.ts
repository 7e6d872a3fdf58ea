// Before a run starts: every module must be one Remake runs (right version), or be mocked. Otherwise the run
// fails naming the modules, as CONTRACTS.md §1 asks, instead of failing half-way.
import { catalogEntry } from '../blueprint/index.ts';
import { flowModules, type ModuleNode, type ScenarioModel } from '../model/index.ts';
import { mockFor, type MockTable } from './mocks.ts';
import type { ModuleRegistry } from './registry.ts';

export interface PreflightProblem {
  readonly moduleId: number | null;
  readonly message: string;
}

export interface PreflightInput {
  readonly model: ScenarioModel;
  readonly registry: ModuleRegistry;
  readonly mocks: MockTable;
  readonly autoMock: boolean;
  /** The first module's output is given (`--input` bundles), so it needs no mock. */
  readonly firstGiven: boolean;
}

/** Problems that stop the run before it starts; empty when it can run. */
export function preflight(input: PreflightInput): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const unmocked: ModuleNode[] = [];
  const first = input.model.flow.modules[0];
  for (const node of flowModules(input.model)) {
    if (node.type === 'placeholder:Placeholder') continue;
    if (node === first && input.firstGiven) continue;
    if (mockFor(input.mocks, node.id ?? 0, node.type) !== undefined) continue;
    const versions = input.registry.versions(node.type);
    if (versions.length > 0) {
      if (!input.registry.lookup(node.type, node.version)) {
        problems.push({ moduleId: node.id ?? null, message: `Module ${node.id} (${node.type}) version ${String(node.version)} is not supported; Remake runs version ${versions.join(', ')}.` });
      }
      continue;
    }
    if (catalogEntry(node.type) === undefined && isClosedBuiltin(node.type)) {
      problems.push({ moduleId: node.id ?? null, message: `Module ${node.id} (${node.type}) is not a Make module, so it cannot run.` });
      continue;
    }
    if (!input.autoMock) unmocked.push(node);
  }
  if (unmocked.length > 0) {
    const names = unmocked.map((node) => `${node.id} (${node.type})`).join(', ');
    const hint = 'give them --mocks, or --auto-mock to build outputs from their metadata.interface and the fields the scenario maps from them';
    problems.push({ moduleId: unmocked[0]?.id ?? null, message: `Remake cannot run module${unmocked.length > 1 ? 's' : ''} ${names} itself: ${hint}.` });
  }
  return problems;
}

/** Apps whose every module Remake knows: an unknown name there is not a Make module (blueprint catalog). */
function isClosedBuiltin(type: string): boolean {
  const app = type.split(':')[0] ?? '';
  return ['builtin', 'gateway', 'placeholder', 'datastore', 'json'].includes(app);
}
