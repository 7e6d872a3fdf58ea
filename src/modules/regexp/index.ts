// The Text parser app (`regexp`): match and replace regular expressions, and turn HTML into plain text.
import type { ModuleDefinition } from '../../executor/module-api.ts';
import { htmlToText } from './html-to-text.ts';
import { parser } from './parser.ts';
import { replace } from './replace.ts';

export const regexpModules = [parser, replace, htmlToText] as const satisfies readonly ModuleDefinition[];
