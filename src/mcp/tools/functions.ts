// MCP tools `search_functions` and `describe_function`: the IML function registry (signature, docs, checked example).
import { z } from 'zod';
import { FUNCTIONS, lookupFunction, searchFunctions, type ImlFunction } from '../../iml/index.ts';
import { closeMatches } from '../../shared/close-matches.ts';
import { RemakeError } from '../../shared/errors.ts';
import { defineTool } from '../define-tool.ts';

/** A function's documentation as JSON: everything but its implementation. */
export function functionDocs(fn: ImlFunction) {
  return {
    name: fn.name,
    family: fn.family,
    signature: fn.signature,
    description: fn.description,
    example: fn.example,
    ...(fn.docUrl ? { docUrl: fn.docUrl } : {}),
  };
}

/** `search_functions {query}` → `{functions: [{name, family, signature, description}]}`. */
export const searchFunctionsTool = defineTool({
  name: 'search_functions',
  title: 'Search IML functions',
  description:
    "Finds Make's IML functions (text, math, date, array, general) whose name, family, signature or description mention every word of the query, e.g. \"date format\" or \"array\". Returns their signatures; use describe_function for examples.",
  input: z.object({ query: z.string().describe('Words to look for, e.g. "format date"; empty lists every function') }),
  run({ query }) {
    const functions = searchFunctions(query).map((fn) => ({ name: fn.name, family: fn.family, signature: fn.signature, description: fn.description }));
    const summary = functions.length === 0 ? `No IML function matches '${query}'.` : functions.map((fn) => `${fn.signature}: ${fn.description}`).join('\n');
    return { summary, data: { functions } };
  },
});

/** `describe_function {name}` → signature, description, example with its result, Make doc URL. */
export const describeFunctionTool = defineTool({
  name: 'describe_function',
  title: 'Describe an IML function',
  description: "Signature, description, an example with its checked result and the Make help page of one IML function, e.g. formatDate or map.",
  input: z.object({ name: z.string().describe('The function name, e.g. formatDate') }),
  run({ name }) {
    const bare = name.trim().replace(/\(\)$/, '');
    const fn = lookupFunction(bare);
    if (!fn) {
      const matches = closeMatches(bare, FUNCTIONS.map((candidate) => candidate.name));
      throw new RemakeError('IML_UNKNOWN_FUNCTION', `'${bare}' is not an IML function.${matches.length > 0 ? ` Close matches: ${matches.join(', ')}.` : ' Use search_functions to find one.'}`);
    }
    const docs = functionDocs(fn);
    return { summary: `${fn.signature}: ${fn.description}\nExample: ${fn.example.expr} → ${JSON.stringify(fn.example.result)}`, data: docs };
  },
});
