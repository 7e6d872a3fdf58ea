// In-memory records of the WhiteLabelCRO reference server (leads, clients, affiliates, client notes): numbered ids,
// timestamps from an injected clock, and look-up by external_id, which is what makes creates idempotent.
import type { Fields } from './resources.ts';

export type Collection = 'leads' | 'clients' | 'affiliates' | 'notes';

/** One stored record: its fields plus `id`, `created_utc`, `updated_utc` (and `status`, `client_id` where they apply). */
export type CrmRecord = Readonly<Record<string, string | number | null>> & { readonly id: number };

/** Every record the server holds, oldest first, by collection. */
export type CrmRecords = Readonly<Record<Collection, readonly CrmRecord[]>>;

export interface CrmStore {
  get(collection: Collection, id: number): CrmRecord | undefined;
  /** The record of `collection` whose `external_id` is `externalId` (and whose `scope` fields match, e.g. the note's client). */
  findByExternalId(collection: Collection, externalId: string, scope?: Readonly<Record<string, number>>): CrmRecord | undefined;
  /** Stores a new record with the next id of its collection. */
  insert(collection: Collection, fields: Readonly<Record<string, string | number | null>>): CrmRecord;
  /** Merges `fields` into the record and stamps `updated_utc`; undefined for an unknown id. */
  update(collection: Collection, id: number, fields: Fields): CrmRecord | undefined;
  snapshot(): CrmRecords;
}

export function createCrmStore(clock: () => number): CrmStore {
  const tables: Record<Collection, Map<number, CrmRecord>> = { leads: new Map(), clients: new Map(), affiliates: new Map(), notes: new Map() };
  const lastIds: Record<Collection, number> = { leads: 0, clients: 0, affiliates: 0, notes: 0 };
  const now = (): string => new Date(clock()).toISOString();

  return {
    get: (collection, id) => tables[collection].get(id),
    findByExternalId(collection, externalId, scope = {}) {
      for (const record of tables[collection].values()) {
        if (record.external_id === externalId && Object.entries(scope).every(([name, value]) => record[name] === value)) return record;
      }
      return undefined;
    },
    insert(collection, fields) {
      lastIds[collection] += 1;
      const stamp = now();
      const record: CrmRecord = { id: lastIds[collection], ...fields, created_utc: stamp, updated_utc: stamp };
      tables[collection].set(record.id, record);
      return record;
    },
    update(collection, id, fields) {
      const current = tables[collection].get(id);
      if (!current) return undefined;
      const next: CrmRecord = { ...current, ...fields, id, updated_utc: now() };
      tables[collection].set(id, next);
      return next;
    },
    snapshot: () => ({
      leads: [...tables.leads.values()],
      clients: [...tables.clients.values()],
      affiliates: [...tables.affiliates.values()],
      notes: [...tables.notes.values()],
    }),
  };
}
