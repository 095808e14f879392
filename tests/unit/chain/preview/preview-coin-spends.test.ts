import { describe, expect, it } from 'vitest'

import { previewCoinSpends } from '@/lib/chain/preview/preview-coin-spends'
import {
  FeeExceedsAllowanceError,
  OutflowExceedsAllowanceError,
  RevealMismatchError,
  SpendWouldFailError,
} from '@/lib/chain/preview/preview-errors'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'
import { list, int } from '@/lib/chia/clvm/program'
import { writerDelegatedPuzzle, oracleDelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { oracleSpend } from '@/lib/chia/datastore/oracle-spend'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { equalBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

import { testKey, walletCoin } from './fixtures'

const owner = testKey(0)
const writer = testKey(1)
const payer = testKey(2)
const oracle = testKey(5)
const runners = [
  ['ts', createTsRunner()],
  ['clvm_rs', createClvmRsRunner()],
] as const

const mint = (fee = 1_000n) =>
  mintDataStore({
    minterSyntheticKey: owner.publicKey,
    coins: [walletCoin(owner.puzzleHash, 1_000_000n, 1), walletCoin(owner.puzzleHash, 500n, 2)],
    ownerPuzzleHash: owner.puzzleHash,
    label: 'docs',
    delegatedPuzzles: [writerDelegatedPuzzle(writer.publicKey), oracleDelegatedPuzzle(oracle.puzzleHash, 100_000n)],
    fee,
  })

describe.each(runners)('previewCoinSpends (%s runner)', (_name, runner) => {
  it('decodes a mint: wallet pays fee + 1 mojo, change comes back, the eve store is created', () => {
    const m = mint(1_000n)
    const p = previewCoinSpends(m.coinSpends, {
      runner,
      walletPuzzleHashes: [owner.puzzleHash],
      storePuzzleHashes: [m.next.coin.puzzleHash],
      maxWalletOutflow: 1_001n,
    })
    expect(p.fee).toBe(1_000n)
    expect(p.walletOutflow).toBe(1_001n)
    expect(p.paidToOthers).toBe(0n)
    expect(p.spent).toHaveLength(3)
    const launcher = p.spent.find((c) => c.ephemeral)
    expect(launcher && equalBytes(launcher.coinId, m.launcherId)).toBe(true)
    const change = p.created.find((c) => c.owner === 'wallet')
    expect(change?.coin.amount).toBe(1_000_500n - 1_001n)
    expect(p.created.some((c) => c.owner === 'store' && equalBytes(c.coinId, coinId(m.next.coin)))).toBe(true)
    expect(p.cost).toBeGreaterThan(0n)
  })

  it('refuses when more would leave the wallet than agreed', () => {
    const m = mint(1_000n)
    expect(() =>
      previewCoinSpends(m.coinSpends, { runner, walletPuzzleHashes: [owner.puzzleHash], maxWalletOutflow: 1_000n }),
    ).toThrow(OutflowExceedsAllowanceError)
  })

  it('refuses a fee above the agreed fee', () => {
    const m = mint(5_000n)
    expect(() =>
      previewCoinSpends(m.coinSpends, { runner, walletPuzzleHashes: [owner.puzzleHash], maxWalletOutflow: 10_000n, maxFee: 4_999n }),
    ).toThrow(FeeExceedsAllowanceError)
  })

  it('refuses a reveal that does not hash to its coin', () => {
    const m = mint()
    const tampered = m.coinSpends.map((cs, i) => (i === m.coinSpends.length - 1 ? { ...cs, coin: { ...cs.coin, puzzleHash: writer.puzzleHash } } : cs))
    expect(() => previewCoinSpends(tampered, { runner, walletPuzzleHashes: [owner.puzzleHash], maxWalletOutflow: 10n ** 12n })).toThrow(
      RevealMismatchError,
    )
  })

  it('refuses a spend that fails to run', () => {
    const m = mint()
    const last = m.coinSpends[m.coinSpends.length - 1]
    // A solution the standard puzzle rejects: (delegated_puzzle) without a valid shape.
    const broken = { ...last, solution: programToBytes(list([int(1)])) }
    expect(() =>
      previewCoinSpends([...m.coinSpends.slice(0, -1), broken], { runner, walletPuzzleHashes: [owner.puzzleHash], maxWalletOutflow: 10n ** 12n }),
    ).toThrow(SpendWouldFailError)
    expect(programFromBytes(broken.solution)).toBeDefined()
  })

  it('a writer update with a fee: only the fee leaves the wallet, the store is re-created', () => {
    const store = mint().next
    const u = updateDataStore({
      store,
      spender: { role: 'writer', syntheticKey: writer.publicKey },
      rootHash: new Uint8Array(32).fill(7),
      feePayment: { syntheticKey: payer.publicKey, coins: [walletCoin(payer.puzzleHash, 10_000n, 3)], fee: 2_500n },
    })
    const p = previewCoinSpends(u.coinSpends, {
      runner,
      walletPuzzleHashes: [payer.puzzleHash, writer.puzzleHash],
      storePuzzleHashes: [store.coin.puzzleHash, u.next.coin.puzzleHash],
      maxWalletOutflow: 2_500n,
      maxFee: 2_500n,
    })
    expect(p.fee).toBe(2_500n)
    expect(p.reservedFee).toBe(2_500n)
    expect(p.walletOutflow).toBe(2_500n)
    expect(p.created.filter((c) => c.owner === 'store')).toHaveLength(1)
  })

  it('an oracle spend pays the oracle fee to someone else', () => {
    const store = mint().next
    const o = oracleSpend({ spenderSyntheticKey: payer.publicKey, coins: [walletCoin(payer.puzzleHash, 1_000_000n, 4)], store, fee: 0n })
    const p = previewCoinSpends(o.coinSpends, {
      runner,
      walletPuzzleHashes: [payer.puzzleHash],
      storePuzzleHashes: [store.coin.puzzleHash, o.next.coin.puzzleHash],
      maxWalletOutflow: 100_000n,
    })
    expect(p.walletOutflow).toBe(100_000n)
    expect(p.paidToOthers).toBe(100_000n)
    expect(p.fee).toBe(0n)
  })

  it('a melt destroys the 1 mojo store coin as fee', () => {
    const store = mint().next
    const melt = meltDataStore({ store, ownerSyntheticKey: owner.publicKey })
    const p = previewCoinSpends(melt.coinSpends, { runner, walletPuzzleHashes: [owner.puzzleHash], storePuzzleHashes: [store.coin.puzzleHash], maxWalletOutflow: 0n, maxFee: 1n })
    expect(p.fee).toBe(1n)
    expect(p.created).toHaveLength(0)
    expect(p.walletOutflow).toBe(0n)
  })
})
