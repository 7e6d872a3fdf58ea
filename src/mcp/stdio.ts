// Serves the MCP server on stdin/stdout until the client closes the stream. stdout carries only protocol messages.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './create-mcp-server.ts';

/** Connects a new server to this process's stdio; resolves when stdin ends or the transport closes. */
export async function serveStdio(options: { readonly version: string }): Promise<void> {
  const server = createMcpServer(options);
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
