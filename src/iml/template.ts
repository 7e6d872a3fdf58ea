// The public entry to IML: compile a field template once, evaluate it many times.
import type { AstNode } from './ast.ts';
import { compileNode, type Evaluator } from './compiler.ts';
import { toText } from './coerce.ts';
import { lookupFunction } from './functions/registry.ts';
import type { ImlFunction } from './functions/define.ts';
import { parseExpression } from './parser.ts';
import { collectReferences, type ModuleReference } from './references.ts';
import { collectRoots, type RootUse } from './roots.ts';
import { splitTemplate } from './template-splitter.ts';
import type { Dialect, EvalContext, ImlValue } from './types.ts';

export interface CompileOptions {
  readonly dialect?: Dialect;
  /** Extra or replacement functions (custom functions, app IML functions). */
  readonly functions?: (name: string) => ImlFunction | undefined;
}

export interface CompiledTemplate {
  readonly source: string;
  /**
   * `constant`: no `{{`; `single`: exactly one expression, whose value keeps its type;
   * `mixed`: text and expressions, always text (IML.md §A.2).
   */
  readonly shape: 'constant' | 'single' | 'mixed';
  readonly references: readonly ModuleReference[];
  /** Bare words used as values (`var`, or unknown words, which evaluate to empty). */
  readonly roots: readonly RootUse[];
  /** Names of the functions the template calls. */
  readonly functions: readonly string[];
  /** Syntax trees of the expression parts, in order. */
  readonly expressions: readonly AstNode[];
  evaluate(ctx: EvalContext): ImlValue;
}

/** Compiles `source`. Throws ImlCompileError (code, 1-based position) on bad syntax or an unknown function. */
export function compileTemplate(source: string, options: CompileOptions = {}): CompiledTemplate {
  const dialect = options.dialect ?? 'scenario';
  const extra = options.functions;
  const lookup = extra ? (name: string) => extra(name) ?? lookupFunction(name) : lookupFunction;
  const state = { lookup, functions: new Set<string>() };
  const parts = splitTemplate(source, dialect);
  const expressions: AstNode[] = [];
  const pieces: (Evaluator | string)[] = parts.map((part) => {
    if (part.kind === 'text') return part.text;
    const ast = parseExpression(part.source, part.start, dialect);
    expressions.push(ast);
    return compileNode(ast, state);
  });
  const references: ModuleReference[] = [];
  const roots: RootUse[] = [];
  for (const ast of expressions) {
    collectReferences(ast, references);
    collectRoots(ast, roots);
  }
  const base = { source, references, roots, functions: [...state.functions], expressions };

  const only = pieces[0];
  if (pieces.length === 0) return { ...base, shape: 'constant', evaluate: () => source };
  if (pieces.length === 1 && typeof only === 'string') return { ...base, shape: 'constant', evaluate: () => only };
  if (pieces.length === 1 && typeof only === 'function') return { ...base, shape: 'single', evaluate: only };
  return {
    ...base,
    shape: 'mixed',
    evaluate: (ctx) => {
      let out = '';
      for (const piece of pieces) out += typeof piece === 'string' ? piece : toText(piece(ctx));
      return out;
    },
  };
}

/** Compiles and evaluates in one go; for one-off use (the CLI, tests). */
export function evaluateTemplate(source: string, ctx: EvalContext, options?: CompileOptions): ImlValue {
  return compileTemplate(source, options).evaluate(ctx);
}
