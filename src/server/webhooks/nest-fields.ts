// Form and query fields → a nested payload: `a[b]=1` becomes {a: {b: '1'}}, `a[]=1&a[]=2` and repeated keys become
// arrays (the bracket convention of Node's `qs`; Make's own rule is not documented: GUESS, docs/semantics-webhooks.md).

/** Explicit indexes above this stay object keys, so `ids[1001]=x` is not squeezed into a one-item array (qs's `arrayLimit`). */
const ARRAY_INDEX_LIMIT = 20;
const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT = /\[([^[\]]*)\]/g;
const INDEX = /^(?:0|[1-9]\d*)$/;

/** The values a key received, in arrival order; bracket paths below one key share one branch. */
interface Slot {
  readonly items: (Branch | Leaf)[];
}

interface Branch {
  readonly kind: 'branch';
  readonly children: Map<string, Slot>;
  /** The index the next `[]` takes. */
  next: number;
  /** True once an explicit index above ARRAY_INDEX_LIMIT was given. */
  bigIndex: boolean;
}

interface Leaf {
  readonly kind: 'leaf';
  readonly value: unknown;
}

/** `a[b][]` → ['a', 'b', '']; a key that does not follow the bracket pattern is one literal segment. */
function segmentsOf(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) return [key];
  const root = match[1] ?? key;
  return [root, ...[...(match[2] ?? '').matchAll(SEGMENT)].map((segment) => segment[1] ?? '')];
}

function newBranch(): Branch {
  return { kind: 'branch', children: new Map(), next: 0, bigIndex: false };
}

/** The branch of a slot, created after its earlier values when the slot held only plain values so far. */
function branchOf(slot: Slot): Branch {
  const existing = slot.items.find((item): item is Branch => item.kind === 'branch');
  if (existing) return existing;
  const branch = newBranch();
  slot.items.push(branch);
  return branch;
}

function childSlot(branch: Branch, segment: string): Slot {
  let key = segment;
  if (segment === '') {
    key = String(branch.next);
  } else if (INDEX.test(segment) && Number(segment) > ARRAY_INDEX_LIMIT) {
    branch.bigIndex = true;
  }
  if (INDEX.test(key)) branch.next = Math.max(branch.next, Number(key) + 1);
  let slot = branch.children.get(key);
  if (!slot) {
    slot = { items: [] };
    branch.children.set(key, slot);
  }
  return slot;
}

function insert(root: Branch, segments: readonly string[], value: unknown): void {
  let branch = root;
  let slot = childSlot(branch, segments[0] ?? '');
  for (const segment of segments.slice(1)) {
    branch = branchOf(slot);
    slot = childSlot(branch, segment);
  }
  slot.items.push({ kind: 'leaf', value });
}

function finishSlot(slot: Slot): unknown {
  const values = slot.items.map((item) => (item.kind === 'leaf' ? item.value : finishBranch(item)));
  return values.length === 1 ? values[0] : values;
}

/** A branch whose keys are all small indexes is an array, in index order (gaps closed); otherwise an object. */
function finishBranch(branch: Branch): unknown {
  const keys = [...branch.children.keys()];
  if (keys.length > 0 && !branch.bigIndex && keys.every((key) => INDEX.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => finishSlot(branch.children.get(key) ?? { items: [] }));
  }
  // Object.fromEntries defines own properties, so a field named `__proto__` stays a plain field.
  return Object.fromEntries([...branch.children].map(([key, slot]) => [key, finishSlot(slot)]));
}

/**
 * Builds a payload from name/value pairs in arrival order. Bracketed names nest (`a[b]`, `a[0]`, `a[]`), a repeated
 * name collects its values in an array, and pairs with an empty name are dropped. Values are kept as given (text for
 * forms and queries, file collections for multipart uploads).
 */
export function nestFields(pairs: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const root = newBranch();
  for (const [name, value] of pairs) {
    if (name !== '') insert(root, segmentsOf(name), value);
  }
  return Object.fromEntries([...root.children].map(([key, slot]) => [key, finishSlot(slot)]));
}

/** The query string of a request target (`/wh/abc?x=1`), nested like form fields; no query gives {}. */
export function parseQueryString(url: string): Record<string, unknown> {
  const start = url.indexOf('?');
  if (start < 0) return {};
  const end = url.indexOf('#', start);
  return nestFields(new URLSearchParams(url.slice(start + 1, end < 0 ? undefined : end)));
}
