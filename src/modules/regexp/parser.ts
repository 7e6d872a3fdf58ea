// Text parser > Match pattern (`regexp:Parser` v1): one bundle per regular-expression match, with its capture groups.
import { z } from 'zod';
import { text } from '../../executor/fields.ts';
import { MakeError } from '../../executor/make-error.ts';
import { defineModule, type Bundle } from '../../executor/module-api.ts';
import { compilePattern, flag, optionalText } from './regexp-options.ts';

const ParserParameters = z
  .object({
    pattern: text(),
    global: flag(false),
    sensitive: flag(true),
    multiline: flag(false),
    singleline: flag(false),
    continueWhenNoRes: flag(false),
    ignoreInfiniteLoopsWhenGlobal: flag(false),
  })
  .loose();

/** The bundle of one match: `$1`…`$n`, named groups by name, `i` and `__IMTMATCH__`. */
function matchBundle(match: RegExpExecArray, index: number): Bundle {
  const bundle: Bundle = {};
  // The output interface Make exports lists `$1`…`$n`, `i` (uinteger) and `__IMTMATCH__` ("Fallback Match"),
  // and named groups by their names (`JobTitle`, referenced as `{{248.JobTitle}}`) [corpus: regexp:Parser
  // metadata.interface]. GUESS: a group that took no part in the match is left out; `i` counts matches from 1;
  // `__IMTMATCH__` is the whole matched text.
  match.slice(1).forEach((group, position) => {
    if (group !== undefined) bundle[`$${position + 1}`] = group;
  });
  for (const [name, group] of Object.entries(match.groups ?? {})) if (group !== undefined) bundle[name] = group;
  bundle.i = index + 1;
  bundle.__IMTMATCH__ = match[0];
  return bundle;
}

/**
 * Every match of a global pattern, or the first match. A global pattern that matches an empty string would
 * search the same place forever; Make fails then unless "Ignore errors when there is an infinite search loop" is
 * on [corpus: `ignoreInfiniteLoopsWhenGlobal`]. GUESS: the error is a RuntimeError, and when ignored the search
 * moves on one character and keeps the empty match.
 */
function findMatches(regex: RegExp, source: string, ignoreInfiniteLoops: boolean): RegExpExecArray[] {
  if (!regex.global) {
    const match = regex.exec(source);
    return match === null ? [] : [match];
  }
  const matches: RegExpExecArray[] = [];
  for (let match = regex.exec(source); match !== null; match = regex.exec(source)) {
    matches.push(match);
    if (match[0] === '') {
      if (!ignoreInfiniteLoops) {
        throw new MakeError(
          'RuntimeError',
          `The pattern ${JSON.stringify(regex.source)} matches an empty string at position ${match.index}, so a global search would never end. ` +
            'Turn on "Ignore errors when there is an infinite search loop" or change the pattern.',
        );
      }
      regex.lastIndex += 1;
    }
  }
  return matches;
}

/** Finds the pattern in `text`; zero matches stop the route unless "Continue … even if the module finds no matches" is on. */
export const parser = defineModule({
  app: 'regexp',
  name: 'Parser',
  version: 1,
  title: 'Text parser: Match pattern',
  description: 'Finds a regular expression in a text and outputs one bundle per match with its capture groups.',
  kind: 'action',
  parameters: ParserParameters,
  mapper: z.object({ text: optionalText() }).loose(),
  output: [
    { name: '$1', type: 'text', label: '$1 (and $2 … for each capture group)' },
    { name: '(named groups)', type: 'text', label: 'Each named capture group by its name' },
    { name: 'i', type: 'uinteger', label: 'i' },
    { name: '__IMTMATCH__', type: 'any', label: 'Fallback Match' },
  ],
  example: {
    id: 3,
    module: 'regexp:Parser',
    version: 1,
    parameters: {
      pattern: 'https:\\/\\/www\\.linkedin\\.com\\/jobs\\/view\\/(\\d+)',
      global: false,
      sensitive: true,
      multiline: false,
      singleline: false,
      continueWhenNoRes: false,
    },
    mapper: { text: '{{1.body}}' },
  },
  run(_ctx, { parameters, mapper }) {
    const regex = compilePattern(parameters.pattern, parameters);
    const bundles = findMatches(regex, mapper.text, parameters.ignoreInfiniteLoopsWhenGlobal).map(matchBundle);
    // The same option on Get elements from HTML: "If enabled, the scenario will not be stopped by this module"
    // [make.com/en/help/app/regexp]. GUESS: the route goes on with one empty bundle.
    if (bundles.length === 0 && parameters.continueWhenNoRes) return [{}];
    return bundles;
  },
});
