import 'server-only'

import { randomUUID } from 'node:crypto'
import { resolve } from 'node:path'

import { createFileIntentStore, type IntentStore } from '@/lib/chain/intents/file-intent-store'
import type { IntentsDeps } from '@/lib/chain/intents/handle-intents-request'
import { loadStoreView } from '@/lib/chain/load-store-view'
import { serverChain } from '@/lib/chain/server-chain'
import { env } from '@/lib/env'

let store: IntentStore | undefined

/** The intents routes' wiring: the server chain for the store's current state, intents under `INTENTS_DIR` (default `.data/intents/`). */
export function intentsDeps(): IntentsDeps {
  const chain = serverChain()
  // A runtime path (INTENTS_DIR): told to the bundler so it does not trace the whole project.
  store ??= createFileIntentStore(resolve(/*turbopackIgnore: true*/ process.cwd(), env().intentsDir))
  return {
    network: chain.network,
    intents: store,
    nowMs: () => Date.now(),
    newId: () => randomUUID(),
    async loadState(launcherId) {
      const view = await loadStoreView(chain.client, launcherId, { network: chain.network, parser: chain.parser, memo: chain.parseMemo, viewCache: chain.viewCache })
      if (!view) return undefined
      const hashes = (type: 'admin' | 'writer') =>
        view.current.delegatedPuzzles.flatMap((d) => (d.type === type ? [d.innerPuzzleHash] : []))
      return {
        melted: view.status === 'melted',
        ownerPuzzleHash: view.current.ownerPuzzleHash,
        admins: hashes('admin'),
        writers: hashes('writer'),
        rootHash: view.current.rootHash,
      }
    },
  }
}
