// Hook, ping and hook-queue objects as the Make API returns them (MAKE-API.md §1.4; the SDK's Hook and HookPing
// types and its mocks hooks/get.json, hook-incomings/{list,get,stats}.json).
import type { HookRecord, IncomingRecord, ScenarioRecord } from '../../../core/server-types.ts';
import { QUEUE_LIMIT } from '../../webhooks/hook-limits.ts';

/** The one hook type Remake serves: Make's custom webhook (gateway app). */
export const GATEWAY_WEBHOOK = 'gateway-webhook';
/** The gateway app's colour, as Make's hook objects carry it (SDK mock hooks/get.json). */
const GATEWAY_THEME = '#c73a63';

/** What a hook object needs beyond its record. */
export interface HookContext {
  readonly queueCount: number;
  /** The scenario whose trigger listens on the hook, if any. */
  readonly scenario: ScenarioRecord | undefined;
  /** The hook's public URL (`<server>/hook/<udid>`). */
  readonly url: string;
}

/** The hook object of GET /hooks, GET /hooks/{id} and the create/rename answers. */
export function apiHook(hook: HookRecord, context: HookContext): Record<string, unknown> {
  return {
    id: hook.id,
    name: hook.name,
    teamId: hook.teamId,
    udid: hook.udid,
    type: hook.typeName === 'gateway-mailhook' ? 'mail' : 'web',
    packageName: null,
    theme: GATEWAY_THEME,
    editable: true,
    queueCount: context.queueCount,
    queueLimit: QUEUE_LIMIT,
    enabled: hook.enabled,
    gone: false,
    typeName: hook.typeName,
    // Make echoes the owning team inside `data` too (SDK mock hooks/get.json).
    data: { ...hook.data, teamId: hook.teamId },
    scenarioId: context.scenario?.id ?? null,
    ...(context.scenario ? { scenarioName: context.scenario.name, scenarioIsActive: context.scenario.isActive } : {}),
    url: context.url,
  };
}

/** GET /hooks/{id}/ping: `attached` means a scenario's trigger listens on the hook. */
export function apiPing(hook: HookRecord, context: HookContext): Record<string, unknown> {
  return { address: context.url, attached: context.scenario !== undefined, learning: hook.learning, gone: false };
}

/** One item of GET /hooks/{id}/incomings (the SDK's HookIncoming: the id is a string there). */
export function apiIncoming(item: IncomingRecord): Record<string, unknown> {
  return { id: String(item.id), scope: 'hook', size: item.size, created: item.receivedAt };
}

/**
 * GET /hooks/{id}/incomings/{itemId}: Make's `data` is the payload (the parsed body here); Remake adds the rest of
 * the request under `request` so a queued call can be inspected whole.
 */
export function apiIncomingDetail(item: IncomingRecord): Record<string, unknown> {
  const { method, headers, query } = item.request;
  return { ...apiIncoming(item), data: item.request.body ?? null, request: { method, headers, query } };
}

/** GET /hooks/{id}/incomings/stats (the SDK's HookIncomingStats). */
export function apiIncomingStats(hook: HookRecord, queueCount: number): Record<string, unknown> {
  return { queue: queueCount, limit: QUEUE_LIMIT, enabled: hook.enabled };
}
