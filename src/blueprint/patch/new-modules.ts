// Getting new modules ready to insert: a fresh id for each one that has none (max id + 1, nested modules too),
// a refusal for an id already in use, and a canvas position (`metadata.designer`) next to their neighbour.
import { isRecord } from '../../shared/is-record.ts';
import { modulesIn } from './find-module.ts';
import { patchFailure } from './patch-error.ts';

type Json = Record<string, unknown>;

/** A canvas point, as Make's editor writes it in `metadata.designer`. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Horizontal distance between neighbours and vertical distance between routes on Make's canvas. */
const STEP = 300;

/** Hands out module ids: explicit ones are checked against those in use, missing ones are the next free id. */
export interface IdAllocator {
  /** Gives every module in `flow` (nested ones included) an id, or throws when one is already used. */
  assign(flow: unknown[]): void;
}

/** Sets `id` as the module's first key, where Make's export writes it. */
function putIdFirst(module: Json, id: number): void {
  const { id: _absent, ...rest } = module;
  for (const key of Object.keys(module)) delete module[key];
  Object.assign(module, { id }, rest);
}

/** An allocator for a blueprint whose modules use `used`. */
export function createIdAllocator(used: Iterable<number>): IdAllocator {
  const taken = new Set(used);
  let next = Math.max(0, ...taken) + 1;
  return {
    assign(flow) {
      // Explicit ids first, so a fresh id never takes one that a later new module asks for.
      const located = modulesIn(flow);
      for (const { module } of located) {
        if (typeof module.id !== 'number') continue;
        if (taken.has(module.id)) throw patchFailure(`module id ${module.id} is already used in the blueprint; leave \`id\` out to get a free one`, module.id);
        taken.add(module.id);
        next = Math.max(next, module.id + 1);
      }
      for (const { module } of located) {
        if (module.id !== undefined) continue;
        putIdFirst(module, next);
        taken.add(next);
        next += 1;
      }
    },
  };
}

/** `metadata.designer` {x, y} of a module, when it has one. */
export function positionOf(module: Json | undefined): Point | undefined {
  const metadata = module?.metadata;
  const designer = isRecord(metadata) ? metadata.designer : undefined;
  if (!isRecord(designer) || typeof designer.x !== 'number' || typeof designer.y !== 'number') return undefined;
  return { x: designer.x, y: designer.y };
}

/** Sets `metadata.designer` {x, y} unless the module already has a position. */
function place(module: Json, at: Point): void {
  if (positionOf(module) !== undefined) return;
  if (module.metadata === undefined) module.metadata = {};
  const metadata = module.metadata;
  if (!isRecord(metadata)) return;
  metadata.designer = { ...(isRecord(metadata.designer) ? metadata.designer : {}), x: at.x, y: at.y };
}

/** Positions a chain of new modules left to right from `start`; routes fan out below, error handlers below right. */
export function layoutChain(flow: unknown[], start: Point): void {
  flow.forEach((module, index) => {
    if (!isRecord(module)) return;
    place(module, { x: start.x + STEP * index, y: start.y });
    const at = positionOf(module) ?? { x: start.x + STEP * index, y: start.y };
    for (const key of ['routes', 'branches'] as const) {
      const routes = module[key];
      if (!Array.isArray(routes)) continue;
      routes.forEach((route: unknown, routeIndex) => {
        if (isRecord(route) && Array.isArray(route.flow)) layoutChain(route.flow, { x: at.x + STEP, y: at.y + STEP * routeIndex });
      });
    }
    if (Array.isArray(module.onerror)) layoutChain(module.onerror, { x: at.x + STEP, y: at.y + STEP });
  });
}

/** Moves the modules of `flow` from `from` on (and everything nested in them) one step right, to make room. */
export function shiftRight(flow: unknown[], from: number): void {
  for (const { module } of modulesIn(flow.slice(from))) {
    const at = positionOf(module);
    const metadata = module.metadata;
    if (at !== undefined && isRecord(metadata) && isRecord(metadata.designer)) metadata.designer.x = at.x + STEP;
  }
}

/** Where a module added right after `neighbour` goes; at the start of a flow it takes the first module's place. */
export function besideOf(neighbour: Json | undefined, side: 'after' | 'in-place'): Point {
  const at = positionOf(neighbour) ?? { x: 0, y: 0 };
  return side === 'after' ? { x: at.x + STEP, y: at.y } : at;
}

/** Where an error handler route of `owner` begins: one step right of it and one below. */
export function handlerStart(owner: Json): Point {
  const at = positionOf(owner) ?? { x: 0, y: 0 };
  return { x: at.x + STEP, y: at.y + STEP };
}

/** The point below every module of `flows`, starting one step right of `owner`: where a new route begins. */
export function belowRoutes(owner: Json, flows: readonly unknown[][]): Point {
  const at = positionOf(owner) ?? { x: 0, y: 0 };
  const ys = flows.flatMap((flow) => modulesIn(flow).flatMap(({ module }) => positionOf(module)?.y ?? []));
  return { x: at.x + STEP, y: ys.length === 0 ? at.y : Math.max(...ys) + STEP };
}
