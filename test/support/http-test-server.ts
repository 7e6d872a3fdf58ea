// Real HTTP and HTTPS servers on 127.0.0.1 for the HTTP app's tests, the test TLS certificates, and an in-memory
// connection store to hand keychains to modules.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ConnectionPort, ConnectionRecord } from '../../src/executor/ports.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url), 'utf8');

/** The test CA, the server's certificate (SAN IP:127.0.0.1) and a client certificate, all PEM. */
export const TLS = {
  ca: fixture('ca.pem'),
  serverCert: fixture('server.pem'),
  serverKey: fixture('server-key.pem'),
  clientCert: fixture('client.pem'),
  clientKey: fixture('client-key.pem'),
} as const;

/** A listening server and its base URL (no trailing slash). */
export interface TestServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts a plain HTTP server. */
export function startHttpServer(handler: RequestListener): Promise<TestServer> {
  return listen(createHttpServer(handler), 'http');
}

/** Starts an HTTPS server with the test certificate; `requestCert` demands a client certificate signed by the test CA. */
export function startHttpsServer(handler: RequestListener, options: { requestCert?: boolean } = {}): Promise<TestServer> {
  const server = createHttpsServer(
    { cert: TLS.serverCert, key: TLS.serverKey, ca: TLS.ca, requestCert: options.requestCert ?? false, rejectUnauthorized: options.requestCert ?? false },
    handler,
  );
  return listen(server, 'https');
}

/** The whole request body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Sends `value` as JSON. */
export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

/** A connection store holding `records`; `saved` lists what modules saved (refreshed tokens). */
export function memoryConnections(records: readonly ConnectionRecord[]): ConnectionPort & { readonly saved: ConnectionRecord[] } {
  const byId = new Map(records.map((record) => [record.id, record]));
  const saved: ConnectionRecord[] = [];
  return {
    saved,
    get: async (id) => byId.get(id),
    list: async () => [...byId.values()],
    save: async (record) => {
      saved.push(record);
      byId.set(record.id, record);
    },
    remove: async (id) => byId.delete(id),
  };
}
