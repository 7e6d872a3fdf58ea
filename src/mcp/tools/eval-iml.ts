// MCP tool `eval_iml`: evaluates one IML template as `remake eval` does (src/iml/eval-request.ts).
import { z } from 'zod';
import { evaluateRequest } from '../../iml/eval-request.ts';
import { RemakeError } from '../../shared/errors.ts';
import { defineTool } from '../define-tool.ts';

function parseContext(context: string | Record<string, unknown> | undefined): unknown {
  if (typeof context !== 'string') return context;
  try {
    return JSON.parse(context);
  } catch (error) {
    throw new RemakeError('CONTEXT_INVALID', `context is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseNow(now: string | undefined): Date | undefined {
  if (now === undefined) return undefined;
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new RemakeError('NOW_INVALID', `now '${now}' is not an ISO 8601 date.`);
  return date;
}

/** `eval_iml {template, context?, now?, timezone?}` → `{value}`; syntax errors come back as tool errors with the position. */
export const evalImlTool = defineTool({
  name: 'eval_iml',
  title: 'Evaluate an IML template',
  description:
    'Evaluates one Make mapping (IML) template such as "Hi {{upper(1.name)}}" or "{{formatDate(1.created; \\"YYYY-MM-DD\\")}}" against module outputs, and returns {value} (dates as ISO 8601 UTC text). ' +
    'A field that is exactly one {{…}} keeps its type; anything else is text. Function arguments are separated by ";" not ",". Syntax errors name the character position.',
  input: z.object({
    template: z.string().describe('The field template, with {{…}} expressions'),
    context: z
      .union([z.string(), z.record(z.string(), z.unknown())])
      .optional()
      .describe('Module outputs by module id plus optional settings: {"1": {bundle}, "now": "<iso>", "timezone": "<iana>", "var": {...}}; an object or JSON text'),
    now: z.string().optional().describe('Fix the clock (ISO 8601; overrides context.now)'),
    timezone: z.string().optional().describe('The scenario time zone (IANA; overrides context.timezone; default UTC)'),
  }),
  run({ template, context, now, timezone }) {
    const fixedNow = parseNow(now);
    const value = evaluateRequest({
      template,
      ...(context === undefined ? {} : { context: parseContext(context) }),
      ...(fixedNow ? { now: fixedNow } : {}),
      ...(timezone ? { timezone } : {}),
    });
    return { summary: JSON.stringify(value), data: { value } };
  },
});
