// A real `remake serve` on 127.0.0.1 (port 0) over a temporary data dir, and the official Make SDK pointed at it;
// `withMcp: true` also serves MCP at /mcp as `remake serve` does.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Make } from '@makehq/sdk';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/start-server.ts';

export interface TestRemakeServer {
  readonly server: RunningServer;
  readonly token: string;
  readonly make: Make;
  readonly dataDir: string;
  /** fetch against the server with the API token. */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(given: Partial<ServerOptions> & { readonly withMcp?: boolean } = {}): Promise<TestRemakeServer> {
  const { withMcp, ...options } = given;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'remake-serve-'));
  const token = randomUUID();
  const mcp = withMcp ? { mcp: (await import('../../src/mcp/http.ts')).createMcpHttpHandler({ version: '0.0.0-test' }) } : {};
  const server = await startServer({ port: 0, host: '127.0.0.1', apiToken: token, env: { REMAKE_SECRET_KEY: 'a'.repeat(64) }, ...mcp, ...options, dataDir });
  const make = new Make(token, `127.0.0.1:${server.port}`);
  make.protocol = 'http';
  return {
    server,
    token,
    make,
    dataDir,
    api: (path, init = {}) => fetch(`${server.url}/api/v2${path}`, { ...init, headers: { authorization: `Token ${token}`, 'content-type': 'application/json', ...init.headers } }),
    async close() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a custom webhook through the SDK and returns its id and URL. */
export async function createWebhook(make: Make, data: Record<string, unknown> = {}): Promise<{ id: number; url: string; udid: string }> {
  const hook = await make.hooks.create({ name: 'test hook', teamId: 1, typeName: 'gateway-webhook', data: { headers: false, method: false, stringify: false, ...data } });
  return { id: hook.id, url: String(hook.url), udid: hook.udid };
}
