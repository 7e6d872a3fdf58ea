// The Math app: evaluate a mathematical expression.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { evaluateExpression } from './evaluate-expression.ts';

export const mathModules = [evaluateExpression] as const satisfies readonly ModuleDefinition[];
