// The Tools modules that only transform their input (no variables, state or timers), for the util app's index.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { composeTransformer } from './compose-transformer.ts';
import { switcher } from './switcher.ts';

export const utilPureModules = [switcher, composeTransformer] as const satisfies readonly ModuleDefinition[];
