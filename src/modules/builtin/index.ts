// The builtin app: flow control and the error directives.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { arrayAggregator } from './array-aggregator.ts';
import { breakDirective, commit, ifElse, ignore, merge, resume, rollback, router } from './control-modules.ts';
import { iterator } from './iterator.ts';
import { repeater } from './repeater.ts';

export const builtinModules = [router, ifElse, merge, ignore, resume, breakDirective, commit, rollback, iterator, repeater, arrayAggregator] as const satisfies readonly ModuleDefinition[];
