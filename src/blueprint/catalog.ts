// What the blueprint layer knows about Make's modules: their role in the flow, whether they write data,
// and which apps are closed sets (any other module name in them does not exist in Make).
// Sources: BLUEPRINT.md §4–§10 (corpus), SEMANTICS.md §3–§8, issue 4's list of built-ins Remake runs.
import { ownValue } from '../shared/own-value.ts';

export type ModuleRole =
  | 'instant-trigger'
  | 'trigger'
  | 'action'
  | 'router'
  | 'iterator'
  | 'aggregator'
  | 'directive'
  | 'ifelse'
  | 'merge'
  | 'responder'
  | 'placeholder';

export interface CatalogEntry {
  readonly role: ModuleRole;
  /** Plain words for `remake explain`. */
  readonly title: string;
  /** The module changes data outside the scenario (stores, sends). */
  readonly writes?: boolean;
  /** Remake runs it natively (otherwise a run needs a mock). */
  readonly runnable: boolean;
}

const entry = (role: ModuleRole, title: string, runnable: boolean, writes = false): CatalogEntry => ({ role, title, runnable, ...(writes ? { writes } : {}) });

export const CATALOG: Readonly<Record<string, CatalogEntry>> = {
  'builtin:BasicRouter': entry('router', 'Router', true),
  'builtin:BasicFeeder': entry('iterator', 'Iterator', true),
  'builtin:BasicAggregator': entry('aggregator', 'Array aggregator', true),
  'builtin:BasicRepeater': entry('iterator', 'Repeater', true),
  'builtin:BasicIfElse': entry('ifelse', 'If-else', true),
  'builtin:BasicMerge': entry('merge', 'Merge', true),
  'builtin:Ignore': entry('directive', 'Ignore directive', true),
  'builtin:Resume': entry('directive', 'Resume directive', true),
  'builtin:Break': entry('directive', 'Break directive', true),
  'builtin:Commit': entry('directive', 'Commit directive', true),
  'builtin:Rollback': entry('directive', 'Rollback directive', true),
  'placeholder:Placeholder': entry('placeholder', 'Empty module slot', true),
  'gateway:CustomWebHook': entry('instant-trigger', 'Custom webhook', true),
  'gateway:CustomMailHook': entry('instant-trigger', 'Custom mailhook', false),
  'gateway:WebhookRespond': entry('responder', 'Webhook response', true),
  'util:SetVariable2': entry('action', 'Set variable', true),
  'util:SetVariable': entry('action', 'Set variable (old version)', false),
  'util:SetVariables': entry('action', 'Set multiple variables', true),
  'util:GetVariable2': entry('action', 'Get variable', true),
  'util:GetVariable': entry('action', 'Get variable (old version)', false),
  'util:GetVariables': entry('action', 'Get multiple variables', true),
  'util:TextAggregator': entry('aggregator', 'Text aggregator', true),
  'util:FunctionAggregator2': entry('aggregator', 'Numeric aggregator', true),
  'util:TableAggregator': entry('aggregator', 'Table aggregator', true),
  'util:FunctionSleep': entry('action', 'Sleep', true),
  'util:FunctionIncrement': entry('action', 'Increment value', true),
  'util:Switcher': entry('action', 'Switch', true),
  'util:ComposeTransformer': entry('action', 'Compose a string', true),
  'util:BasicTrigger': entry('trigger', 'Basic trigger', false),
  'json:ParseJSON': entry('action', 'Parse JSON', true),
  'json:CreateJSON': entry('action', 'Create JSON', true),
  'json:TransformToJSON': entry('action', 'Transform to JSON', true),
  'json:AggregateToJSON': entry('aggregator', 'Aggregate to JSON', true),
  'datastore:AddRecord': entry('action', 'Data store: add/replace a record', true, true),
  'datastore:GetRecord': entry('action', 'Data store: get a record', true),
  'datastore:ExistRecord': entry('action', 'Data store: check a record exists', true),
  'datastore:UpdateRecord': entry('action', 'Data store: update a record', true, true),
  'datastore:DeleteRecord': entry('action', 'Data store: delete a record', true, true),
  'datastore:DeleteAllRecords': entry('action', 'Data store: delete all records', true, true),
  'datastore:SearchRecord': entry('action', 'Data store: search records', true),
  'datastore:CountRecords': entry('action', 'Data store: count records', true),
  'datastore:Stats': entry('action', 'Data store: count records', true),
  'regexp:Parser': entry('action', 'Text parser: match pattern', true),
  'regexp:Replace': entry('action', 'Text parser: replace', true),
  'regexp:HTMLToText': entry('action', 'Text parser: HTML to text', true),
  'math:EvaluateExpression': entry('action', 'Math: evaluate expression', true),
  'csv:ParseCSV': entry('action', 'CSV: parse', true),
  'csv:CreateCSV': entry('aggregator', 'CSV: create', true),
  'http:ActionSendData': entry('action', 'HTTP: make a request', true),
  'http:MakeRequest': entry('action', 'HTTP: make a request', true),
  'http:ActionSendDataBasicAuth': entry('action', 'HTTP: make a Basic Auth request', true),
  'http:ActionSendDataAPIKeyAuth': entry('action', 'HTTP: make an API key auth request', true),
  'http:ActionSendDataOAuth': entry('action', 'HTTP: make an OAuth 2.0 request', true),
  'http:ActionGetFile': entry('action', 'HTTP: get a file', true),
  'http:DownloadFile': entry('action', 'HTTP: download a file', true),
  'http:ActionResolveTargetURL': entry('action', 'HTTP: resolve a target URL', true),
  'http:RetrieveHeaders': entry('iterator', 'HTTP: retrieve headers', true),
  'scenario-service:StartSubscenario': entry('trigger', 'Start scenario (scenario inputs)', true),
  'scenario-service:ReturnData': entry('action', 'Return output (scenario outputs)', true),
  'scenario-service:CallSubscenario': entry('action', 'Call a scenario', false),
};

/** Parameters Make's editor always writes for these modules; without them the module is not configured. */
export const REQUIRED_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  'gateway:CustomWebHook': ['hook'],
  'gateway:CustomMailHook': ['hook'],
  'builtin:BasicAggregator': ['feeder'],
  'util:TextAggregator': ['feeder'],
  'util:FunctionAggregator2': ['feeder'],
  'util:TableAggregator': ['feeder'],
  'json:AggregateToJSON': ['feeder'],
  'datastore:AddRecord': ['datastore'],
  'datastore:GetRecord': ['datastore'],
  'datastore:ExistRecord': ['datastore'],
  'datastore:UpdateRecord': ['datastore'],
  'datastore:DeleteRecord': ['datastore'],
  'datastore:DeleteAllRecords': ['datastore'],
  'datastore:SearchRecord': ['datastore'],
};

/** App ids that do not exist in Make, seen in hand- and AI-written blueprints, with the app Make has instead. */
const NOT_MAKE_APPS: Readonly<Record<string, string>> = {
  gmail: 'google-email (Gmail)',
  webhook: 'gateway (Webhooks)',
  webhooks: 'gateway (Webhooks)',
  tools: 'util (Tools)',
};

/** Apps whose module list is closed: a name outside the catalog does not exist in Make. */
const CLOSED_APPS = new Set(['builtin', 'gateway', 'placeholder', 'datastore', 'json']);

const BY_LOWER_NAME = new Map(Object.keys(CATALOG).map((name) => [name.toLowerCase(), name]));

export function catalogEntry(type: string): CatalogEntry | undefined {
  return ownValue(CATALOG, type);
}

/** Why `type` is not a Make module, or undefined when it may be one. */
export function unknownModuleReason(type: string): string | undefined {
  if (catalogEntry(type)) return undefined;
  const cased = BY_LOWER_NAME.get(type.toLowerCase());
  if (cased) return `'${type}' is not a Make module; module names are case-sensitive: did you mean '${cased}'?`;
  const app = type.split(':')[0] ?? '';
  if (Object.hasOwn(NOT_MAKE_APPS, app)) return `'${type}' is not a Make module: Make has no app '${app}'; its app for this is ${NOT_MAKE_APPS[app]}.`;
  if (CLOSED_APPS.has(app)) {
    const known = Object.keys(CATALOG).filter((name) => name.startsWith(`${app}:`)).map((name) => name.slice(app.length + 1));
    return `'${type}' is not a Make module; the ${app} app has ${known.join(', ')}.`;
  }
  return undefined;
}

/** A module's role: from the catalog, or for third-party apps from the hook id and the module name. */
export function roleOf(type: string, parameters: unknown): ModuleRole {
  const known = catalogEntry(type);
  if (known) return known.role;
  if (typeof parameters === 'object' && parameters !== null && Object.hasOwn(parameters, '__IMTHOOK__')) return 'instant-trigger';
  if (typeof parameters === 'object' && parameters !== null && Object.hasOwn(parameters, 'feeder')) return 'aggregator';
  const name = type.split(':')[1] ?? '';
  // Third-party triggers are named watch…/Watch…/Trigger… in Make's apps (google-sheets:watchRows, email:TriggerNewEmail).
  if (/^(watch|trigger)/i.test(name)) return 'trigger';
  return 'action';
}

export function isRunnable(type: string): boolean {
  return catalogEntry(type)?.runnable ?? false;
}
