// Text functions (help.make.com/text-and-binary-functions), except hashing and binary (see binary.ts).
import mime from 'mime/lite';
import { isBinary, toBase64 } from '../binary.ts';
import { isEmpty, toText, toTextOrEmpty } from '../coerce.ts';
import type { ImlValue } from '../types.ts';
import { invalid, optionalNumber, text } from './args.ts';
import { defineFunction, HELP, type ImlFunction } from './define.ts';

/** A one-argument text → text function; an empty argument stays empty. */
function textMap(name: string, description: string, example: { expr: string; result: string }, apply: (input: string) => string): ImlFunction {
  return defineFunction({
    name,
    family: 'text',
    signature: `${name}(text)`,
    description,
    example,
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: 1,
    run: ([value]) => {
      const input = toTextOrEmpty(value);
      return input === undefined ? value === '' ? '' : undefined : apply(input);
    },
  });
}

/** `/pattern/flags` written as text is a regular expression in replace() (help.make.com). */
const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

function replace(input: string, search: ImlValue, replacement: string): string {
  if (isEmpty(search)) return input;
  if (/\$<[^>]*>/.test(replacement)) throw invalid('replace() does not support named groups ($<name>) in the replacement.');
  const pattern = toText(search);
  const literal = REGEX_LITERAL.exec(pattern);
  if (literal) {
    let regex: RegExp;
    try {
      regex = new RegExp(literal[1] as string, literal[2]);
    } catch (error) {
      throw invalid(`replace() got an invalid regular expression ${pattern}: ${(error as Error).message}`);
    }
    return input.replace(regex, replacement);
  }
  // Plain text replaces every occurrence (IML.md §G.5, docs/semantics.md).
  return input.replaceAll(pattern, replacement);
}

/** Emoji: pictographs with their modifiers, joiners and variation selectors, and flag pairs. */
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\uFE0F|\u20E3)*(?:\u200D(?:\p{Extended_Pictographic})(?:\p{Emoji_Modifier}|\uFE0F)*)*/gu;

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>~]/g;

export const textFunctions: readonly ImlFunction[] = [
  defineFunction({
    name: 'ascii',
    family: 'text',
    signature: 'ascii(text; [remove diacritics])',
    description: 'Removes every non-ASCII character; with true, accented letters become their plain letter first.',
    example: { expr: '{{ascii("ěščřž"; true)}}', result: 'escrz' },
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: 2,
    run: (args) => {
      let input = text(args, 0);
      if (args[1] === true || toText(args[1]) === 'true') input = input.normalize('NFD');
      return input.replace(/[^\x00-\x7F]/g, '');
    },
  }),
  defineFunction({
    name: 'base64',
    family: 'text',
    signature: 'base64(text)',
    description: 'The text (UTF-8) or binary data encoded as base64.',
    example: { expr: '{{base64("Make")}}', result: 'TWFrZQ==' },
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: 1,
    run: ([value]) => (isBinary(value) ? toBase64(value) : toBase64(new TextEncoder().encode(toText(value)))),
  }),
  textMap('capitalize', 'Upper-cases the first character.', { expr: '{{capitalize("make")}}', result: 'Make' }, (input) => input.charAt(0).toUpperCase() + input.slice(1)),
  textMap('decodeURL', 'Decodes percent-encoded characters.', { expr: '{{decodeURL("Automate%20your%20workflow")}}', result: 'Automate your workflow' }, (input) => {
    try {
      return decodeURIComponent(input);
    } catch {
      throw invalid(`decodeURL() got malformed percent-encoding in '${input}'.`);
    }
  }),
  textMap('encodeURL', 'Percent-encodes every character that is special in a URL component.', { expr: '{{encodeURL("a b&c")}}', result: 'a%20b%26c' }, (input) => {
    try {
      return encodeURIComponent(input);
    } catch {
      // URIError: half of a surrogate pair (e.g. left by substring() inside an emoji) has no UTF-8 form.
      throw invalid(`encodeURL() cannot encode '${input}': it contains half of a surrogate pair.`);
    }
  }),
  textMap('escapeHTML', 'Escapes &, < and > as HTML entities.', { expr: '{{escapeHTML("<b>Hello</b>")}}', result: '&lt;b&gt;Hello&lt;/b&gt;' }, (input) =>
    input.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  ),
  textMap('escapeMarkdown', 'Escapes Markdown special characters as numeric HTML entities.', { expr: '{{escapeMarkdown("# Header")}}', result: '&#35; Header' }, (input) =>
    input.replace(MARKDOWN_SPECIALS, (ch) => `&#${ch.charCodeAt(0)};`),
  ),
  textMap('escapeJSON', 'Escapes text for use inside a JSON string (no surrounding quotes).', { expr: '{{escapeJSON("say ""hi""")}}', result: 'say \\"hi\\"' }, (input) => JSON.stringify(input).slice(1, -1)),
  defineFunction({
    name: 'indexOf',
    family: 'text',
    signature: 'indexOf(string; value; [start])',
    description: 'Position (from 0) of the first occurrence of value at or after start; -1 when absent.',
    example: { expr: '{{indexOf("We love Make"; "e"; 7)}}', result: 11 },
    docUrl: HELP.text,
    minArgs: 2,
    maxArgs: 3,
    run: (args) => text(args, 0).indexOf(text(args, 1), optionalNumber(args, 2, 0)),
  }),
  textMap('lower', 'Lower-cases the text.', { expr: '{{lower("Hello")}}', result: 'hello' }, (input) => input.toLowerCase()),
  textMap('upper', 'Upper-cases the text.', { expr: '{{upper("Hello")}}', result: 'HELLO' }, (input) => input.toUpperCase()),
  textMap('trim', 'Removes whitespace at both ends.', { expr: '{{trim("  Make  ")}}', result: 'Make' }, (input) => input.trim()),
  textMap('startcase', 'Upper-cases the first letter of every word and lower-cases the rest.', { expr: '{{startcase("hello WORLD")}}', result: 'Hello World' }, (input) =>
    input.toLowerCase().replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
  ),
  textMap('stripHTML', 'Removes HTML tags.', { expr: '{{stripHTML("<b>Hello</b>")}}', result: 'Hello' }, (input) => input.replace(/<!--[\s\S]*?-->|<\/?[a-zA-Z][^>]*>/g, '')),
  defineFunction({
    name: 'replace',
    family: 'text',
    signature: 'replace(text; search string; replacement string)',
    description: 'Replaces every occurrence of the text, or of a /regular expression/flags; $& and $1… insert matches.',
    example: { expr: '{{replace("Phone number is 777111222"; "/\\d+/g"; "+420$&")}}', result: 'Phone number is +420777111222' },
    docUrl: HELP.text,
    minArgs: 3,
    maxArgs: 3,
    run: (args) => (isEmpty(args[0]) ? args[0] : replace(text(args, 0), args[1], text(args, 2))),
  }),
  defineFunction({
    name: 'replaceEmojiCharacters',
    family: 'text',
    signature: 'replaceEmojiCharacters(text; [replacement])',
    description: 'Replaces every emoji with the replacement (nothing by default).',
    example: { expr: '{{replaceEmojiCharacters("Hi 👋🏽 there"; "")}}', result: 'Hi  there' },
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: 2,
    run: (args) => text(args, 0).replace(EMOJI, text(args, 1)),
  }),
  defineFunction({
    name: 'split',
    family: 'text',
    signature: 'split(text; separator)',
    description: 'Splits the text into an array at every separator; items are not trimmed.',
    example: { expr: '{{split("John,George,Paul"; ",")}}', result: ['John', 'George', 'Paul'] },
    docUrl: HELP.text,
    minArgs: 2,
    maxArgs: 2,
    run: (args) => {
      if (isEmpty(args[0])) return [];
      return isEmpty(args[1]) ? [text(args, 0)] : text(args, 0).split(text(args, 1));
    },
  }),
  defineFunction({
    name: 'substring',
    family: 'text',
    signature: 'substring(text; start; end)',
    description: 'The part of the text from start (from 0) up to, not including, end.',
    example: { expr: '{{substring("Hello"; 1; 3)}}', result: 'el' },
    docUrl: HELP.text,
    minArgs: 2,
    maxArgs: 3,
    run: (args) => {
      const input = text(args, 0);
      return input.substring(optionalNumber(args, 1, 0), optionalNumber(args, 2, input.length));
    },
  }),
  defineFunction({
    name: 'toString',
    family: 'text',
    signature: 'toString(value)',
    description: 'Any value as text: dates as ISO 8601, collections as JSON, buffers decoded as UTF-8.',
    example: { expr: '{{toString(42)}}', result: '42' },
    docUrl: HELP.text,
    minArgs: 1,
    maxArgs: 1,
    run: ([value]) => toText(value),
  }),
  defineFunction({
    name: 'mime',
    family: 'text',
    signature: 'mime(filename)',
    description: 'The MIME type that the file name extension stands for.',
    example: { expr: '{{mime("picture.png")}}', result: 'image/png' },
    docUrl: 'https://developers.make.com/custom-apps-documentation/block-elements/iml',
    minArgs: 1,
    maxArgs: 1,
    run: ([value]) => (isEmpty(value) ? undefined : mime.getType(toText(value)) ?? undefined),
  }),
];
