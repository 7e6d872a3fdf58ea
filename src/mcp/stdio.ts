// Serves the MCP server on stdin/stdout until the client closes the stream. stdout carries only protocol messages,
// so an unreachable Make target is never logged: the scenario tools just stay empty until a later refresh.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './create-mcp-server.ts';
import { makeTargetFromEnv, type TargetEnv } from './make-target.ts';

/** Connects a new server to this process's stdio; resolves when stdin ends or the transport closes. */
export async function serveStdio(options: { readonly version: string; readonly env: TargetEnv }): Promise<void> {
  const { server, scenarioTools } = createMcpServer({ version: options.version, target: makeTargetFromEnv(options.env) });
  // The scenario tools are read once the client has initialized, so their list_changed notice reaches a ready client.
  server.server.oninitialized = () => void scenarioTools.refresh();
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    // The SDK's transport does not watch for end of input; a client that closes our stdin is done with us.
    process.stdin.once('end', () => {
      void server.close().then(resolve, resolve);
    });
  });
  await server.connect(transport);
  await closed;
}
