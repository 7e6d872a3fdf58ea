// Compiles an AST into closures once; evaluation then runs no parsing at all.
import { assertNever } from '../shared/errors.ts';
import { ownValue } from '../shared/own-value.ts';
import type { AstNode, KeywordName } from './ast.ts';
import { ImlCompileError, ImlErrorCode, ImlRuntimeError, isImlError } from './errors.ts';
import type { ImlFunction } from './functions/define.ts';
import { BINARY_HANDLERS, SHORT_CIRCUIT, negate, not } from './operators.ts';
import { readIndex, readKey } from './path.ts';
import { ERASE, type EvalContext, type ImlValue } from './types.ts';

export type Evaluator = (ctx: EvalContext) => ImlValue;

export interface CompileState {
  readonly lookup: (name: string) => ImlFunction | undefined;
  readonly functions: Set<string>;
}

const KEYWORD_VALUES = {
  true: () => true,
  false: () => false,
  null: () => null,
  ignore: () => undefined,
  erase: () => ERASE,
  emptystring: () => '',
  emptyarray: () => [],
  space: () => ' ',
  nbsp: () => '\u00a0',
  tab: () => '\t',
  newline: () => '\n',
  carriagereturn: () => '\r',
  now: (ctx) => new Date(ctx.now.getTime()),
  timestamp: (ctx) => Math.floor(ctx.now.getTime() / 1000),
  random: (ctx) => ctx.random(),
  uuid: (ctx) => ctx.uuid(),
  pi: () => Math.PI,
  executionId: (ctx) => ctx.executionId,
} as const satisfies Record<KeywordName, Evaluator>;

/** Adds the position of `node` to an IML error that has none; wraps anything else as a function failure. */
function locate(error: unknown, pos: number, what: string): never {
  if (isImlError(error)) {
    if (error.where.position !== undefined) throw error;
    throw new ImlRuntimeError(error.code as ImlErrorCode, error.message, { ...error.where, position: pos + 1 }, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  throw new ImlRuntimeError(ImlErrorCode.invalidArgument, `Function '${what}' finished with error: ${reason}`, { position: pos + 1 }, { cause: error });
}

/**
 * Compiles `node`. `trailing` is false while compiling the object of `.key` or `[i]`:
 * there `[]` means the first item, at the end of a chain it means the whole array (IML.md §A.3).
 */
export function compileNode(node: AstNode, state: CompileState, trailing = true): Evaluator {
  switch (node.type) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'keyword':
      return KEYWORD_VALUES[node.name];
    case 'root': {
      const name = node.name;
      return (ctx) => ownValue(ctx.roots, name) as ImlValue;
    }
    case 'module': {
      const id = node.id;
      return (ctx) => ctx.module(id) as ImlValue;
    }
    case 'member': {
      const object = compileNode(node.object, state, false);
      const key = node.key;
      return (ctx) => readKey(object(ctx), key);
    }
    case 'index': {
      const object = compileNode(node.object, state, false);
      if (node.index === null) {
        if (trailing) return object;
        return (ctx) => {
          const value = object(ctx);
          return Array.isArray(value) ? value[0] : value;
        };
      }
      const index = compileNode(node.index, state);
      return (ctx) => readIndex(object(ctx), index(ctx));
    }
    case 'call':
      return compileCall(node, state);
    case 'unary': {
      const operand = compileNode(node.operand, state);
      const apply = node.op === '-' ? negate : not;
      const pos = node.pos;
      return (ctx) => {
        try {
          return apply(operand(ctx));
        } catch (error) {
          return locate(error, pos, node.op);
        }
      };
    }
    case 'binary': {
      const left = compileNode(node.left, state);
      const right = compileNode(node.right, state);
      const handler = BINARY_HANDLERS[node.op];
      const shortCircuit = SHORT_CIRCUIT[node.op];
      const pos = node.pos;
      const op = node.op;
      return (ctx) => {
        try {
          const a = left(ctx);
          const decided = shortCircuit?.(a);
          if (decided !== undefined) return decided;
          return handler(a, right(ctx));
        } catch (error) {
          return locate(error, pos, op);
        }
      };
    }
    case 'empty':
      return () => undefined;
    default:
      return assertNever(node, 'AST node');
  }
}

function compileCall(node: Extract<AstNode, { type: 'call' }>, state: CompileState): Evaluator {
  let fn: ImlFunction | undefined;
  try {
    fn = state.lookup(node.name);
  } catch (error) {
    if (error instanceof ImlCompileError && error.where.position === undefined) {
      throw new ImlCompileError(error.code as ImlErrorCode, `${error.message} (position ${node.pos + 1})`, { position: node.pos + 1 });
    }
    throw error;
  }
  if (!fn) {
    throw new ImlCompileError(ImlErrorCode.unknownFunction, `Function '${node.name}' not found at position ${node.pos + 1}.`, {
      position: node.pos + 1,
    });
  }
  state.functions.add(fn.name);
  const args = node.args.map((arg) => compileNode(arg, state));
  const pos = node.pos;
  if (fn.lazy) {
    const run = fn.run;
    return (ctx) => {
      try {
        return run(args.map((arg) => () => arg(ctx)), ctx);
      } catch (error) {
        return locate(error, pos, fn.name);
      }
    };
  }
  const run = fn.run;
  return (ctx) => {
    try {
      // `erase` inside a function call is just an empty value; only a whole field can erase.
      const values = args.map((arg) => {
        const value = arg(ctx);
        return value === ERASE ? null : value;
      });
      return run(values, ctx);
    } catch (error) {
      return locate(error, pos, fn.name);
    }
  };
}
