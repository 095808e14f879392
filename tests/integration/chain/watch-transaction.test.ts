import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { createRpcClient, type ChainClient } from '@/lib/chain/rpc-client'
import { spendBundleId } from '@/lib/chain/spend-bundle-id'
import type { TxState } from '@/lib/chain/tx-tracker'
import { submitSpendBundle, watchTransaction } from '@/lib/chain/watch-transaction'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { spendBundleName } from '@/lib/devnet/spend-bundle-name'

import { buildStore, key, startDevnetChain, type DevnetChain } from './devnet-store'

let chain: DevnetChain
let client: ChainClient
const owner = key('owner')
const runner = createClvmRsRunner()

beforeAll(async () => {
  chain = await startDevnetChain()
  client = createRpcClient(createHttpRpcCall({ baseUrl: chain.url }))
}, 60_000)
afterAll(async () => {
  await chain?.close()
})

const sign = (coinSpends: SpendBundle['coinSpends']): SpendBundle => ({
  coinSpends,
  aggregatedSignature: signCoinSpends(coinSpends, [owner.secretKey], { genesisChallenge: chain.devnet.genesisChallenge, runner, partial: true }),
})

describe('submit and watch on the devnet', () => {
  it('spendBundleId matches the id the node reports', () => {
    const built = buildStore(chain.devnet, { updates: 0 })
    const bundle = sign(updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(1) }).coinSpends)
    expect(bytesToHex(spendBundleId(bundle))).toBe(bytesToHex(spendBundleName(bundle)))
  })

  it('submitted → in mempool → confirmed at the wanted depth', async () => {
    const built = buildStore(chain.devnet, { updates: 1 })
    const r = updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(2) })
    const bundle = sign(r.coinSpends)
    const { txId, state } = await submitSpendBundle(client, bundle, Date.now)
    expect(state.status).toBe('in-mempool')
    const states: TxState[] = []
    let polls = 0
    const final = await watchTransaction(
      client,
      { txId, spentCoinId: coinId(built.store!.coin), expectedChildId: coinId(r.next.coin) },
      {
        now: Date.now,
        // Each "sleep" farms a block, so the test runs at chain speed.
        sleep: async () => {
          polls++
          chain.devnet.farmBlocks(1)
        },
        targetDepth: 3,
        onState: (s) => states.push(s),
      },
      state,
    )
    expect(final).toMatchObject({ status: 'confirmed', depth: 3 })
    expect(states.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed'])
    expect(polls).toBe(3)
  })

  it('reports a double spend with its reason', async () => {
    const built = buildStore(chain.devnet, { updates: 0 })
    const first = sign(updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(3) }).coinSpends)
    await submitSpendBundle(client, first, Date.now)
    chain.devnet.farmBlocks(1)
    const again = await submitSpendBundle(client, sign(updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(4) }).coinSpends), Date.now)
    expect(again.state.status).toBe('failed')
    expect(again.state).toMatchObject({ code: expect.stringMatching(/DOUBLE_SPEND|UNKNOWN_UNSPENT/) })
  })

  it('a store that moved on (spent by another bundle) is reported as replaced', async () => {
    const built = buildStore(chain.devnet, { updates: 0 })
    const mine = updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(5) })
    const theirs = sign(updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(6) }).coinSpends)
    chain.devnet.pushTx(theirs)
    chain.devnet.farmBlocks(1)
    const final = await watchTransaction(
      client,
      { txId: spendBundleId(sign(mine.coinSpends)), spentCoinId: coinId(built.store!.coin), expectedChildId: coinId(mine.next.coin) },
      { now: Date.now, sleep: async () => {} },
    )
    expect(final).toMatchObject({ status: 'failed', code: 'REPLACED' })
  })

  it('times out as still pending when nothing confirms', async () => {
    const built = buildStore(chain.devnet, { updates: 0 })
    const r = updateDataStore({ store: built.store!, spender: { role: 'owner', syntheticKey: owner.publicKey }, rootHash: new Uint8Array(32).fill(7) })
    let t = 0
    const { txId, state } = await submitSpendBundle(client, sign(r.coinSpends), () => t)
    const final = await watchTransaction(
      client,
      { txId, spentCoinId: coinId(built.store!.coin) },
      { now: () => t, sleep: async (ms) => void (t += ms), intervalMs: 30_000, timeoutMs: 120_000 },
      state,
    )
    expect(final).toMatchObject({ status: 'timed-out', inMempool: true })
    expect(t).toBe(120_000)
    chain.devnet.farmBlocks(1)
  })
})
