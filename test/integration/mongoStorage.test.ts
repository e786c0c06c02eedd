import type { StoreItems } from 'botbuilder';
import { z } from 'zod';
import { MongoStorage } from '../../src/channels/teams/mongoStorage';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

/** botbuilder types stored items as `any`; the tests look at them as plain records. */
const storedItem = z.record(z.string(), z.unknown());

// The cases botbuilder's own storage conformance suite (StorageBaseTests) runs against every storage.
describe('MongoStorage (Bot Framework Storage over MongoDB)', () => {
  let database: TestDatabase;
  let storage: MongoStorage;

  beforeAll(async () => {
    database = await openTestDatabase();
    storage = new MongoStorage(database.repos.state);
  });

  afterAll(() => database.dispose());

  const readItem = async (key: string) => storedItem.parse((await storage.read([key]))[key]);

  it('returns nothing for an unknown key', async () => {
    expect(await storage.read(['unknown-key'])).toEqual({});
  });

  it('creates objects and reads them back with an eTag', async () => {
    const changes: StoreItems = {
      createPoco: { id: 1 },
      createPocoStoreItem: { id: 2, eTag: '*' },
    };
    await storage.write(changes);
    const read = await storage.read(['createPoco', 'createPocoStoreItem']);
    expect(read.createPoco).toMatchObject({ id: 1 });
    expect(read.createPocoStoreItem).toMatchObject({ id: 2 });
    const created = storedItem.parse(read.createPoco);
    expect(typeof created.eTag).toBe('string');
    expect(created.eTag).not.toBe('*');
  });

  it('handles keys full of punctuation', async () => {
    const key = '!@#$%^&*()~/\\><,.?\';"`~';
    await storage.write({ [key]: { id: 1 } });
    const read = await storage.read([key]);
    expect(read[key]).toMatchObject({ id: 1 });
  });

  it('stores values whose keys contain dots and dollar signs', async () => {
    await storage.write({ dotted: { 'a.b': 1, $c: { 'd.e': 'f' } } });
    expect((await storage.read(['dotted'])).dotted).toMatchObject({ 'a.b': 1, $c: { 'd.e': 'f' } });
  });

  it('updates with the current eTag, rejects a stale one, and overwrites with * or no eTag', async () => {
    await storage.write({ pocoItem: { id: 1, count: 1 } });
    const first = await readItem('pocoItem');

    await storage.write({ pocoItem: { ...first, count: 2 } });
    const second = await readItem('pocoItem');
    expect(second.count).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);

    await expect(storage.write({ pocoItem: { ...first, count: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await readItem('pocoItem')).count).toBe(2);

    await storage.write({ pocoItem: { ...first, count: 100, eTag: '*' } });
    expect((await readItem('pocoItem')).count).toBe(100);

    await storage.write({ pocoItem: { id: 1, count: 200 } });
    expect((await readItem('pocoItem')).count).toBe(200);
  });

  it('lets exactly one of several concurrent writers with the same eTag win', async () => {
    for (let round = 0; round < 20; round += 1) {
      await storage.write({ race: { n: 0 } });
      const current = await readItem('race');
      const results = await Promise.allSettled([1, 2, 3, 4].map((n) => storage.write({ race: { ...current, n } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    }
  });

  it('deletes objects, and deleting a missing key is fine', async () => {
    await storage.write({ toDelete: { id: 1 } });
    await storage.delete(['toDelete']);
    expect(await storage.read(['toDelete'])).toEqual({});
    await expect(storage.delete(['never-existed'])).resolves.toBeUndefined();
  });

  it('reads and writes several keys in one batch', async () => {
    await storage.write({ batch1: { n: 1 }, batch2: { n: 2 }, batch3: { n: 3 } });
    const read = await storage.read(['batch1', 'batch2', 'batch3', 'batch-missing']);
    expect(Object.keys(read).sort()).toEqual(['batch1', 'batch2', 'batch3']);
    await storage.delete(['batch1', 'batch3']);
    expect(Object.keys(await storage.read(['batch1', 'batch2', 'batch3']))).toEqual(['batch2']);
  });

  it('rejects missing arguments like the built-in storages', () => {
    expect(() => storage.read(undefined as unknown as string[])).toThrow(TypeError);
    expect(() => storage.write(undefined as unknown as StoreItems)).toThrow(TypeError);
    expect(() => storage.delete(undefined as unknown as string[])).toThrow(TypeError);
  });
});
