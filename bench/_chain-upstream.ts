/**
 * Child process for bench/chain.ts: builds the N-generation store on an in-process devnet and
 * serves the devnet's full-node RPC, so the "remote node" spends its CPU and memory in another
 * process (as a real upstream would) and the bench's RSS is the app server's alone. Prints one
 * JSON line on stdout when ready; exits when stdin closes.
 *
 * Building 1,000 validated generations takes minutes on a loaded machine, so the finished chain is
 * kept in the temp dir (devnet state file + the store's ids), keyed by a version and the generation
 * count, and reloaded on the next run. Bump STATE_VERSION when the builders or the devnet state
 * format change; BENCH_REBUILD=1 forces a fresh build.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { createDevnet } from '@/lib/devnet/devnet'
import { startRpcServer } from '@/lib/devnet/rpc-server'

import { buildStore, startDevnetChain, type DevnetChain } from '../tests/integration/chain/devnet-store'

const STATE_VERSION = 1
const generations = Number(process.env.BENCH_GENERATIONS ?? 1000)
const dir = join(tmpdir(), `datalayer-studio-bench-chain-v${STATE_VERSION}-${generations}`)
const metaFile = join(dir, 'store.json')

type Meta = { launcherId: string; lastRoot: string; buildSeconds: number }

async function loadCached(): Promise<{ chain: DevnetChain; meta: Meta } | undefined> {
  if (process.env.BENCH_REBUILD === '1' || !existsSync(metaFile) || !existsSync(join(dir, 'state.json'))) return undefined
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta
  const devnet = await createDevnet({ dir, autoFarm: false })
  const rpc = await startRpcServer(devnet)
  const chain: DevnetChain = {
    devnet,
    rpc,
    url: `http://127.0.0.1:${rpc.port}`,
    close: async () => {
      devnet.stop()
      await rpc.close()
    },
  }
  return { chain, meta }
}

const t0 = performance.now()
let cached = await loadCached()
let reused = true
if (!cached) {
  reused = false
  const chain = await startDevnetChain()
  const built = buildStore(chain.devnet, { updates: generations - 1, writerEvery: 10 })
  chain.devnet.farmBlocks(40) // bury every spend below the reorg-safe depth (32)
  const meta: Meta = {
    launcherId: bytesToHex(built.launcherId),
    lastRoot: bytesToHex(built.roots.at(-1)!),
    buildSeconds: (performance.now() - t0) / 1000,
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  chain.devnet.saveTo(dir)
  writeFileSync(metaFile, JSON.stringify(meta))
  cached = { chain, meta }
}
const { chain, meta } = cached
process.stdout.write(
  `${JSON.stringify({
    url: chain.url,
    launcherId: meta.launcherId,
    lastRoot: meta.lastRoot,
    buildSeconds: meta.buildSeconds,
    loadSeconds: (performance.now() - t0) / 1000,
    reused,
  })}\n`,
)
process.stdin.resume()
process.stdin.on('end', async () => {
  await chain.close()
  process.exit(0)
})
