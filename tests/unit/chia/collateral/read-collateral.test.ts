import { describe, expect, it } from 'vitest'
import { atom, int, list, toList } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes, hexToBytes32, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { SETTLEMENT_PAYMENTS_MOD } from '@/lib/chia/puzzles/settlement-payments'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { spendCats } from '@/lib/chia/cat/cat-spend'
import { sendCat } from '@/lib/chia/cat/send-cat'
import { standardCoinSpend } from '@/lib/chia/layers/standard-layer'
import { createCoinCondition } from '@/lib/chia/datastore/conditions'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import {
  type CollateralGeneration,
  collateralInnerPuzzle,
  collateralInnerPuzzleHash,
  collateralPuzzleHash,
  p2ParentSolution,
} from '@/lib/chia/collateral/collateral-puzzle'
import { lockCollateralVault } from '@/lib/chia/collateral/collateral-vault'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { lockCollateral } from '@/lib/chia/collateral/lock-collateral'
import { countedCollateralAmount, readCollateral } from '@/lib/chia/collateral/read-collateral'
import { releaseCollateral } from '@/lib/chia/collateral/release-collateral'
import { bundleProblems, conditionsAsText, runSpends, runner } from '../cat/spend-checker'
import { digCollateral } from './vectors'

const v = digCollateral.spends.default_cat_maker_rue
const pk = hexToBytes(v.owner.syntheticPublicKey)
const ownerPh = standardPuzzleHash(pk)
const launcherId = hexToBytes32(v.store.launcherId)
const assetId = DIG_MAINNET_ASSET_ID
const vectorCatCoin = {
  coin: {
    parentCoinInfo: hexToBytes32(v.lock.digCoin.parentCoinInfo),
    puzzleHash: hexToBytes32(v.lock.digCoin.puzzleHash),
    amount: BigInt(v.lock.digCoin.amount),
  },
  lineageProof: {
    parentParentCoinInfo: hexToBytes32(v.lock.digCoinLineageProof.parentParentCoinInfo),
    parentInnerPuzzleHash: hexToBytes32(v.lock.digCoinLineageProof.parentInnerPuzzleHash),
    parentAmount: BigInt(v.lock.digCoinLineageProof.parentAmount),
  },
  syntheticPublicKey: pk,
}

const read = (coin: Coin, parentSpend: CoinSpend, id = launcherId, asset = assetId) =>
  readCollateral({ coin, parentSpend, assetId: asset, launcherId: id, runner })

describe.each(['v1', 'rue'] as CollateralGeneration[])('readCollateral: valid DIG coin, generation %s', (generation) => {
  const lock = lockCollateral({ assetId, launcherId, amount: 5000n, catCoins: [vectorCatCoin], generation })
  const vv = digCollateral.spends[generation === 'v1' ? 'default_cat_maker_v1' : 'default_cat_maker_rue']

  it('is counted, with owner, key, generation and lineage proof', () => {
    const r = read(lock.collateral.coin, lock.coinSpends[0])
    expect(r.counted).toBe(true)
    expect(r.reason).toBeUndefined()
    expect(r.kind).toBe('dig')
    expect(r.generation).toBe(generation)
    expect(r.amount).toBe(5000n)
    expect(bytesToHex(r.coinId)).toBe(vv.collateralCoin.coinId)
    expect(bytesToHex(r.ownerPuzzleHash!)).toBe(v.owner.innerPuzzleHash)
    expect(bytesToHex(r.syntheticPublicKey!)).toBe(v.owner.syntheticPublicKey)
    expect(r.lineageProof).toEqual(lock.collateral.lineageProof)
    expect(r.memos!.map(bytesToHex)).toEqual([v.store.collateralHint])
  })

  it('reading gives everything a release needs', () => {
    const r = read(lock.collateral.coin, lock.coinSpends[0])
    const release = releaseCollateral({
      assetId,
      collateral: { coin: r.coin, generation: r.generation!, lineageProof: r.lineageProof! },
      syntheticPublicKey: r.syntheticPublicKey!,
    })
    expect(bytesToHex(release.coinSpends[0].solution)).toBe(vv.release.coinSpend.solution)
  })
})

describe('readCollateral: rejections', () => {
  const lock = lockCollateral({ assetId, launcherId, amount: 5000n, catCoins: [vectorCatCoin] })
  const coin = lock.collateral.coin
  const parent = lock.coinSpends[0]

  it('parent record that is not the coin parent', () => {
    const r = read(coin, { ...parent, coin: { ...parent.coin, amount: parent.coin.amount + 1n } })
    expect(r).toMatchObject({ counted: false, reason: 'parentMismatch', kind: 'dig' })
  })

  it('tampered parent reveal (does not hash to the parent puzzle hash)', () => {
    const other = lockCollateral({
      assetId,
      launcherId,
      amount: 4000n,
      catCoins: [vectorCatCoin],
    })
    // same coin, but a reveal of a different puzzle (the collateral puzzle itself)
    const tampered = { ...parent, puzzleReveal: programToBytes(collateralInnerPuzzle(assetId, 'rue')) }
    expect(read(coin, tampered)).toMatchObject({ counted: false, reason: 'revealMismatch' })
    // a solution that makes the parent raise
    const bad = { ...parent, solution: programToBytes(list([int(1)])) }
    expect(read(coin, bad)).toMatchObject({ counted: false, reason: 'parentRunFailed' })
    // a different valid solution (locking 4000) that does not create this coin
    expect(read(coin, { ...parent, solution: other.coinSpends[0].solution })).toMatchObject({ counted: false, reason: 'outputNotFound' })
  })

  it('wrong output: a coin with another amount under the same parent', () => {
    const r = read({ ...coin, amount: 4999n }, parent)
    expect(r).toMatchObject({ counted: false, reason: 'outputNotFound' })
  })

  it('hint of another store', () => {
    const r = read(coin, parent, new Uint8Array(32).fill(0xee))
    expect(r).toMatchObject({ counted: false, reason: 'hintMismatch' })
  })

  it('parent of another asset (CAT2 collateral of asset X is not DIG)', () => {
    const otherAsset = new Uint8Array(32).fill(0x0a)
    const xPh = catPuzzleHash(otherAsset, ownerPh)
    const lp = { parentParentCoinInfo: new Uint8Array(32).fill(4), parentInnerPuzzleHash: ownerPh, parentAmount: 9000n }
    const xCoin = { coin: { parentCoinInfo: coinId({ parentCoinInfo: lp.parentParentCoinInfo, puzzleHash: xPh, amount: 9000n }), puzzleHash: xPh, amount: 9000n }, lineageProof: lp, syntheticPublicKey: pk }
    const fake = lockCollateral({ assetId: otherAsset, launcherId, amount: 5000n, catCoins: [xCoin] })
    expect(bundleProblems(runSpends(fake.coinSpends))).toEqual([])
    const r = read(fake.collateral.coin, fake.coinSpends[0])
    expect(r).toMatchObject({ counted: false, reason: 'wrongAsset', kind: 'unknown' })
  })

  it('XCH sent straight to the DIG collateral puzzle hash with the right hint', () => {
    const xchCoin = { coin: { parentCoinInfo: new Uint8Array(32).fill(6), puzzleHash: ownerPh, amount: 5000n }, syntheticPublicKey: pk }
    const ph = collateralPuzzleHash(assetId, 'rue')
    const spend = standardCoinSpend(xchCoin.coin, xchCoin.syntheticPublicKey, [createCoinCondition(ph, 5000n, [collateralHint(launcherId)])])
    const r = read({ parentCoinInfo: coinId(xchCoin.coin), puzzleHash: ph, amount: 5000n }, spend)
    expect(r).toMatchObject({ counted: false, reason: 'parentNotCat', kind: 'dig' })
  })

  it('DIG at an unrelated puzzle hash under the hint', () => {
    const sent = sendCat({
      assetId,
      catCoins: [vectorCatCoin],
      outputs: [{ puzzleHash: new Uint8Array(32).fill(0x33), amount: 100n, memos: [collateralHint(launcherId)] }],
      changePuzzleHash: ownerPh,
    })
    const r = read(sent.outputs[0].coin, sent.coinSpends[0])
    expect(r).toMatchObject({ counted: false, reason: 'unknownPuzzle', kind: 'unknown' })
  })

  it('selects by coin id when one spend creates several collateral coins', () => {
    const inner = collateralInnerPuzzleHash(assetId, 'rue')
    const otherHint = collateralHint(new Uint8Array(32).fill(0x77))
    const sent = sendCat({
      assetId,
      catCoins: [vectorCatCoin],
      outputs: [
        { puzzleHash: inner, amount: 1000n, memos: [otherHint] },
        { puzzleHash: inner, amount: 2000n, memos: [collateralHint(launcherId)] },
      ],
      changePuzzleHash: ownerPh,
    })
    const [first, second] = sent.outputs
    expect(read(second.coin, sent.coinSpends[0])).toMatchObject({ counted: true, amount: 2000n })
    // the first output belongs to another store: not counted for ours
    expect(read(first.coin, sent.coinSpends[0])).toMatchObject({ counted: false, reason: 'hintMismatch' })
  })
})

describe('readCollateral: vaults', () => {
  it('recomputes the vault puzzle hash from the memos', () => {
    const lock = lockCollateralVault({ assetId, launcherId, amount: 3000n, unlockTime: 1_900_000_000n, catCoins: [vectorCatCoin] })
    const r = read(lock.vault.coin, lock.coinSpends[0])
    expect(r).toMatchObject({ counted: true, kind: 'vault', amount: 3000n, unlockTime: 1_900_000_000n })
    expect(bytesToHex(r.ownerPuzzleHash!)).toBe(v.owner.innerPuzzleHash)
    expect(countedCollateralAmount([r, read({ ...lock.vault.coin, amount: 1n }, lock.coinSpends[0])])).toBe(3000n)
  })
})

describe('settlement-parent warning (settlementParentWarning vector)', () => {
  const w = digCollateral.settlementParentWarning
  const nonce = sha256(utf8ToBytes('nonce'))
  const attackerPh = hexToBytes32(w.conditions[2][1])
  const settlementSolution = list([list([atom(nonce), list([atom(attackerPh), int(5000)])])])

  it('P2Parent with a settlement_payments parent releases to anyone, with no signature', () => {
    expect(bytesToHex(treeHash(SETTLEMENT_PAYMENTS_MOD))).toBe(w.settlementPaymentsModHash)
    for (const generation of ['v1', 'rue'] as CollateralGeneration[]) {
      const solution = p2ParentSolution({
        parentParentCoinInfo: sha256(utf8ToBytes('pp')),
        parentAmount: 5000n,
        parentInnerPuzzle: SETTLEMENT_PAYMENTS_MOD,
        parentSolution: settlementSolution,
      })
      const { value } = runner.run(collateralInnerPuzzle(assetId, generation), solution)
      const text = conditionsAsText(toList(value))
      expect(text).toEqual([
        ['71', w.conditions[0][1]],
        ['62', w.conditions[1][1]],
        ['51', w.conditions[2][1], '1388'],
      ])
    }
  })

  it('a reader flags such a coin as not counted (non-standard owner)', () => {
    // A real chain: DIG coin (settlement inner) → collateral coin, then anyone releases it.
    const settlePh = catPuzzleHash(assetId, treeHash(SETTLEMENT_PAYMENTS_MOD))
    const lp = { parentParentCoinInfo: new Uint8Array(32).fill(5), parentInnerPuzzleHash: ownerPh, parentAmount: 5000n }
    const parentCoin = { parentCoinInfo: coinId({ parentCoinInfo: lp.parentParentCoinInfo, puzzleHash: catPuzzleHash(assetId, ownerPh), amount: 5000n }), puzzleHash: settlePh, amount: 5000n }
    const inner = collateralInnerPuzzleHash(assetId, 'rue')
    const payment = list([atom(nonce), list([atom(inner), int(5000), list([atom(collateralHint(launcherId))])])])
    const [parentSpend] = spendCats(assetId, [
      { coin: parentCoin, innerPuzzle: SETTLEMENT_PAYMENTS_MOD, innerSolution: list([payment]), lineageProof: lp, outputAmount: 5000n },
    ])
    const collateralCoin = { parentCoinInfo: coinId(parentCoin), puzzleHash: collateralPuzzleHash(assetId, 'rue'), amount: 5000n }
    const r = read(collateralCoin, parentSpend)
    expect(r).toMatchObject({ counted: false, reason: 'nonStandardOwner', kind: 'dig', generation: 'rue' })
    expect(bytesToHex(r.ownerPuzzleHash!)).toBe(w.settlementPaymentsModHash)

    // …and anyone can take it: the release has no AGG_SIG and pays the attacker.
    const [steal] = spendCats(assetId, [
      {
        coin: collateralCoin,
        innerPuzzle: collateralInnerPuzzle(assetId, 'rue'),
        innerSolution: p2ParentSolution({
          parentParentCoinInfo: parentCoin.parentCoinInfo,
          parentAmount: 5000n,
          parentInnerPuzzle: SETTLEMENT_PAYMENTS_MOD,
          parentSolution: settlementSolution,
        }),
        lineageProof: r.lineageProof!,
        outputAmount: 5000n,
      },
    ])
    const ran = runSpends([steal])
    expect(bundleProblems(ran)).toEqual([])
    const ops = conditionsAsText(ran[0].conditions).map((c) => c[0])
    expect(ops).not.toContain('50')
    expect(conditionsAsText(ran[0].conditions).find((c) => c[0] === '51')![1]).toBe(bytesToHex(catPuzzleHash(assetId, attackerPh)))
  })
})
