// Finds the bare words of an AST (`var` in `var.input.x`, or an unknown word such as `API_KEY`), for validation.
import type { AstNode } from './ast.ts';

/** A bare word used as a value, with its 1-based position in the field text. */
export interface RootUse {
  readonly name: string;
  readonly position: number;
}

/** Appends every bare word in `node` to `out`, in source order. */
export function collectRoots(node: AstNode, out: RootUse[] = []): RootUse[] {
  switch (node.type) {
    case 'root':
      out.push({ name: node.name, position: node.pos + 1 });
      return out;
    case 'member':
      return collectRoots(node.object, out);
    case 'index':
      collectRoots(node.object, out);
      return node.index ? collectRoots(node.index, out) : out;
    case 'call':
      for (const arg of node.args) collectRoots(arg, out);
      return out;
    case 'unary':
      return collectRoots(node.operand, out);
    case 'binary':
      collectRoots(node.left, out);
      return collectRoots(node.right, out);
    case 'literal':
    case 'keyword':
    case 'module':
    case 'empty':
      return out;
  }
}
