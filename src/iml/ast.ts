// The IML syntax tree. Every node keeps `pos`: its 0-based offset in the field text.

export const KEYWORDS = [
  'true', 'false', 'null', 'ignore', 'erase', 'emptystring', 'emptyarray', 'space', 'nbsp', 'tab',
  'newline', 'carriagereturn', 'now', 'timestamp', 'random', 'uuid', 'pi', 'executionId',
] as const;
export type KeywordName = (typeof KEYWORDS)[number];

export const BINARY_OPERATORS = ['|', '&', '=', '!=', '<', '<=', '>', '>=', '+', '++', '-', '*', '/', '%'] as const;
export type BinaryOperator = (typeof BINARY_OPERATORS)[number];
export type UnaryOperator = '-' | '!';

export type AstNode =
  | { readonly type: 'literal'; readonly value: string | number; readonly pos: number }
  | { readonly type: 'keyword'; readonly name: KeywordName; readonly pos: number }
  /** A bare word: `var`, an app-IML root such as `parameters`, or an unknown word (empty). */
  | { readonly type: 'root'; readonly name: string; readonly pos: number }
  /** `3` in `3.data`, or `` `3` `` for the whole bundle. */
  | { readonly type: 'module'; readonly id: number; readonly pos: number }
  | { readonly type: 'member'; readonly object: AstNode; readonly key: string; readonly pos: number }
  /** `[expr]`; `index` null for `[]`. */
  | { readonly type: 'index'; readonly object: AstNode; readonly index: AstNode | null; readonly pos: number }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly AstNode[]; readonly pos: number }
  | { readonly type: 'unary'; readonly op: UnaryOperator; readonly operand: AstNode; readonly pos: number }
  | { readonly type: 'binary'; readonly op: BinaryOperator; readonly left: AstNode; readonly right: AstNode; readonly pos: number }
  /** An argument left blank: `replace(a; ; b)`. Evaluates to empty. */
  | { readonly type: 'empty'; readonly pos: number };

export type AstNodeType = AstNode['type'];
