/**
 * Where outbox entries are kept. The browser uses IndexedDB (`createIndexedDbOutboxStore`),
 * which survives reloads and browser restarts and stores bigint and Uint8Array natively; tests
 * and server-side code use the in-memory store.
 */
import type { OutboxEntry } from './outbox-entry'

export interface OutboxStore {
  all(): Promise<OutboxEntry[]>
  get(id: string): Promise<OutboxEntry | undefined>
  put(entry: OutboxEntry): Promise<void>
  delete(id: string): Promise<void>
}

/**
 * An outbox kept in memory (tests, servers).
 * @example const store = createMemoryOutboxStore(); await store.put(entry)
 */
export function createMemoryOutboxStore(initial: readonly OutboxEntry[] = []): OutboxStore {
  const map = new Map(initial.map((e) => [e.id, structuredClone(e)]))
  return {
    all: async () => [...map.values()].map((e) => structuredClone(e)),
    get: async (id) => (map.has(id) ? structuredClone(map.get(id)!) : undefined),
    put: async (entry) => void map.set(entry.id, structuredClone(entry)),
    delete: async (id) => void map.delete(id),
  }
}
