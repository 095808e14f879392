import 'server-only'

/**
 * Pending tool intents on disk: one JSON file per store under a data folder (default
 * `.data/intents/`), written atomically (temp file + rename). Amounts are strings in the file.
 * Enough for one server instance; a shared deployment would swap in Redis behind the same interface.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { ToolIntent } from './tool-intent'

export interface IntentStore {
  list(launcherId: string): Promise<ToolIntent[]>
  add(intent: ToolIntent): Promise<void>
}

type StoredIntent = Omit<ToolIntent, 'bytes'> & { bytes: string }

/**
 * A file-backed intent store in `dir`.
 * @example const intents = createFileIntentStore('.data/intents')
 */
export function createFileIntentStore(dir: string): IntentStore {
  const file = (launcherId: string) => join(dir, `${launcherId.replace(/[^0-9a-f]/g, '')}.json`)
  // Writes to one file are serialized so two POSTs cannot lose each other.
  const chains = new Map<string, Promise<unknown>>()
  const read = async (launcherId: string): Promise<ToolIntent[]> => {
    try {
      const raw = JSON.parse(await readFile(file(launcherId), 'utf8')) as StoredIntent[]
      return raw.map((i) => ({ ...i, bytes: BigInt(i.bytes) }))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw e
    }
  }
  return {
    list: read,
    add(intent) {
      const prev = chains.get(intent.launcherId) ?? Promise.resolve()
      const next = prev.then(async () => {
        await mkdir(dir, { recursive: true })
        const all = [...(await read(intent.launcherId)), intent].map((i) => ({ ...i, bytes: i.bytes.toString() }))
        const tmp = `${file(intent.launcherId)}.${process.pid}.tmp`
        await writeFile(tmp, JSON.stringify(all, null, 2))
        await rename(tmp, file(intent.launcherId))
      })
      chains.set(intent.launcherId, next.catch(() => {}))
      return next
    },
  }
}
