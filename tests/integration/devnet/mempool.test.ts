/**
 * Mempool behaviour of an in-process devnet (createDevnet + handleRpc, injected clock): conflicts,
 * Chia's replace-by-fee rule, PENDING for height locks and conflicts, expiry of items whose
 * ASSERT_BEFORE_* can no longer pass, fee-per-cost block ordering, automatic blocks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Coin } from '@/lib/chia/primitives/coin'
import { coinId } from '@/lib/chia/primitives/coin'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { ConditionOpcode as Op } from '@/lib/chia/spends/condition-opcodes'
import { type Devnet, createDevnet } from '@/lib/devnet/devnet'
import { MEMPOOL_MIN_FEE_INCREASE } from '@/lib/devnet/devnet-constants'
import { handleRpc } from '@/lib/devnet/rpc-handler'
import { spendBundleName } from '@/lib/devnet/spend-bundle-name'
import { bundleToRpc, cond, createCoin, signForDevnet, standardSpend, testKey } from './helpers'

const owner = testKey('owner')
const other = testKey('spender')

let devnet: Devnet
let now = Date.UTC(2026, 0, 1)
let coins: Coin[]

const push = (b: SpendBundle) => handleRpc(devnet, 'push_tx', { spend_bundle: bundleToRpc(b) })
const nameOf = (b: SpendBundle) => `0x${bytesToHex(spendBundleName(b))}`
const mempoolIds = () => devnet.rpc('get_all_mempool_tx_ids').tx_ids
const pay = (coin: Coin, fee: bigint, extra: ReturnType<typeof cond>[] = []) =>
  signForDevnet([standardSpend(coin, owner, [createCoin(other.puzzleHash, coin.amount - fee), cond(Op.RESERVE_FEE, fee), ...extra])], [owner.secretKey])

beforeEach(async () => {
  now = Date.UTC(2026, 0, 1)
  devnet = await createDevnet({ clock: () => now, autoFarm: false })
  devnet.farmBlocks(2, owner.puzzleHash)
  coins = devnet.coinStore.byPuzzleHashes([bytesToHex(owner.puzzleHash)], {}).map((r) => r.coin)
})
afterEach(() => devnet.stop())

describe('mempool', () => {
  it('keeps a conflicting bundle aside (PENDING) unless it replaces by fee', async () => {
    const [a, b] = coins
    const payBoth = (fee: bigint) =>
      signForDevnet(
        [
          standardSpend(a, owner, [createCoin(other.puzzleHash, a.amount + b.amount - fee), cond(Op.RESERVE_FEE, fee), cond(Op.ASSERT_CONCURRENT_SPEND, coinId(b))]),
          standardSpend(b, owner, []),
        ],
        [owner.secretKey],
      )
    const first = payBoth(0n)
    expect(push(first)).toMatchObject({ success: true, status: 'SUCCESS' })
    // Same coins, tiny fee: MEMPOOL_CONFLICT → PENDING, the original stays.
    expect(push(payBoth(1n))).toMatchObject({ success: true, status: 'PENDING' })
    // Higher fee per cost but below the minimum increase: PENDING.
    expect(push(payBoth(MEMPOOL_MIN_FEE_INCREASE - 1n))).toMatchObject({ status: 'PENDING' })
    // A large fee on a subset of the conflicting removals: not a superset, PENDING.
    expect(push(pay(a, 10n * MEMPOOL_MIN_FEE_INCREASE))).toMatchObject({ status: 'PENDING' })
    expect(mempoolIds()).toEqual([nameOf(first)])
    // Superset, higher fee per cost and at least the minimum increase: replaces.
    const rbf = payBoth(MEMPOOL_MIN_FEE_INCREASE)
    expect(push(rbf)).toMatchObject({ status: 'SUCCESS' })
    expect(mempoolIds()).toEqual([nameOf(rbf)])
    // A block confirms the replacement; the bundles kept aside now fail (DOUBLE_SPEND) and go.
    devnet.farmBlocks(1)
    expect(mempoolIds()).toEqual([])
    expect(devnet.mempool.conflicting.size).toBe(0)
    expect(devnet.coinStore.get(bytesToHex(coinId(a)))?.spentBlockIndex).toBe(devnet.peak.height)
    expect(devnet.peak.fees).toBe(MEMPOOL_MIN_FEE_INCREASE)
  })

  it('answers PENDING for a height lock and confirms once the height is reached', () => {
    const target = devnet.peak.height + 3
    const locked = pay(coins[0], 0n, [cond(Op.ASSERT_HEIGHT_ABSOLUTE, BigInt(target))])
    expect(push(locked)).toMatchObject({ success: true, status: 'PENDING' })
    expect(mempoolIds()).toEqual([])
    devnet.farmBlocks(2)
    expect(mempoolIds()).toEqual([])
    devnet.farmBlocks(1) // peak = target: now valid, enters the mempool
    expect(mempoolIds()).toEqual([nameOf(locked)])
    devnet.farmBlocks(1)
    expect(devnet.coinStore.get(bytesToHex(coinId(coins[0])))?.spentBlockIndex).toBe(target + 1)
  })

  it('rejects a seconds lock not reached yet and accepts it after advance_time', () => {
    const t = BigInt(Math.floor(now / 1000)) + 600n
    const locked = pay(coins[0], 0n, [cond(Op.ASSERT_SECONDS_ABSOLUTE, t)])
    expect(push(locked)).toMatchObject({ success: false, structuredError: { data: { error: 'ASSERT_SECONDS_ABSOLUTE_FAILED' } } })
    expect(handleRpc(devnet, 'advance_time', { seconds: 601 })).toMatchObject({ success: true })
    devnet.farmBlocks(1) // the lock is judged against the previous block's timestamp
    expect(push(locked)).toMatchObject({ success: true, status: 'SUCCESS' })
  })

  it('expires items whose ASSERT_BEFORE_SECONDS has passed', () => {
    const deadline = BigInt(Math.floor(now / 1000)) + 30n
    const b = pay(coins[0], 0n, [cond(Op.ASSERT_BEFORE_SECONDS_ABSOLUTE, deadline)])
    expect(push(b)).toMatchObject({ status: 'SUCCESS' })
    now += 60_000
    devnet.farmBlocks(1, other.puzzleHash, false) // a block without transactions moves time past the deadline
    expect(mempoolIds()).toEqual([])
    expect(devnet.coinStore.get(bytesToHex(coinId(coins[0])))?.spentBlockIndex).toBe(0)
  })

  it('orders a block by fee per cost and produces blocks automatically while the mempool is not empty', async () => {
    devnet.stop()
    devnet = await createDevnet({ clock: () => Date.now(), autoFarm: true, blockSeconds: 0.2 })
    devnet.farmBlocks(1, owner.puzzleHash)
    const [a, b] = devnet.coinStore.byPuzzleHashes([bytesToHex(owner.puzzleHash)], {}).map((r) => r.coin)
    const cheap = pay(a, 1n)
    const rich = pay(b, 1_000_000n)
    push(cheap)
    push(rich)
    const byRate = devnet.mempool.byFeeRate().map((i) => `0x${i.nameHex}`)
    expect(byRate).toEqual([nameOf(rich), nameOf(cheap)])
    const h = devnet.peak.height
    devnet.start()
    await new Promise((r) => setTimeout(r, 700))
    expect(devnet.peak.height).toBe(h + 1) // one block, then idle: nothing left to confirm
    expect(mempoolIds()).toEqual([])
  })
})
