/**
 * The browser outbox: one IndexedDB object store keyed by entry id. Raw IndexedDB (no
 * dependency); every call opens a short transaction, so several tabs see each other's writes.
 */
import { AppError } from '@/lib/chia/errors/app-error'

import type { OutboxEntry } from './outbox-entry'
import type { OutboxStore } from './outbox-store'

export class OutboxStorageError extends AppError {
  override name = 'OutboxStorageError' as const
  constructor({ operation, cause }: { operation: string; cause: unknown }) {
    super('The browser refused to save the outbox; pending updates may not survive a reload.', {
      details: `${operation}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    })
  }
}

const STORE = 'entries'

const promised = <T>(req: IDBRequest<T>, operation: string) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(new OutboxStorageError({ operation, cause: req.error }))
  })

/**
 * Opens (creating on first use) the IndexedDB outbox `name`.
 * @example const outbox = createIndexedDbOutboxStore(indexedDB, 'datalayer-studio-outbox-devnet')
 */
export function createIndexedDbOutboxStore(factory: IDBFactory, name: string): OutboxStore {
  let db: Promise<IDBDatabase> | undefined
  const open = () => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(name, 1)
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' })
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(new OutboxStorageError({ operation: 'open', cause: req.error }))
    })
    db.catch(() => (db = undefined))
    return db
  }
  const run = async <T>(mode: IDBTransactionMode, operation: string, f: (s: IDBObjectStore) => IDBRequest<T>) => {
    const d = await open()
    return promised(f(d.transaction(STORE, mode).objectStore(STORE)), operation)
  }
  return {
    all: () => run('readonly', 'all', (s) => s.getAll() as IDBRequest<OutboxEntry[]>),
    get: async (id) => (await run('readonly', 'get', (s) => s.get(id) as IDBRequest<OutboxEntry | undefined>)) ?? undefined,
    put: async (entry) => void (await run('readwrite', 'put', (s) => s.put(entry))),
    delete: async (id) => void (await run('readwrite', 'delete', (s) => s.delete(id))),
  }
}
