/**
 * Worker thread for bench/chain.ts: builds the N-generation store on an in-process devnet and
 * serves the devnet's full-node RPC, so the "remote node" spends its CPU on another core instead
 * of the thread that serves the app (as a real upstream would).
 */
import { parentPort, workerData } from 'node:worker_threads'

import { bytesToHex } from '@/lib/chia/primitives/bytes'

import { buildStore, startDevnetChain } from '../tests/integration/chain/devnet-store'

const { generations } = workerData as { generations: number }
const chain = await startDevnetChain()
const t0 = performance.now()
const built = buildStore(chain.devnet, { updates: generations - 1, writerEvery: 10 })
chain.devnet.farmBlocks(40) // bury every spend below the reorg-safe depth (32)
parentPort!.postMessage({
  url: chain.url,
  launcherId: bytesToHex(built.launcherId),
  lastRoot: bytesToHex(built.roots.at(-1)!),
  buildSeconds: (performance.now() - t0) / 1000,
})
parentPort!.on('message', async (m) => {
  if (m === 'close') {
    await chain.close()
    process.exit(0)
  }
})
