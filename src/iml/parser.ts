// Pratt parser: tokens of one `{{…}}` expression to an AST, with Make's operator precedence (IML.md §A.6).
import { assertNever } from '../shared/errors.ts';
import { KEYWORDS, type AstNode, type BinaryOperator, type KeywordName } from './ast.ts';
import { syntaxError, tokenize, type Token } from './lexer.ts';
import type { Dialect } from './types.ts';

/** Binding power of each binary operator, written as raw IML writes it (aliases included). */
const BINARY: Readonly<Record<string, { op: BinaryOperator; power: number }>> = {
  '|': { op: '|', power: 5 },
  '||': { op: '|', power: 5 },
  '&': { op: '&', power: 6 },
  '&&': { op: '&', power: 6 },
  '=': { op: '=', power: 10 },
  '==': { op: '=', power: 10 },
  '===': { op: '=', power: 10 },
  '!=': { op: '!=', power: 10 },
  '!==': { op: '!=', power: 10 },
  '<': { op: '<', power: 11 },
  '<=': { op: '<=', power: 11 },
  '>': { op: '>', power: 11 },
  '>=': { op: '>=', power: 11 },
  '+': { op: '+', power: 13 },
  '++': { op: '++', power: 13 },
  '-': { op: '-', power: 13 },
  '*': { op: '*', power: 14 },
  '/': { op: '/', power: 14 },
  '%': { op: '%', power: 14 },
};
const UNARY_POWER = 16;
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/**
 * Deepest nesting accepted, in parentheses, calls, operators and path keys. The parser, the compiler,
 * the evaluator and collectReferences recurse once per level, so thousands of levels (`((((…`,
 * `1+1+1…`, `1.a.b.c…`) overflowed the stack with a RangeError instead of a syntax error.
 * Templates written in Make's editor nest a few levels; 256 leaves a wide margin on Node's default stack.
 */
const MAX_DEPTH = 256;

function tooDeep(offset: number): never {
  throw syntaxError(`expression nested more than ${MAX_DEPTH} levels deep`, offset);
}

/** Parses the expression text `source` found at offset `base` of its field. */
export function parseExpression(source: string, base: number, dialect: Dialect): AstNode {
  const parser = new Cursor(tokenize(source, base, dialect), dialect);
  if (parser.peek().kind === 'eof') throw syntaxError('empty expression {{}}', base);
  const node = parser.expression(0);
  const rest = parser.peek();
  if (rest.kind !== 'eof') throw syntaxError(`expected an operator or the end of the expression, found ${describe(rest)}`, rest.start);
  checkDepth(node);
  return node;
}

/** Rejects trees deeper than MAX_DEPTH; operator and key chains grow them without parser recursion. Walks without recursion. */
function checkDepth(root: AstNode): void {
  const stack: [AstNode, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > MAX_DEPTH) tooDeep(node.pos);
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
}

function children(node: AstNode): readonly AstNode[] {
  switch (node.type) {
    case 'literal':
    case 'keyword':
    case 'root':
    case 'module':
    case 'empty':
      return [];
    case 'member':
      return [node.object];
    case 'index':
      return node.index ? [node.object, node.index] : [node.object];
    case 'call':
      return node.args;
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    default:
      return assertNever(node, 'AST node');
  }
}

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the expression';
  if (token.kind === 'string') return `text "${token.value}"`;
  if (token.kind === 'backtick') return `\`${token.value}\``;
  return `'${token.value}'`;
}

/** Walks the token list; a small state holder kept private to this file. */
class Cursor {
  private index = 0;
  /** Nesting of expression() calls, bounded so `((((…` cannot overflow the stack. */
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly dialect: Dialect,
  ) {}

  peek(): Token {
    return this.tokens[this.index] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.value === value;
  }

  private expect(value: string, what: string): Token {
    const token = this.peek();
    if (token.kind !== 'punct' || token.value !== value) throw syntaxError(`expected ${what}, found ${describe(token)}`, token.start);
    return this.next();
  }

  expression(minPower: number): AstNode {
    if (this.depth >= MAX_DEPTH) tooDeep(this.peek().start);
    this.depth += 1;
    const node = this.operators(minPower);
    this.depth -= 1;
    return node;
  }

  private operators(minPower: number): AstNode {
    let left = this.prefix();
    for (;;) {
      const token = this.peek();
      if (token.kind === 'ident' && (token.value === 'and' || token.value === 'or')) {
        throw syntaxError(`'${token.value}' is written ${token.value === 'and' ? '&' : '|'} in raw IML`, token.start);
      }
      if (token.kind !== 'op') return left;
      const binary = BINARY[token.value];
      if (!binary) throw syntaxError(`'${token.value}' is not a binary operator`, token.start);
      if (binary.power < minPower) return left;
      this.next();
      const right = this.expression(binary.power + 1);
      left = { type: 'binary', op: binary.op, left, right, pos: token.start };
    }
  }

  private prefix(): AstNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return this.postfix(this.numberOrModule(token));
      case 'string':
        return this.postfix({ type: 'literal', value: token.value, pos: token.start });
      case 'backtick':
        return this.postfix(
          /^\d+$/.test(token.value)
            ? { type: 'module', id: Number(token.value), pos: token.start }
            : { type: 'root', name: token.value, pos: token.start },
        );
      case 'ident':
        return this.postfix(this.identifier(token));
      case 'op':
        if (token.value === '-' || token.value === '!') {
          return { type: 'unary', op: token.value, operand: this.expression(UNARY_POWER), pos: token.start };
        }
        if (token.value === '+') return this.expression(UNARY_POWER);
        throw syntaxError(`expected a value, found '${token.value}'`, token.start);
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression(0);
          this.expect(')', "')'");
          return this.postfix(inner);
        }
        throw syntaxError(`expected a value, found '${token.value}'`, token.start);
      case 'eof':
        throw syntaxError('expected a value, found the end of the expression', token.start);
    }
  }

  /** `1.name` starts a module reference; any other number is a literal. */
  private numberOrModule(token: Token): AstNode {
    if (token.integer && this.isPunct('.')) return { type: 'module', id: Number(token.value), pos: token.start };
    return { type: 'literal', value: Number(token.value), pos: token.start };
  }

  private identifier(token: Token): AstNode {
    if (this.isPunct('(')) return this.call(token);
    if (KEYWORD_SET.has(token.value)) return { type: 'keyword', name: token.value as KeywordName, pos: token.start };
    return { type: 'root', name: token.value, pos: token.start };
  }

  private call(name: Token): AstNode {
    this.expect('(', "'('");
    const args: AstNode[] = [];
    const separator = this.dialect === 'scenario' ? ';' : ',';
    if (this.isPunct(')')) {
      this.next();
      return { type: 'call', name: name.value, args, pos: name.start };
    }
    for (;;) {
      const token = this.peek();
      // Make's editor stores a blank argument as nothing between two separators.
      if (token.kind === 'punct' && (token.value === separator || token.value === ')')) {
        args.push({ type: 'empty', pos: token.start });
      } else {
        args.push(this.expression(0));
      }
      const after = this.peek();
      if (after.kind === 'punct' && after.value === separator) {
        this.next();
        continue;
      }
      if (after.kind === 'punct' && after.value === ')') {
        this.next();
        return { type: 'call', name: name.value, args, pos: name.start };
      }
      if (after.kind === 'punct' && after.value === ',' && this.dialect === 'scenario') {
        throw syntaxError(`arguments of ${name.value}() are separated by ';' in scenario IML, not ','`, after.start);
      }
      throw syntaxError(`expected '${separator}' or ')' in ${name.value}(), found ${describe(after)}`, after.start);
    }
  }

  /** `.key`, `` .`key` `` and `[index]` after any value. */
  private postfix(base: AstNode): AstNode {
    let node = base;
    for (;;) {
      if (this.isPunct('.')) {
        const dot = this.next();
        const key = this.next();
        if (key.kind === 'ident' || key.kind === 'backtick' || (key.kind === 'number' && key.integer)) {
          node = { type: 'member', object: node, key: key.value, pos: key.start };
          continue;
        }
        throw syntaxError(`expected a key after '.', found ${describe(key)}`, key.kind === 'eof' ? dot.start + 1 : key.start);
      }
      if (this.isPunct('[')) {
        const open = this.next();
        if (this.isPunct(']')) {
          this.next();
          node = { type: 'index', object: node, index: null, pos: open.start };
          continue;
        }
        const index = this.expression(0);
        this.expect(']', "']'");
        node = { type: 'index', object: node, index, pos: open.start };
        continue;
      }
      return node;
    }
  }
}
