/**
 * Setup for the verification-page browser tests: stores put on the Playwright devnet (the
 * `webServer` devnet of playwright.config.ts) through its RPC, exactly as a third party would.
 * - `mintDriverStore`: minted and updated three times by the reference driver
 *   (@dignetwork/datalayer-driver 0.1.29) — our builders are not involved; bundles are signed for
 *   the devnet's genesis challenge by lib/chia's AugSchemeMPL signer (the driver signs only for
 *   mainnet/testnet11).
 * - `mintReferenceWalletStore`: a launcher in the Chia reference wallet's format (KV list
 *   `(root inner_ph)`, no hints), like the vectors' `compatChiaReferenceWallet` section.
 * - `startTamperingUpstream`: a local coinset-compatible endpoint that proxies the devnet and
 *   rewrites one coin's puzzle hash in every coin record it returns (with CORS, so the page's
 *   browser can call it directly).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import * as driver from '@dignetwork/datalayer-driver'

import { parseLosslessJson, stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { atom, int, list, type Program } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { dataStoreInnerPuzzleHash } from '@/lib/chia/datastore/data-store'
import { standardPuzzle, standardSolution } from '@/lib/chia/keys/standard-puzzle'
import { launcherLayer } from '@/lib/chia/layers/launcher'
import { dataLayerMerkleTree } from '@/lib/chia/merkle/data-layer-merkle-tree'
import { dataLayerProofToJson } from '@/lib/chia/merkle/data-layer-proof'
import { dataLayerStorePuzzleHash, rootOnlyMetadataHash } from '@/lib/chia/merkle/data-layer-store-claim'
import { bytesToHex, hexToBytes, utf8ToBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { coinRecordFromRpc, type RpcCoinRecord } from '@/lib/chia/primitives/rpc-json'
import { SINGLETON_LAUNCHER, SINGLETON_LAUNCHER_HASH } from '@/lib/chia/puzzles/singleton-launcher'
import { dataStoreIn, type DataStore as CompatDataStore } from '@/tests/support/driver-compat'
import { signForDevnet, testKey, type TestKey, bundleToRpc } from '@/tests/integration/devnet/helpers'

export const DEVNET_URL = `http://127.0.0.1:${Number(process.env.E2E_DEVNET_PORT ?? 18755)}`

export const owner = testKey('owner')
const admin = testKey('admin')
const writer = testKey('writer')
const oracle = testKey('oracle')

export async function devnetRpc<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${DEVNET_URL}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stringifyLosslessJson(params) })
  const body = parseLosslessJson(await res.text()) as T & { success: boolean; error?: string }
  if (!body.success) throw new Error(`${method}: ${body.error ?? 'failed'}`)
  return body
}

const hex = (b: Uint8Array) => `0x${bytesToHex(b)}`

async function farm(): Promise<number> {
  const r = await devnetRpc<{ new_peak_height: number }>('farm_block', { address: owner.address })
  return Number(r.new_peak_height)
}

async function push(spends: CoinSpend[], keys: TestKey[]): Promise<number> {
  const bundle = signForDevnet(spends, keys.map((k) => k.secretKey))
  const r = await devnetRpc<{ status: string }>('push_tx', { spend_bundle: bundleToRpc(bundle) })
  if (r.status !== 'SUCCESS') throw new Error(`push_tx: ${r.status}`)
  return farm()
}

/** An unspent standard coin of the owner large enough for a mint (farms one when needed). */
async function ownerCoin(): Promise<Coin> {
  for (let i = 0; i < 3; i++) {
    const r = await devnetRpc<{ coin_records: RpcCoinRecord[] }>('get_coin_records_by_puzzle_hash', { puzzle_hash: hex(owner.puzzleHash) })
    const coins = r.coin_records.map((c) => coinRecordFromRpc(c).coin).filter((c) => c.amount > 1_000_000n)
    if (coins.length > 0) return coins[0]
    await farm()
  }
  throw new Error('the owner has no coins on the devnet')
}

const toDriverCoin = (c: Coin): driver.Coin => ({ parentCoinInfo: Buffer.from(c.parentCoinInfo), puzzleHash: Buffer.from(c.puzzleHash), amount: c.amount })
const fromDriverSpends = (spends: driver.CoinSpend[]): CoinSpend[] =>
  spends.map((s) => ({
    coin: { parentCoinInfo: new Uint8Array(s.coin.parentCoinInfo), puzzleHash: new Uint8Array(s.coin.puzzleHash), amount: s.coin.amount },
    puzzleReveal: new Uint8Array(s.puzzleReveal),
    solution: new Uint8Array(s.solution),
  }))

/** The K/V data of the store's current root, so a real `get_proof` can be made for it. */
export const FILES = [
  { key: 'readme.txt', value: 'hello from the e2e test' },
  { key: 'data/one.csv', value: 'a,b\n1,2\n' },
  { key: 'data/two.csv', value: 'c,d\n3,4\n' },
]
const tree = dataLayerMerkleTree(FILES.map((f) => ({ key: utf8ToBytes(f.key), value: utf8ToBytes(f.value) })))
const rootOf = (text: string) => Buffer.from(dataLayerMerkleTree([{ key: utf8ToBytes('v'), value: utf8ToBytes(text) }]).root)

export type DriverStore = {
  launcherId: string
  roots: string[]
  /** Confirmation height of each generation's coin. */
  heights: number[]
  creationHeight: number
  label: string
  bytes: bigint
  ownerAddress: string
  tipCoinId: string
  /** A valid `get_proof` JSON for the current root (keys readme.txt and data/one.csv). */
  proofJson: string
  /** An unspent standard coin id of the owner: a coin that is not a store. */
  plainCoinId: string
}

/** Mints with admin/writer/oracle delegates and updates as owner, admin and writer (driver bundles). */
export async function mintDriverStore(): Promise<DriverStore> {
  await farm()
  const delegated = [
    driver.adminDelegatedPuzzleFromKey(Buffer.from(admin.publicKey)),
    driver.writerDelegatedPuzzleFromKey(Buffer.from(writer.publicKey)),
    driver.oracleDelegatedPuzzle(Buffer.from(oracle.puzzleHash), 1000n),
  ]
  const label = 'E2E dataset v2'
  const roots = [rootOf('one'), rootOf('two'), rootOf('three'), Buffer.from(tree.root)]
  const heights: number[] = []
  const mint = driver.mintStore(Buffer.from(owner.publicKey), [toDriverCoin(await ownerCoin())], roots[0], 'E2E dataset', 'files for the e2e test', 1000n, Buffer.from(owner.puzzleHash), delegated, 0n)
  await push(fromDriverSpends(mint.coinSpends), [owner])
  let store = mint.newStore
  const coins = [store.coin]
  const steps: [() => driver.SuccessResponse, TestKey][] = [
    [() => driver.updateStoreMetadata(store, roots[1], label, 'files for the e2e test', 2048n, Buffer.from(owner.publicKey)), owner],
    [() => driver.updateStoreMetadata(store, roots[2], label, 'files for the e2e test', 2048n, undefined, Buffer.from(admin.publicKey)), admin],
    [() => driver.updateStoreMetadata(store, roots[3], label, 'files for the e2e test', 2048n, undefined, undefined, Buffer.from(writer.publicKey)), writer],
  ]
  for (const [build, key] of steps) {
    const r = build()
    await push(fromDriverSpends(r.coinSpends), [key])
    store = r.newStore
    coins.push(store.coin)
  }
  // Heights from the chain itself: the devnet may also farm on its own timer.
  for (const c of coins) heights.push((await devnetCoinRecord(bytesToHex(driver.getCoinId(c)))).confirmedBlockIndex)
  const creationHeight = (await devnetCoinRecord(bytesToHex(store.launcherId))).confirmedBlockIndex
  const launcherId = new Uint8Array(store.launcherId)
  const tip = coinId({ parentCoinInfo: new Uint8Array(store.coin.parentCoinInfo), puzzleHash: new Uint8Array(store.coin.puzzleHash), amount: store.coin.amount })
  // The state layer's inner puzzle (here the delegation layer), as Chia's get_proof reports it.
  const innerPuzzleHash = dataStoreInnerPuzzleHash(dataStoreIn(store as unknown as CompatDataStore))
  const proof = dataLayerProofToJson({
    storeId: launcherId,
    coinId: tip,
    innerPuzzleHash,
    proofs: [tree.proofOfInclusion(utf8ToBytes('readme.txt')), tree.proofOfInclusion(utf8ToBytes('data/one.csv'))],
  })
  return {
    launcherId: bytesToHex(launcherId),
    roots: roots.map((r) => `0x${r.toString('hex')}`),
    heights,
    creationHeight,
    label,
    bytes: 2048n,
    ownerAddress: owner.address,
    tipCoinId: `0x${bytesToHex(tip)}`,
    proofJson: JSON.stringify(proof, null, 2),
    plainCoinId: bytesToHex(coinId(await ownerCoin())),
  }
}

/** A vanilla store minted, updated once by its owner and melted (driver bundles). */
export async function mintAndMeltDriverStore(): Promise<{ launcherId: string; lastRoot: string; meltHeight: number }> {
  const roots = [rootOf('melt one'), rootOf('melt two')]
  const mint = driver.mintStore(Buffer.from(owner.publicKey), [toDriverCoin(await ownerCoin())], roots[0], 'Melted dataset', undefined, 10n, Buffer.from(owner.puzzleHash), [], 0n)
  await push(fromDriverSpends(mint.coinSpends), [owner])
  const update = driver.updateStoreMetadata(mint.newStore, roots[1], 'Melted dataset', undefined, 10n, Buffer.from(owner.publicKey))
  await push(fromDriverSpends(update.coinSpends), [owner])
  const last = update.newStore
  await push(fromDriverSpends(driver.meltStore(last, Buffer.from(owner.publicKey))), [owner])
  const meltHeight = (await devnetCoinRecord(bytesToHex(driver.getCoinId(last.coin)))).spentBlockIndex
  return { launcherId: bytesToHex(new Uint8Array(last.launcherId)), lastRoot: `0x${roots[1].toString('hex')}`, meltHeight }
}

const createCoin = (puzzleHash: Uint8Array, amount: bigint): Program => list([int(51), atom(puzzleHash), int(amount)])

/**
 * A store launched the way the Chia reference wallet does: launcher KV list `(root inner_ph)`,
 * no memos, so its coins carry no hint; the owner is a standard puzzle.
 */
export async function mintReferenceWalletStore(): Promise<{ launcherId: string; root: string; height: number }> {
  const funding = await ownerCoin()
  const root = rootOf('reference wallet')
  const launcher: Coin = { parentCoinInfo: coinId(funding), puzzleHash: SINGLETON_LAUNCHER_HASH, amount: 1n }
  const launcherId = coinId(launcher)
  const evePuzzleHash = dataLayerStorePuzzleHash({ launcherId, metadataHash: rootOnlyMetadataHash(root), innerPuzzleHash: owner.puzzleHash })
  const keyValueList = list([atom(root), atom(owner.puzzleHash)])
  const fundingSpend: CoinSpend = {
    coin: funding,
    puzzleReveal: programToBytes(standardPuzzle(owner.publicKey)),
    solution: programToBytes(standardSolution(list([createCoin(SINGLETON_LAUNCHER_HASH, 1n), createCoin(owner.puzzleHash, funding.amount - 1n)]))),
  }
  const launcherSpend: CoinSpend = {
    coin: launcher,
    puzzleReveal: programToBytes(SINGLETON_LAUNCHER),
    solution: programToBytes(launcherLayer.constructSolution({ singletonPuzzleHash: evePuzzleHash, amount: 1n, keyValueList })),
  }
  await push([fundingSpend, launcherSpend], [owner])
  const height = (await devnetCoinRecord(bytesToHex(launcherId))).confirmedBlockIndex
  return { launcherId: bytesToHex(launcherId), root: `0x${root.toString('hex')}`, height }
}

const COIN_RECORD_METHODS = new Set(['get_coin_record_by_name', 'get_coin_records_by_names', 'get_coin_records_by_hint', 'get_coin_records_by_parent_ids', 'get_coin_records_by_puzzle_hash'])

/**
 * A coinset-compatible endpoint on a free local port that forwards to the devnet but replaces
 * `puzzleHash` with `replacement` in every coin record it returns.
 */
export async function startTamperingUpstream(puzzleHash: Bytes32 | string, replacement: string): Promise<{ url: string; close: () => Promise<void> }> {
  const target = (typeof puzzleHash === 'string' ? puzzleHash : bytesToHex(puzzleHash)).replace(/^0x/, '').toLowerCase()
  const swap = replacement.replace(/^0x/, '').toLowerCase()
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type' }
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end()
      return
    }
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const method = (req.url ?? '/').replace(/^\/+/, '').split('?')[0]
    const upstream = await fetch(`${DEVNET_URL}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) })
    let text = await upstream.text()
    if (COIN_RECORD_METHODS.has(method)) text = text.split(target).join(swap)
    res.writeHead(upstream.status, { ...cors, 'content-type': 'application/json' }).end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // The browser keeps its connections alive; close() alone would wait for them.
        server.closeAllConnections()
      }),
  }
}

/** The coin record of `coinIdHex` straight from the devnet. */
export async function devnetCoinRecord(coinIdHex: string) {
  const r = await devnetRpc<{ coin_record: RpcCoinRecord }>('get_coin_record_by_name', { name: coinIdHex.startsWith('0x') ? coinIdHex : `0x${coinIdHex}` })
  return coinRecordFromRpc(r.coin_record)
}

export { hexToBytes }
