// General functions (help.make.com/general-functions): get, if, ifempty, switch, omit, pick.
import { isCollection, isEmpty, toBoolean, toText } from '../coerce.ts';
import { readPath } from '../path.ts';
import type { ImlCollection, ImlValue } from '../types.ts';
import { defineFunction, HELP, type ImlFunction } from './define.ts';

function keysOf(args: readonly ImlValue[]): Set<string> {
  return new Set(args.slice(1).flatMap((arg): ImlValue[] => (Array.isArray(arg) ? arg : [arg])).map((key) => toText(key)));
}

function filterKeys(value: ImlValue, keep: (key: string) => boolean): ImlValue {
  if (!isCollection(value)) return undefined;
  // fromEntries keeps a `__proto__` key of parsed JSON as a key; assigning it would replace the prototype.
  return Object.fromEntries(Object.entries(value).filter(([key]) => keep(key))) as ImlCollection;
}

export const generalFunctions: readonly ImlFunction[] = [
  defineFunction({
    name: 'get',
    family: 'general',
    signature: 'get(object or array; path)',
    description: 'The value at a path; dots go deeper, numbers index arrays from 1.',
    example: { expr: '{{get(1.user; "address.city")}}', context: { '1': { user: { address: { city: 'Prague' } } } }, result: 'Prague' },
    docUrl: HELP.general,
    minArgs: 2,
    maxArgs: 2,
    run: ([value, path]) => readPath(value, path),
  }),
  defineFunction({
    name: 'if',
    family: 'general',
    signature: 'if(expression; value1; value2)',
    description: 'value1 when the expression is true, otherwise value2.',
    example: { expr: '{{if(1 = 1; "A"; "B")}}', result: 'A' },
    docUrl: HELP.general,
    minArgs: 2,
    maxArgs: 3,
    lazy: true,
    run: ([condition, whenTrue, whenFalse]) => (toBoolean(condition?.()) ? whenTrue?.() : whenFalse?.()),
  }),
  defineFunction({
    name: 'ifempty',
    family: 'general',
    signature: 'ifempty(value1; value2)',
    description: 'value1 unless it is empty (missing, null or empty text), otherwise value2.',
    example: { expr: '{{ifempty(""; "B")}}', result: 'B' },
    docUrl: HELP.general,
    minArgs: 2,
    maxArgs: 2,
    lazy: true,
    run: ([first, second]) => {
      const value = first?.();
      return isEmpty(value) ? second?.() : value;
    },
  }),
  defineFunction({
    name: 'switch',
    family: 'general',
    signature: 'switch(expression; value1; result1; [value2; result2; ...]; [else])',
    description: 'The result paired with the first value equal to the expression (compared as text); an odd last argument is the default.',
    example: { expr: '{{switch("B"; "A"; 1; "B"; 2; "C"; 3)}}', result: 2 },
    docUrl: HELP.general,
    minArgs: 1,
    maxArgs: Infinity,
    lazy: true,
    run: ([subject, ...cases]) => {
      const wanted = toText(subject?.());
      let i = 0;
      for (; i + 1 < cases.length; i += 2) {
        if (toText(cases[i]?.()) === wanted) return cases[i + 1]?.();
      }
      return i < cases.length ? cases[i]?.() : undefined;
    },
  }),
  defineFunction({
    name: 'omit',
    family: 'general',
    signature: 'omit(collection; key1; [key2; ...])',
    description: 'A copy of the collection without the given keys.',
    example: { expr: '{{omit(1.user; "password")}}', context: { '1': { user: { name: 'Eva', password: 's3cret' } } }, result: { name: 'Eva' } },
    docUrl: HELP.general,
    minArgs: 2,
    maxArgs: Infinity,
    run: (args) => {
      const keys = keysOf(args);
      return filterKeys(args[0], (key) => !keys.has(key));
    },
  }),
  defineFunction({
    name: 'pick',
    family: 'general',
    signature: 'pick(collection; key1; [key2; ...])',
    description: 'A copy of the collection with only the given keys.',
    example: { expr: '{{pick(1.user; "name")}}', context: { '1': { user: { name: 'Eva', password: 's3cret' } } }, result: { name: 'Eva' } },
    docUrl: HELP.general,
    minArgs: 2,
    maxArgs: Infinity,
    run: (args) => {
      const keys = keysOf(args);
      return filterKeys(args[0], (key) => keys.has(key));
    },
  }),
];
