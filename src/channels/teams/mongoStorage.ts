import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from '../../store/repositories/stateStore';

/** Bot Framework `Storage` over MongoDB, with eTag optimistic concurrency. */
export class MongoStorage implements Storage {
  constructor(private readonly store: StateStore) {}

  read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading');
    return this.store.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    if (!changes) throw new TypeError('Changes are required when writing');
    return this.store.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting');
    return this.store.delete(keys);
  }
}
