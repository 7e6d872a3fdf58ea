// LINT_DISABLED_ROUTE: a router route switched off in the editor (`"disabled": true`). Its modules never run, which is
// easy to miss when the blueprint is shared or imported (BLUEPRINT.md §4.1).
import { childPath, modulesOf } from '../../model/index.ts';
import { defineLintRule, type LintFinding } from './lint-context.ts';

export const disabledRoute = defineLintRule({
  code: 'LINT_DISABLED_ROUTE',
  title: 'Router route switched off',
  fix: 'Turn the route back on if it should run, or delete it.',
  run(ctx) {
    const out: LintFinding[] = [];
    for (const node of ctx.executed) {
      node.routes?.forEach((route, index) => {
        if (!route.disabled) return;
        const count = modulesOf(route.flow).length;
        out.push({
          message: `Route ${index + 1} of router ${node.id ?? node.path} is disabled: its ${count} module${count === 1 ? '' : 's'} never run${count === 1 ? 's' : ''}.`,
          moduleId: node.id,
          path: childPath(childPath(node.path, 'routes'), index),
        });
      });
    }
    return out;
  },
});
