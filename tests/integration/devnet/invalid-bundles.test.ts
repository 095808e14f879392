/**
 * The devnet process rejects invalid spend bundles with Chia's error names, leaves the coin set and
 * mempool untouched, and still accepts a valid bundle afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Program, NIL, int, list } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend, SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { ConditionOpcode as Op } from '@/lib/chia/spends/condition-opcodes'
import { MAINNET_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { DEVNET_GENESIS_CHALLENGE } from '@/lib/devnet/devnet-constants'
import { type DevnetProcess, startDevnetProcess } from '@/tests/support/devnet-process'
import {
  ANYONE_CAN_SPEND_HASH,
  INFINITY_SIGNATURE,
  acsSpend,
  cond,
  createCoin,
  hex,
  pushTx,
  signForDevnet,
  standardSpend,
  testKey,
  treeHash,
  unspentCoins,
} from './helpers'

const owner = testKey('owner')
const other = testKey('spender')
const RAISE = list([int(8)]) // (x): always fails
const RAISE_HASH = treeHash(RAISE)

let devnet: DevnetProcess
let acs: Coin[] = [] // anyone-can-spend coins confirmed at `acsHeight`
let acsHeight = 0
let acsTimestamp = 0n
let raiseCoin: Coin
let spentOwnerCoin: Coin
let ownerCoin: Coin

const bundle = (coinSpends: CoinSpend[], aggregatedSignature = INFINITY_SIGNATURE): SpendBundle => ({ coinSpends, aggregatedSignature })

async function snapshot(): Promise<string> {
  const coins = await devnet.rpc('get_coin_records_by_puzzle_hashes', {
    puzzle_hashes: [hex(owner.puzzleHash), hex(ANYONE_CAN_SPEND_HASH), hex(RAISE_HASH), hex(other.puzzleHash)],
    include_spent_coins: true,
  })
  const mempool = await devnet.rpc('get_all_mempool_tx_ids')
  const state = await devnet.rpc<{ blockchain_state: { peak: { height: number } } }>('get_blockchain_state')
  return JSON.stringify({ coins, mempool, height: state.blockchain_state.peak.height }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
}

beforeAll(async () => {
  devnet = await startDevnetProcess({ blockSeconds: 3600 })
  await devnet.rpc('set_auto_farming', { auto_farm: false })
  expect((await devnet.rpc('farm_block', { address: owner.address, blocks: 2 })).success).toBe(true)
  const coins = await unspentCoins(devnet, owner.puzzleHash)
  expect(coins.length).toBe(4)
  spentOwnerCoin = coins.find((c) => c.amount === 1_750_000_000_000n)!
  ownerCoin = coins.find((c) => c !== spentOwnerCoin && c.amount === 1_750_000_000_000n)!
  // Fan out into anyone-can-spend coins (amounts 1000..1009), one (x) coin, and change.
  const outputs = Array.from({ length: 10 }, (_, i) => createCoin(ANYONE_CAN_SPEND_HASH, 1000n + BigInt(i)))
  outputs.push(createCoin(RAISE_HASH, 7n))
  const spent = outputs.reduce((s, _c, i) => s + (i < 10 ? 1000n + BigInt(i) : 7n), 0n)
  outputs.push(createCoin(owner.puzzleHash, spentOwnerCoin.amount - spent))
  const setup = signForDevnet([standardSpend(spentOwnerCoin, owner, outputs)], [owner.secretKey])
  const pushed = await pushTx(devnet, setup)
  expect(pushed).toMatchObject({ success: true, status: 'SUCCESS' })
  await devnet.rpc('farm_block', { address: other.address, blocks: 1 })
  acs = (await unspentCoins(devnet, ANYONE_CAN_SPEND_HASH)).sort((a, b) => Number(a.amount - b.amount))
  expect(acs.length).toBe(10)
  raiseCoin = (await unspentCoins(devnet, RAISE_HASH))[0]
  const rec = await devnet.rpc<{ coin_record: { confirmed_block_index: number; timestamp: number } }>('get_coin_record_by_name', {
    name: hex(coinId(acs[0])),
  })
  acsHeight = rec.coin_record.confirmed_block_index
  acsTimestamp = BigInt(rec.coin_record.timestamp)
  // One more block so relative height locks on these coins have something to compare with.
  await devnet.rpc('farm_block', { address: other.address, blocks: 1 })
}, 120_000)

afterAll(async () => {
  await devnet?.stop({ removeDir: true })
})

const c0 = () => acs[0]
const c1 = () => acs[1]
const sendBack = (coin: Coin, extra: Program[] = []) => [createCoin(owner.puzzleHash, coin.amount), ...extra]

const cases: { err: string; build: () => SpendBundle }[] = [
  { err: 'INVALID_SPEND_BUNDLE', build: () => bundle([]) },
  {
    err: 'WRONG_PUZZLE_HASH',
    build: () => bundle([{ coin: c0(), puzzleReveal: programToBytes(int(2)), solution: programToBytes(NIL) }]),
  },
  {
    err: 'UNKNOWN_UNSPENT',
    build: () => bundle([acsSpend({ parentCoinInfo: sha256(new Uint8Array([9])), puzzleHash: ANYONE_CAN_SPEND_HASH, amount: 5n }, [])]),
  },
  { err: 'DOUBLE_SPEND', build: () => bundle([acsSpend(c0(), []), acsSpend(c0(), [])]) },
  {
    err: 'DOUBLE_SPEND',
    build: () => signForDevnet([standardSpend(spentOwnerCoin, owner, [createCoin(owner.puzzleHash, 1n)])], [owner.secretKey]),
  },
  { err: 'MINTING_COIN', build: () => bundle([acsSpend(c0(), [createCoin(owner.puzzleHash, c0().amount + 1n)])]) },
  {
    err: 'BAD_AGGREGATE_SIGNATURE',
    build: () => ({ ...signForDevnet([standardSpend(ownerCoin, owner, [createCoin(owner.puzzleHash, 1n)])], [owner.secretKey]), aggregatedSignature: INFINITY_SIGNATURE }),
  },
  {
    // Signed for mainnet: AGG_SIG_ME binds the genesis challenge, so the devnet must refuse it.
    err: 'BAD_AGGREGATE_SIGNATURE',
    build: () => signForDevnet([standardSpend(ownerCoin, owner, [createCoin(owner.puzzleHash, 1n)])], [owner.secretKey], MAINNET_GENESIS_CHALLENGE),
  },
  { err: 'ASSERT_ANNOUNCE_CONSUMED_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_COIN_ANNOUNCEMENT, sha256(new Uint8Array([1])))])]) },
  {
    err: 'ASSERT_ANNOUNCE_CONSUMED_FAILED',
    build: () =>
      bundle([
        acsSpend(c0(), [cond(Op.CREATE_PUZZLE_ANNOUNCEMENT, new Uint8Array([1])), cond(Op.ASSERT_PUZZLE_ANNOUNCEMENT, sha256(ANYONE_CAN_SPEND_HASH, new Uint8Array([2])))]),
      ]),
  },
  { err: 'ASSERT_SECONDS_ABSOLUTE_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_SECONDS_ABSOLUTE, 4_000_000_000n)])]) },
  { err: 'ASSERT_SECONDS_RELATIVE_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_SECONDS_RELATIVE, 1_000_000n)])]) },
  { err: 'ASSERT_BEFORE_HEIGHT_ABSOLUTE_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_BEFORE_HEIGHT_ABSOLUTE, 1n)])]) },
  { err: 'ASSERT_BEFORE_HEIGHT_RELATIVE_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_BEFORE_HEIGHT_RELATIVE, 1n)])]) },
  { err: 'ASSERT_BEFORE_SECONDS_ABSOLUTE_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_BEFORE_SECONDS_ABSOLUTE, 1000n)])]) },
  {
    err: 'IMPOSSIBLE_HEIGHT_ABSOLUTE_CONSTRAINTS',
    build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_HEIGHT_ABSOLUTE, 100n), cond(Op.ASSERT_BEFORE_HEIGHT_ABSOLUTE, 50n)])]),
  },
  { err: 'RESERVE_FEE_CONDITION_FAILED', build: () => bundle([acsSpend(c0(), [...sendBack(c0()), cond(Op.RESERVE_FEE, 1n)])]) },
  { err: 'BLOCK_COST_EXCEEDS_MAX', build: () => bundle([acsSpend(c0(), [cond(Op.SOFTFORK, 0x7fffffffn)])]) },
  { err: 'ASSERT_MY_COIN_ID_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_MY_COIN_ID, coinId(c1()))])]) },
  { err: 'ASSERT_MY_PARENT_ID_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_MY_PARENT_ID, coinId(c1()))])]) },
  { err: 'ASSERT_MY_PUZZLEHASH_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_MY_PUZZLEHASH, owner.puzzleHash)])]) },
  { err: 'ASSERT_MY_AMOUNT_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_MY_AMOUNT, c0().amount + 1n)])]) },
  { err: 'ASSERT_MY_BIRTH_HEIGHT_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_MY_BIRTH_HEIGHT, BigInt(acsHeight + 1))])]) },
  { err: 'ASSERT_MY_BIRTH_SECONDS_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_MY_BIRTH_SECONDS, acsTimestamp + 1n)])]) },
  { err: 'ASSERT_EPHEMERAL_FAILED', build: () => bundle([acsSpend(c0(), [list([int(Op.ASSERT_EPHEMERAL)])])]) },
  { err: 'ASSERT_CONCURRENT_SPEND_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_CONCURRENT_SPEND, coinId(c1()))])]) },
  { err: 'ASSERT_CONCURRENT_PUZZLE_FAILED', build: () => bundle([acsSpend(c0(), [cond(Op.ASSERT_CONCURRENT_PUZZLE, owner.puzzleHash)])]) },
  {
    // Sender commits to the receiver's coin id (mode 0b000111), but nobody receives it.
    err: 'MESSAGE_NOT_SENT_OR_RECEIVED',
    build: () => bundle([acsSpend(c0(), [cond(Op.SEND_MESSAGE, 0b000111n, new Uint8Array([1]), coinId(c1()))])]),
  },
  { err: 'INVALID_MESSAGE_MODE', build: () => bundle([acsSpend(c0(), [cond(Op.SEND_MESSAGE, 64n, new Uint8Array([1]))])]) },
  { err: 'DUPLICATE_OUTPUT', build: () => bundle([acsSpend(c0(), [createCoin(owner.puzzleHash, 1n), createCoin(owner.puzzleHash, 1n)])]) },
  // The singleton melt amount is consumed by the singleton layer; at consensus it is just negative.
  { err: 'COIN_AMOUNT_NEGATIVE', build: () => bundle([acsSpend(c0(), [createCoin(owner.puzzleHash, -113n)])]) },
  { err: 'COIN_AMOUNT_EXCEEDS_MAXIMUM', build: () => bundle([acsSpend(c0(), [createCoin(owner.puzzleHash, 1n << 64n)])]) },
  { err: 'INVALID_CONDITION', build: () => bundle([acsSpend(c0(), [cond(77, new Uint8Array([1]))])]) },
  { err: 'INVALID_CONDITION', build: () => bundle([acsSpend(c0(), [cond(Op.AGG_SIG_ME, new Uint8Array(47), new Uint8Array([1]))])]) },
  {
    // The identity key cannot sign anything.
    err: 'INVALID_CONDITION',
    build: () => bundle([acsSpend(c0(), [cond(Op.AGG_SIG_UNSAFE, new Uint8Array([0xc0, ...new Uint8Array(47)]), new Uint8Array([1]))])]),
  },
  {
    // AGG_SIG_UNSAFE whose message ends like an AGG_SIG_ME message of this network.
    err: 'INVALID_CONDITION',
    build: () => bundle([acsSpend(c0(), [cond(Op.AGG_SIG_UNSAFE, owner.publicKey, new Uint8Array([1, ...DEVNET_GENESIS_CHALLENGE]))])]),
  },
  { err: 'GENERATOR_RUNTIME_ERROR', build: () => bundle([{ coin: raiseCoin, puzzleReveal: programToBytes(RAISE), solution: programToBytes(NIL) }]) },
  {
    // A coin created in this bundle cannot carry a relative time lock.
    err: 'EPHEMERAL_RELATIVE_CONDITION',
    build: () => {
      const child: Coin = { parentCoinInfo: coinId(c0()), puzzleHash: ANYONE_CAN_SPEND_HASH, amount: c0().amount }
      return bundle([acsSpend(c0(), [createCoin(ANYONE_CAN_SPEND_HASH, c0().amount)]), acsSpend(child, [cond(Op.ASSERT_HEIGHT_RELATIVE, 1n)])])
    },
  },
]

describe('devnet rejects invalid bundles with Chia error names', () => {
  it('has at least 25 distinct error names', () => {
    expect(new Set(cases.map((c) => c.err)).size).toBeGreaterThanOrEqual(25)
  })

  it.each(cases.map((c, i) => [i, c.err, c] as const))('case %i: %s', async (_i, err, c) => {
    const before = await snapshot()
    const res = await pushTx(devnet, c.build())
    expect(res.success).toBe(false)
    expect(res.error).toContain(`error ${err}`)
    expect(res.structuredError).toMatchObject({ code: 'TRANSACTION_FAILED', data: { error: err } })
    expect(await snapshot()).toBe(before)
  })

  it('accepts a valid bundle using announcements, messages, concurrency and self-assertions afterwards', async () => {
    const a = c0()
    const b = c1()
    const message = new Uint8Array([42])
    const spendA = acsSpend(a, [
      createCoin(owner.puzzleHash, a.amount - 10n),
      cond(Op.CREATE_COIN_ANNOUNCEMENT, new Uint8Array([7])),
      cond(Op.SEND_MESSAGE, 0b111111n, message, coinId(b)),
      cond(Op.ASSERT_CONCURRENT_SPEND, coinId(b)),
      cond(Op.ASSERT_MY_COIN_ID, coinId(a)),
      cond(Op.ASSERT_MY_AMOUNT, a.amount),
      cond(Op.ASSERT_MY_BIRTH_HEIGHT, BigInt(acsHeight)),
      cond(Op.ASSERT_HEIGHT_RELATIVE, 1n),
      cond(Op.ASSERT_BEFORE_HEIGHT_RELATIVE, 1000n),
      cond(Op.REMARK, new Uint8Array([1, 2, 3])),
      cond(Op.RESERVE_FEE, 10n),
    ])
    const spendB = acsSpend(b, [
      createCoin(owner.puzzleHash, b.amount),
      cond(Op.ASSERT_COIN_ANNOUNCEMENT, sha256(coinId(a), new Uint8Array([7]))),
      cond(Op.RECEIVE_MESSAGE, 0b111111n, message, coinId(a)),
      cond(Op.ASSERT_CONCURRENT_PUZZLE, ANYONE_CAN_SPEND_HASH),
      cond(Op.ASSERT_MY_PARENT_ID, b.parentCoinInfo),
      cond(Op.ASSERT_MY_PUZZLEHASH, ANYONE_CAN_SPEND_HASH),
      cond(Op.ASSERT_MY_BIRTH_SECONDS, acsTimestamp),
      cond(Op.SOFTFORK, 1n),
    ])
    const res = await pushTx(devnet, bundle([spendA, spendB]))
    expect(res).toMatchObject({ success: true, status: 'SUCCESS' })
    const items = await devnet.rpc<{ mempool_items: { fee: number; cost: number }[] }>('get_mempool_items_by_coin_name', { coin_name: hex(coinId(a)) })
    expect(items.mempool_items).toHaveLength(1)
    expect(items.mempool_items[0].fee).toBe(10)
    const farmed = await devnet.rpc<{ new_peak_height: number }>('farm_block', { address: other.address })
    const rec = await devnet.rpc<{ coin_record: { spent_block_index: number } }>('get_coin_record_by_name', { name: hex(coinId(a)) })
    expect(rec.coin_record.spent_block_index).toBe(farmed.new_peak_height)
  })
})
