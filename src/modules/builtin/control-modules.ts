// Flow-control modules the executor runs itself (router, if/else, merge, the five error directives).
// Declared here so the registry, describe_module and the preflight know them by name and version.
import { z } from 'zod';
import { defineModule } from '../../executor/module-api.ts';

const none = z.unknown();

export const router = defineModule({
  app: 'builtin', name: 'BasicRouter', version: 1, kind: 'router',
  title: 'Router',
  description: 'Sends each bundle down every route whose filter passes, in route order, one route finished before the next.',
  parameters: none, mapper: none,
  example: { id: 2, module: 'builtin:BasicRouter', version: 1, mapper: null, routes: [{ flow: [] }, { flow: [] }] },
});

export const ifElse = defineModule({
  app: 'builtin', name: 'BasicIfElse', version: 1, kind: 'ifelse',
  title: 'If-else',
  description: 'Runs the first branch whose condition passes, or the else branch; a following Merge joins the branches.',
  parameters: none, mapper: none,
  example: { id: 3, module: 'builtin:BasicIfElse', version: 1, mapper: null, branches: [{ type: 'condition', label: 'Big', conditions: [[{ a: '{{1.total}}', o: 'number:greater', b: '100' }]], flow: [] }, { type: 'else', flow: [] }] },
});

export const merge = defineModule({
  app: 'builtin', name: 'BasicMerge', version: 1, kind: 'merge',
  title: 'Merge',
  description: 'Joins the branches of an If-else: the flow continues once with the bundle of the branch that ran.',
  parameters: none, mapper: none,
});

const directive = (name: string, description: string, example?: Record<string, unknown>) =>
  defineModule({ app: 'builtin', name, version: 1, kind: 'directive', title: name, description, parameters: none, mapper: none, ...(example ? { example } : {}) });

export const ignore = directive('Ignore', 'Error handler: drops the failing bundle; the run goes on with the next one and ends as success.');
export const resume = directive('Resume', "Error handler: its mapper replaces the failing module's output and the flow continues.", { id: 9, module: 'builtin:Resume', version: 1, mapper: { data: {} } });
export const breakDirective = directive('Break', 'Error handler: stores the failing bundle as an incomplete execution, optionally retried automatically.', { id: 9, module: 'builtin:Break', version: 1, mapper: { retry: true, count: '3', interval: '15' } });
export const commit = directive('Commit', 'Error handler: stops the run and commits what was done; status success.');
export const rollback = directive('Rollback', 'Error handler: stops the run and rolls back transactional writes; status error.');
