// A local MCP tool as plain data plus a function (STYLE.md rule 3): name, description, zod input, and `run`,
// which returns JSON for `structuredContent` and a one-line summary for `content`. Failures become tool errors.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { RemakeError } from '../shared/errors.ts';
import { isRecord } from '../shared/is-record.ts';

/** What a tool's `run` returns: the JSON result and a short text for people reading the transcript. */
export interface ToolOutcome {
  readonly summary: string;
  /** Any JSON value; wrapped as `{value}` when it is not an object. */
  readonly data: unknown;
  /** A result that is an answer but reports a failure the caller must act on (a run refused, say). */
  readonly isError?: boolean;
}

/** One tool, ready to register. */
export interface LocalTool {
  readonly name: string;
  register(server: McpServer): void;
}

/** The declaration of a tool: snake_case name (CONTRACTS.md §3), description, zod input object and `run`. */
export interface ToolSpec<S extends z.ZodObject> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: S;
  /** Tools that only read their arguments (every one but run_blueprint) are marked read-only for clients. */
  readonly readOnly?: boolean;
  run(args: z.output<S>): ToolOutcome | Promise<ToolOutcome>;
}

/** JSON as it will travel: dates as ISO text, undefined dropped; a non-object becomes `{value}`. */
export function toStructured(data: unknown): Record<string, unknown> {
  const json: unknown = data === undefined ? null : JSON.parse(JSON.stringify(data));
  return isRecord(json) ? json : { value: json };
}

/** A tool error result carrying the diagnostic text (and its code, for clients that branch on it). */
export function errorResult(error: unknown): CallToolResult {
  if (error instanceof RemakeError) {
    const where = [error.where.moduleId === undefined ? undefined : `module ${error.where.moduleId}`, error.where.field, error.where.position === undefined ? undefined : `position ${error.where.position}`].filter(Boolean);
    const text = `${error.code}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${error.message}`;
    return { isError: true, content: [{ type: 'text', text }], structuredContent: { error: { code: error.code, message: error.message, ...error.where } } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { isError: true, content: [{ type: 'text', text: `Internal error: ${message}` }], structuredContent: { error: { code: 'INTERNAL', message } } };
}

/** Turns a spec into a registrable tool; `run` failures become `isError` results, never a crashed server. */
export function defineTool<S extends z.ZodObject>(spec: ToolSpec<S>): LocalTool {
  return {
    name: spec.name,
    register(server) {
      // Widened to the base type so the SDK's callback type is concrete; `run` gets zod's output type below.
      const inputSchema: z.ZodObject = spec.input;
      server.registerTool(
        spec.name,
        { title: spec.title, description: spec.description, inputSchema, annotations: { readOnlyHint: spec.readOnly ?? true, openWorldHint: false } },
        async (args: unknown): Promise<CallToolResult> => {
          try {
            // The SDK has already validated `args` against `spec.input`; parse again to get zod's output types.
            const outcome = await spec.run(spec.input.parse(args));
            return { ...(outcome.isError ? { isError: true } : {}), content: [{ type: 'text', text: outcome.summary }], structuredContent: toStructured(outcome.data) };
          } catch (error) {
            return errorResult(error);
          }
        },
      );
    },
  };
}
