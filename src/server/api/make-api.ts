// The Make API v2 under /api/v2 (CONTRACTS.md §2): token auth, then one router per resource, and Make's error
// body for every failure, including unknown paths.
import { Hono } from 'hono';
import type { ApiEnv } from './api-env.ts';
import { ApiError } from './api-error.ts';
import { authenticate } from './auth.ts';
import { toApiError } from './to-api-error.ts';
import { accountRoutes } from './routes/account.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { folderRoutes } from './routes/folders.ts';
import { executionRoutes } from './routes/executions.ts';
import { hookRoutes } from './routes/hooks.ts';
import { dataStoreRoutes } from './routes/data-stores.ts';
import { dataStructureRoutes } from './routes/data-structures.ts';
import { connectionRoutes } from './routes/connections.ts';
import { keyRoutes } from './routes/keys.ts';
import { dlqRoutes } from './routes/dlqs.ts';

/** The API app; mount it at /api/v2. */
export function makeApi(): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.use('*', authenticate());
  api.route('/', accountRoutes());
  api.route('/', scenarioRoutes());
  api.route('/', folderRoutes());
  api.route('/', executionRoutes());
  api.route('/', hookRoutes());
  api.route('/', dataStoreRoutes());
  api.route('/', dataStructureRoutes());
  api.route('/', connectionRoutes());
  api.route('/', keyRoutes()); // keys share the connections' store and id space
  api.route('/', dlqRoutes());
  api.notFound(() => {
    throw new ApiError(404, 'Not Found', 'This endpoint does not exist in the Make API v2 as Remake serves it.', 'SC404');
  });
  api.onError((error, c) => {
    const failure = toApiError(error);
    if (failure.status >= 500) c.get('remake')?.log({ event: 'api.error', path: c.req.path, message: error.message });
    return c.json(failure.body(), failure.status);
  });
  return api;
}
