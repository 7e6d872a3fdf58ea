// The MCP server over Streamable HTTP for `remake serve` at /mcp: stateless, a new server and transport per request,
// its Make API tools bound to that same server with the caller's token. The server shell mounts it (it may not import it).
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isRecord } from '../shared/is-record.ts';
import { createMcpServer } from './create-mcp-server.ts';
import { remakeServerTarget } from './make-target.ts';

/** What the server passes along: the token it authenticated and its own URL. */
export interface McpRequestContext {
  readonly token: string;
  readonly url: string;
}

/** The handler `startServer({ mcp })` mounts at /mcp, for every method. */
export type McpHttpHandler = (request: Request, context: McpRequestContext) => Promise<Response>;

// Only requests that list or call tools need the run_scenario_<id> tools read first.
const NEEDS_SCENARIOS = new Set(['tools/list', 'tools/call']);

async function readBody(request: Request): Promise<{ readonly parsed: unknown } | null> {
  try {
    return { parsed: await request.clone().json() };
  } catch {
    return null; // not JSON: the transport answers with the JSON-RPC parse error
  }
}

function needsScenarios(body: unknown): boolean {
  const messages = Array.isArray(body) ? body : [body];
  return messages.some((message) => isRecord(message) && typeof message.method === 'string' && NEEDS_SCENARIOS.has(message.method));
}

/** A stateless server has no stream to open and no session to end (what the SDK's stateless examples answer). */
function methodNotAllowed(): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this MCP endpoint is stateless; POST JSON-RPC messages.' }, id: null }), {
    status: 405,
    headers: { 'content-type': 'application/json', allow: 'POST' },
  });
}

/** The /mcp handler: one MCP server per POST, answered as JSON. */
export function createMcpHttpHandler(options: { readonly version: string }): McpHttpHandler {
  return async (request, context) => {
    if (request.method !== 'POST') return methodNotAllowed();
    const { server, scenarioTools } = createMcpServer({ version: options.version, target: remakeServerTarget(context.url, context.token) });
    const body = await readBody(request);
    if (body && needsScenarios(body.parsed)) await scenarioTools.refresh();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request, body ? { parsedBody: body.parsed } : {});
    } finally {
      // With JSON responses the answer is complete here, so the per-request server can go.
      await server.close();
    }
  };
}
