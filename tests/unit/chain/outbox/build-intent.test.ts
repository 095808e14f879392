import { describe, expect, it } from 'vitest'

import { buildIntent, MissingRoleError, NotEnoughXchError, walletKeyCoins } from '@/lib/chain/outbox/build-intent'
import { previewCoinSpends } from '@/lib/chain/preview/preview-coin-spends'
import { previewStoreChange } from '@/lib/chain/preview/preview-store-change'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { AdminCannotChangeOwnerError } from '@/lib/chia/datastore/data-store-errors'
import { equalBytes } from '@/lib/chia/primitives/bytes'

import { testKey, walletCoin } from '../preview/fixtures'

const runner = createTsRunner()
const owner = testKey(0)
const writer = testKey(1)
const admin = testKey(2)
const stranger = testKey(3)
const oracle = testKey(4)

const ownerWallet = walletKeyCoins([owner.publicKey], [walletCoin(owner.puzzleHash, 2_000_000n, 1)])
const mint = buildIntent(
  {
    kind: 'mint',
    rootHash: new Uint8Array(32),
    label: 'repo',
    bytes: 10n,
    ownerPuzzleHash: owner.puzzleHash,
    delegates: [
      { type: 'admin', innerPuzzleHash: admin.puzzleHash },
      { type: 'writer', innerPuzzleHash: writer.puzzleHash },
      { type: 'oracle', oraclePuzzleHash: oracle.puzzleHash, oracleFee: 100_000n },
    ],
    fee: 1_000n,
  },
  undefined,
  ownerWallet,
)
const store = mint.predicted.kind === 'mint' ? mint.predicted.next : undefined!

const preview = (built: ReturnType<typeof buildIntent>, walletPuzzleHashes: Uint8Array[]) => {
  const p = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes, storePuzzleHashes: built.storePuzzleHashes, maxWalletOutflow: built.maxWalletOutflow, maxFee: built.maxFee })
  const change = previewStoreChange(built.coinSpends, built.predicted, runner)
  return { p, change }
}

describe('buildIntent', () => {
  it('mint: the preview agrees with the builder and the limits', () => {
    const { p, change } = preview(mint, [owner.puzzleHash])
    expect(p.walletOutflow).toBe(1_001n)
    expect(change.kind).toBe('mint')
    expect(mint.expectedChildId && equalBytes(mint.expectedChildId, p.created.find((c) => c.owner === 'store')!.coinId)).toBe(true)
  })

  it('update picks the strongest role the wallet holds: writer for a writer-only wallet', () => {
    const writerWallet = walletKeyCoins([stranger.publicKey, writer.publicKey], [walletCoin(stranger.puzzleHash, 50_000n, 2)])
    const built = buildIntent({ kind: 'update', rootHash: new Uint8Array(32).fill(3), fee: 10_000n }, store, writerWallet)
    expect(built.role).toBe('writer')
    const { p, change } = preview(built, [stranger.puzzleHash, writer.puzzleHash])
    expect(p.walletOutflow).toBe(10_000n)
    expect(change.kind === 'update' && change.after.metadata.label).toBe('repo')
  })

  it('refuses what the wallet may not do, before building a doomed spend', () => {
    const strangerWallet = walletKeyCoins([stranger.publicKey], [walletCoin(stranger.puzzleHash, 50_000n, 2)])
    expect(() => buildIntent({ kind: 'update', rootHash: new Uint8Array(32), fee: 0n }, store, strangerWallet)).toThrow(MissingRoleError)
    expect(() => buildIntent({ kind: 'melt', fee: 0n }, store, walletKeyCoins([writer.publicKey], []))).toThrow(MissingRoleError)
    const adminWallet = walletKeyCoins([admin.publicKey], [])
    expect(() => buildIntent({ kind: 'ownership', newOwnerPuzzleHash: stranger.puzzleHash, delegates: [], fee: 0n }, store, adminWallet)).toThrow(MissingRoleError)
    expect(() => buildIntent({ kind: 'mint', rootHash: new Uint8Array(32), ownerPuzzleHash: owner.puzzleHash, delegates: [], fee: 5_000_000n }, undefined, ownerWallet)).toThrow(
      NotEnoughXchError,
    )
  })

  it('admin changes delegates; the chain rule against moving the owner is kept', () => {
    const adminWallet = walletKeyCoins([admin.publicKey], [])
    const built = buildIntent({ kind: 'ownership', delegates: [{ type: 'admin', innerPuzzleHash: admin.puzzleHash }], fee: 0n }, store, adminWallet)
    expect(built.role).toBe('admin')
    const { change } = preview(built, [admin.puzzleHash])
    expect(change.kind === 'update' && change.after.delegatedPuzzles).toHaveLength(1)
    expect(AdminCannotChangeOwnerError).toBeDefined()
  })

  it('oracle spend by anyone: the oracle fee and the fee leave the wallet', () => {
    const payer = walletKeyCoins([stranger.publicKey], [walletCoin(stranger.puzzleHash, 1_000_000n, 5)])
    const built = buildIntent({ kind: 'oracle', fee: 2_000n }, store, payer)
    expect(built.maxWalletOutflow).toBe(102_000n)
    const { p } = preview(built, [stranger.puzzleHash])
    expect(p.walletOutflow).toBe(102_000n)
    expect(p.paidToOthers).toBe(100_000n)
  })

  it('melt by the owner: nothing created, the mojo is fee', () => {
    const built = buildIntent({ kind: 'melt', fee: 0n }, store, ownerWallet)
    const { p, change } = preview(built, [owner.puzzleHash])
    expect(change.kind).toBe('melt')
    expect(p.fee).toBe(1n)
    expect(built.expectedChildId).toBeUndefined()
  })
})
