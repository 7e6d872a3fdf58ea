// The scenario-folder part of the server store contract (STYLE.md rule 12), called from server-store-contract.ts:
// create, get, list by team, rename and move (parentId), remove.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OpenedServerStore, OpenServerStore } from './server-store-contract.ts';

const T0 = '2024-03-01T10:00:00.000Z';

async function withStore(open: OpenServerStore, body: (opened: OpenedServerStore) => Promise<void>): Promise<void> {
  const opened = await open(() => new Date(T0));
  try {
    await body(opened);
  } finally {
    opened.close();
  }
}

/** Declares the folder cases of the server store contract under `name`. */
export function describeFolderContract(name: string, open: OpenServerStore): void {
  describe(`${name}: server store contract, scenario folders`, () => {
    it('folders: creates with ascending ids, nests by parentId, gets and lists by team', () =>
      withStore(open, async ({ server: { folders } }) => {
        const top = await folders.create({ teamId: 1, name: 'CRM', parentId: null });
        const child = await folders.create({ teamId: 1, name: 'cleanup', parentId: top.id });
        const other = await folders.create({ teamId: 2, name: 'CRM', parentId: null });
        assert.ok(top.id < child.id && child.id < other.id);
        assert.deepEqual(top, { id: top.id, teamId: 1, name: 'CRM', parentId: null, createdAt: T0 });
        assert.deepEqual(child, { id: child.id, teamId: 1, name: 'cleanup', parentId: top.id, createdAt: T0 });
        assert.deepEqual(await folders.get(child.id), child);
        assert.equal(await folders.get(other.id + 100), undefined);
        assert.deepEqual((await folders.list()).map((folder) => folder.id), [top.id, child.id, other.id]);
        assert.deepEqual(await folders.list(1), [top, child]);
        assert.deepEqual(await folders.list(3), []);
      }));

    it('folders: renames, moves to another parent or to the top, and leaves what is not given', () =>
      withStore(open, async ({ server: { folders } }) => {
        const a = await folders.create({ teamId: 1, name: 'A', parentId: null });
        const b = await folders.create({ teamId: 1, name: 'B', parentId: null });
        const moved = await folders.update(b.id, { parentId: a.id });
        assert.deepEqual(moved, { ...b, parentId: a.id });
        assert.deepEqual(await folders.update(b.id, { name: 'B2' }), { ...b, name: 'B2', parentId: a.id });
        assert.deepEqual(await folders.update(b.id, { parentId: null }), { ...b, name: 'B2', parentId: null });
        assert.deepEqual(await folders.update(b.id, {}), { ...b, name: 'B2', parentId: null });
        assert.equal(await folders.update(b.id + 100, { name: 'nobody' }), undefined);
      }));

    it('folders: removes one folder only, leaving its subfolders as they were', () =>
      withStore(open, async ({ server: { folders } }) => {
        const a = await folders.create({ teamId: 1, name: 'A', parentId: null });
        const b = await folders.create({ teamId: 1, name: 'B', parentId: a.id });
        assert.equal(await folders.remove(a.id), true);
        assert.equal(await folders.remove(a.id), false);
        assert.equal(await folders.get(a.id), undefined);
        assert.deepEqual(await folders.list(), [b]);
      }));
  });
}
