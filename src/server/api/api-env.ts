// The hono environment of the API routes: the Remake instance and the caller's token.
import type { Remake } from '../../core/remake.ts';
import type { ApiTokenRecord } from '../../core/server-types.ts';

export interface ApiEnv {
  Variables: {
    remake: Remake;
    token: ApiTokenRecord;
  };
}
