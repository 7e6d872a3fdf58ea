// The util (Tools) app: variables, counters, sleep and the text/numeric aggregators.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { numericAggregator, textAggregator } from './aggregators.ts';
import { increment } from './increment.ts';
import { utilPureModules } from './pure-modules.ts';
import { sleep } from './sleep.ts';
import { tableAggregator } from './table-aggregator.ts';
import { getVariable, getVariables, setVariable, setVariables } from './variables.ts';

export const utilModules = [setVariable, setVariables, getVariable, getVariables, increment, sleep, textAggregator, numericAggregator, tableAggregator, ...utilPureModules] as const satisfies readonly ModuleDefinition[];
