// Finds the environment-specific ids one module holds: first from its field specs (`metadata.parameters` for
// `parameters`, `metadata.expect` for `mapper`), which covers any app, then from Make's known fields for modules
// exported without specs. Sources: BLUEPRINT.md §8 (spec types), §10 (ids in parameters) and the corpus.
import { childPath, type ModuleNode } from '../../model/index.ts';
import { ownValue } from '../../shared/own-value.ts';
import type { EnvironmentIdKind } from './id-kinds.ts';
import { isRecord } from '../../shared/is-record.ts';

/** The module key that holds the value: static `parameters` or mappable `mapper`. */
export type IdSection = 'parameters' | 'mapper';

/** One id found in a module, with where to write a new one. */
export interface FoundId {
  readonly kind: EnvironmentIdKind;
  readonly id: number | string;
  readonly section: IdSection;
  readonly field: string;
  /** JSON path of the value, e.g. `flow[2].parameters.__IMTCONN__`. */
  readonly path: string;
  /** The option's label the editor saved in `metadata.restore` (connection, data store, agent name…). */
  readonly label: string | undefined;
}

type Json = Record<string, unknown>;


/** Field spec type (the part before `:`) → the kind of id the field holds. `udttype`/`udtspec` are inline specs, not ids. */
const SPEC_TYPE_KINDS: Readonly<Record<string, EnvironmentIdKind>> = {
  account: 'connection',
  keychain: 'key',
  hook: 'hook',
  datastore: 'dataStore',
  udt: 'dataStructure',
  scenario: 'scenario',
  aiagent: 'agent',
  device: 'device',
};

/** A field Make's modules are known to keep an id in; `modules` is `*`, `app:*` or an exact `app:Module`. */
interface KnownField {
  readonly modules: string;
  readonly section: IdSection;
  readonly field: string;
  readonly kind: EnvironmentIdKind;
}

const known = (modules: string, section: IdSection, fields: readonly string[], kind: EnvironmentIdKind): KnownField[] =>
  fields.map((field) => ({ modules, section, field, kind }));

/** Fields used when a module carries no spec for them (older or hand-trimmed exports). */
const KNOWN_FIELDS: readonly KnownField[] = [
  ...known('*', 'parameters', ['__IMTCONN__', 'makeConnectionId'], 'connection'),
  ...known('*', 'mapper', ['makeConnectionId'], 'connection'),
  ...known('*', 'parameters', ['__IMTHOOK__'], 'hook'),
  ...known('email:*', 'parameters', ['account', 'accountImap'], 'connection'),
  ...known('google-email:*', 'parameters', ['account'], 'connection'),
  ...known('http:ActionSendDataOAuth', 'parameters', ['account'], 'connection'),
  ...known('http:ActionSendDataAPIKeyAuth', 'parameters', ['auth', 'key'], 'key'),
  ...known('http:ActionSendDataBasicAuth', 'parameters', ['auth', 'key'], 'key'),
  ...known('http:*', 'parameters', ['apiKeyKeychain', 'proxyKeychain'], 'key'),
  ...known('gateway:CustomWebHook', 'parameters', ['hook'], 'hook'),
  ...known('gateway:CustomMailHook', 'parameters', ['hook'], 'hook'),
  ...known('datastore:*', 'parameters', ['datastore'], 'dataStore'),
  ...known('json:ParseJSON', 'parameters', ['type', 'udt'], 'dataStructure'),
  ...known('json:CreateJSON', 'parameters', ['type', 'udt'], 'dataStructure'),
  ...known('xml:ParseXML', 'parameters', ['type'], 'dataStructure'),
  ...known('xml:TransformToXML', 'parameters', ['type'], 'dataStructure'),
  ...known('scenario-service:CallSubscenario', 'parameters', ['scenario'], 'scenario'),
  ...known('make:runScenarioWithInputs', 'mapper', ['scenario'], 'scenario'),
  ...known('ai-agent:RunAnAIAgent', 'mapper', ['agent'], 'agent'),
  ...known('ios:*', 'parameters', ['device'], 'device'),
];

function matchesModule(pattern: string, node: ModuleNode): boolean {
  return pattern === '*' || pattern === node.type || (pattern.endsWith(':*') && pattern.slice(0, -2) === node.app);
}

function knownKind(node: ModuleNode, section: IdSection, field: string): EnvironmentIdKind | undefined {
  return KNOWN_FIELDS.find((k) => k.section === section && k.field === field && matchesModule(k.modules, node))?.kind;
}

/** Field name → kind for the spec list of one section; fields whose spec type is no id are left out. */
function specKinds(metadata: unknown, section: IdSection): Map<string, EnvironmentIdKind> {
  const kinds = new Map<string, EnvironmentIdKind>();
  const specs = isRecord(metadata) ? metadata[section === 'parameters' ? 'parameters' : 'expect'] : undefined;
  if (!Array.isArray(specs)) return kinds;
  for (const spec of specs) {
    if (!isRecord(spec) || typeof spec.name !== 'string' || typeof spec.type !== 'string') continue;
    const kind = ownValue(SPEC_TYPE_KINDS, spec.type.split(':')[0] ?? '');
    if (kind !== undefined && !kinds.has(spec.name)) kinds.set(spec.name, kind);
  }
  return kinds;
}

/** `{{GOOGLE_CONNECTION_ID}}`: a sanitized export's "put your id here" marker (upper case; IML keywords are lower case). */
const PLACEHOLDER = /^\{\{\s*[A-Z][A-Z0-9_]*\s*\}\}$/;

/**
 * An id is a number or literal text (placeholders such as `<CONNECTION_ID>` included, so they can be filled in).
 * Empty values mean "nothing chosen" (`""` on Parse JSON), and other text with `{{` is a mapping evaluated at run
 * time (`{{var.input.connection}}`), not an id of this environment.
 */
function isIdValue(value: unknown): value is number | string {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'string' || value.trim() === '') return false;
  return !value.includes('{{') || PLACEHOLDER.test(value);
}

/** `metadata.restore.<parameters|expect>.<field>.label`, where the editor keeps the chosen option's name. */
function restoreLabel(metadata: unknown, section: IdSection, field: string): string | undefined {
  const restore = isRecord(metadata) ? metadata.restore : undefined;
  const saved = isRecord(restore) ? restore[section === 'parameters' ? 'parameters' : 'expect'] : undefined;
  const option = isRecord(saved) ? ownValue(saved, field) : undefined;
  return isRecord(option) && typeof option.label === 'string' ? option.label : undefined;
}

/** The ids held by one module (nested modules not included), `parameters` first, each in key order. */
export function findIds(node: ModuleNode): FoundId[] {
  const found: FoundId[] = [];
  for (const section of ['parameters', 'mapper'] as const) {
    const values = node[section];
    if (!isRecord(values)) continue;
    const specs = specKinds(node.metadata, section);
    for (const [field, value] of Object.entries(values)) {
      const kind = specs.get(field) ?? knownKind(node, section, field);
      if (kind === undefined || !isIdValue(value)) continue;
      const path = childPath(childPath(node.path, section), field);
      found.push({ kind, id: value, section, field, path, label: restoreLabel(node.metadata, section, field) });
    }
  }
  return found;
}
