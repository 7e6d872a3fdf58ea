// Finds every module reference in an AST (`3.data.items[1].name`), for upstream checks and the UI.
import type { AstNode } from './ast.ts';

/** A mapped reference to a module's output. */
export interface ModuleReference {
  readonly moduleId: number;
  /** Static keys after the module id, up to the end of the chain. */
  readonly path: readonly string[];
  /** 1-based position of the module id in the field text. */
  readonly position: number;
}

/** The module and static keys a chain starts from, or undefined when it does not start at a module. */
function chainOf(node: AstNode): { moduleId: number; path: string[]; pos: number } | undefined {
  if (node.type === 'module') return { moduleId: node.id, path: [], pos: node.pos };
  if (node.type === 'member') {
    const base = chainOf(node.object);
    return base && { ...base, path: [...base.path, node.key] };
  }
  if (node.type === 'index') return chainOf(node.object);
  return undefined;
}

/** Appends to `out` every reference in `node`, outermost chains only, in source order. */
export function collectReferences(node: AstNode, out: ModuleReference[] = []): ModuleReference[] {
  switch (node.type) {
    case 'module':
    case 'member':
    case 'index': {
      const chain = chainOf(node);
      if (chain) out.push({ moduleId: chain.moduleId, path: chain.path, position: chain.pos + 1 });
      walkChain(node, out, chain === undefined);
      return out;
    }
    case 'call':
      for (const arg of node.args) collectReferences(arg, out);
      return out;
    case 'unary':
      return collectReferences(node.operand, out);
    case 'binary':
      collectReferences(node.left, out);
      return collectReferences(node.right, out);
    default:
      return out;
  }
}

/** Visits index expressions inside a chain, and its base when the base is not a module. */
function walkChain(node: AstNode, out: ModuleReference[], visitBase: boolean): void {
  if (node.type === 'member') return walkChain(node.object, out, visitBase);
  if (node.type === 'index') {
    walkChain(node.object, out, visitBase);
    if (node.index) collectReferences(node.index, out);
    return;
  }
  if (visitBase && node.type !== 'module') collectReferences(node, out);
}
