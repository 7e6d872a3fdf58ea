// The Make API tools of the official SDK (`@makehq/sdk/tools`, 181 of them: scenarios_list, hooks_create…),
// registered with their own names, texts, annotations and input schemas and bound to the configured target.
import { MakeError, type JSONValue } from '@makehq/sdk';
import { MakeTools, type MakeTool } from '@makehq/sdk/tools';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isRecord } from '../../shared/is-record.ts';
import { errorResult, toStructured } from '../define-tool.ts';
import type { MakeTarget } from '../make-target.ts';

/** The names of every Make API tool, as the SDK spells them. */
export const MAKE_TOOL_NAMES: readonly string[] = MakeTools.map((tool) => tool.name);

// Converted once per process, since `/mcp` builds a server per request. Every shipped schema converts to a ZodObject
// with the same properties and required lists; the cast is needed because the two JSONSchema types spell `items` differently.
const INPUT_SCHEMAS = new Map(MakeTools.map((tool) => [tool.name, z.fromJSONSchema(tool.inputSchema as z.core.JSONSchema.JSONSchema)]));

/** A tool error with a plain sentence and a code clients can branch on. */
export function makeToolError(code: string, text: string, details: Record<string, unknown> = {}): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }], structuredContent: { error: { code, message: text, ...details } } };
}

/** Maps what a Make API call threw to a tool error: the API's status and message, an unreachable target, or a bug. */
export function makeCallError(error: unknown, target: MakeTarget): CallToolResult {
  const status = error instanceof MakeError ? error.statusCode : isRecord(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
  if (status !== undefined && error instanceof Error) return makeToolError('MAKE_API_ERROR', `Make API error ${status}: ${error.message}`, { status });
  if (error instanceof MakeError) return makeToolError('MAKE_API_ERROR', `Make API error: ${error.message}`);
  // undici's fetch fails with "fetch failed" and the reason (ECONNREFUSED, ENOTFOUND…) as the cause.
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause ?? 'no answer');
    return makeToolError('MAKE_UNREACHABLE', `Cannot reach the Make API at ${target.label}: ${cause}.`);
  }
  return errorResult(error);
}

/** The tool error of a call made without a token. */
export function missingTokenError(name: string, target: MakeTarget): CallToolResult {
  return makeToolError('MAKE_TOKEN_MISSING', `${name} needs a Make API token: set MAKE_API_TOKEN (a \`remake serve\` token or a make.com API token) for ${target.label} and restart the MCP server.`);
}

/** JSON for structuredContent and the text: binary answers become base64. */
function jsonOf(result: JSONValue | ArrayBuffer | undefined): unknown {
  return result instanceof ArrayBuffer ? { base64: Buffer.from(result).toString('base64'), bytes: result.byteLength } : result;
}

/** The arguments as the SDK types them; the server has validated them against the tool's own JSON Schema. */
export function jsonArgs(args: unknown): Record<string, JSONValue> {
  const json: unknown = JSON.parse(JSON.stringify(args ?? {}));
  // An object parsed from JSON text holds only JSON values.
  return isRecord(json) ? (json as Record<string, JSONValue>) : {};
}

/** Registers one SDK tool; `afterSuccess` runs (and is awaited) after each successful call. */
function registerMakeTool(server: McpServer, tool: MakeTool, target: MakeTarget, afterSuccess: (tool: MakeTool) => Promise<void>): void {
  const inputSchema = INPUT_SCHEMAS.get(tool.name) ?? z.object({}).loose();
  server.registerTool(
    tool.name,
    { title: tool.title, description: tool.description, inputSchema, ...(tool.annotations ? { annotations: tool.annotations } : {}) },
    async (args: unknown): Promise<CallToolResult> => {
      if (!target.make) return missingTokenError(tool.name, target);
      let result: JSONValue | ArrayBuffer;
      try {
        result = await tool.execute(target.make, jsonArgs(args));
      } catch (error) {
        return makeCallError(error, target);
      }
      try {
        await afterSuccess(tool);
      } catch {
        // A failed refresh of the scenario tools must not turn a successful call into an error.
      }
      const json = jsonOf(result);
      return { content: [{ type: 'text', text: JSON.stringify(json ?? null, null, 2) }], structuredContent: toStructured(json) };
    },
  );
}

/** Registers every Make API tool of the SDK; `afterSuccess` lets the caller react to calls that may change scenarios. */
export function registerMakeApiTools(server: McpServer, target: MakeTarget, afterSuccess: (tool: MakeTool) => Promise<void>): void {
  for (const tool of MakeTools) registerMakeTool(server, tool, target, afterSuccess);
}
