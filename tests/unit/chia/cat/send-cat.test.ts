import { describe, expect, it } from 'vitest'
import { atom, int, list, toList } from '@/lib/chia/clvm/program'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import { MAINNET_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { signCoinSpends, verifySpendBundle } from '@/lib/chia/spends/sign-coin-spends'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { catLineageProof, catLineageProofFromParentSpend, ParentNotCatError, PuzzleRevealMismatchError } from '@/lib/chia/cat/cat-lineage'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { createCoinCondition } from '@/lib/chia/datastore/conditions'
import { parseCreateCoins } from '@/lib/chia/cat/parse-create-coins'
import { InsufficientFundsError } from '@/lib/chia/datastore/data-store-errors'
import { DuplicateOutputError, NoCatCoinsError, sendCat } from '@/lib/chia/cat/send-cat'
import {
  NonStandardCoinError,
  WrongCatAssetError,
  assertStandardCoin,
  standardCatCoinFromPuzzle,
} from '@/lib/chia/cat/standard-cat-coin'
import { collateralPuzzle } from '@/lib/chia/collateral/collateral-puzzle'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { standardCoinSpend } from '@/lib/chia/layers/standard-layer'
import { bundleProblems, conditionsAsText, runSpends, runner } from './spend-checker'
import { digCollateral } from '../collateral/vectors'

const v = digCollateral.spends.default_cat_maker_rue
const sk = hexToBytes(v.owner.syntheticSecretKey)
const pk = hexToBytes(v.owner.syntheticPublicKey)
const ownerPh = standardPuzzleHash(pk)
const assetId = DIG_MAINNET_ASSET_ID
const digPh = catPuzzleHash(assetId, ownerPh)
const vectorCoin: Coin = {
  parentCoinInfo: hexToBytes32(v.lock.digCoin.parentCoinInfo),
  puzzleHash: hexToBytes32(v.lock.digCoin.puzzleHash),
  amount: 12345n,
}
const vectorLineage = {
  parentParentCoinInfo: hexToBytes32(v.lock.digCoinLineageProof.parentParentCoinInfo),
  parentInnerPuzzleHash: hexToBytes32(v.lock.digCoinLineageProof.parentInnerPuzzleHash),
  parentAmount: 99999n,
}
const catCoin = { coin: vectorCoin, lineageProof: vectorLineage, syntheticPublicKey: pk }
const alice = new Uint8Array(32).fill(0xa1)
const bob = new Uint8Array(32).fill(0xb0)

describe('sendCat', () => {
  it('sends to several recipients with memos, returns hinted change, and the children are spendable', () => {
    const sent = sendCat({
      assetId,
      catCoins: [catCoin],
      outputs: [
        { puzzleHash: alice, amount: 1000n, memos: [alice] },
        { puzzleHash: bob, amount: 345n, memos: [bob, new TextEncoder().encode('thanks')] },
      ],
      changePuzzleHash: ownerPh,
    })
    const ran = runSpends(sent.coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    const created = conditionsAsText(ran[0].conditions).filter((c) => c[0] === '51')
    expect(created).toEqual([
      ['51', bytesToHex(catPuzzleHash(assetId, alice)), '03e8', [bytesToHex(alice)]],
      ['51', bytesToHex(catPuzzleHash(assetId, bob)), '0159', [bytesToHex(bob), bytesToHex(new TextEncoder().encode('thanks'))]],
      ['51', bytesToHex(digPh), '2af8', [bytesToHex(ownerPh)]],
    ])
    expect(sent.outputs.map((o) => o.coin.amount)).toEqual([1000n, 345n])
    expect(sent.change?.coin.amount).toBe(11000n)
    // the children's lineage proof is what CAT2 derives from this spend
    const fromParent = catLineageProofFromParentSpend(sent.coinSpends[0])
    expect(fromParent.lineageProof).toEqual(sent.change!.lineageProof)
    expect(bytesToHex(fromParent.assetId)).toBe(bytesToHex(assetId))
    // …and spending the change with that proof is accepted by CAT2
    const again = sendCat({ assetId, catCoins: [{ coin: sent.change!.coin, lineageProof: sent.change!.lineageProof, syntheticPublicKey: pk }], outputs: [{ puzzleHash: alice, amount: 11000n }], changePuzzleHash: ownerPh })
    expect(again.change).toBeUndefined()
    expect(bundleProblems(runSpends(again.coinSpends))).toEqual([])
  })

  it('with an XCH fee: RESERVE_FEE, XCH change and ASSERT_CONCURRENT_SPEND both ways; signable', () => {
    const feeCoin = { coin: { parentCoinInfo: new Uint8Array(32).fill(7), puzzleHash: ownerPh, amount: 5_000_000n }, syntheticPublicKey: pk }
    const sent = sendCat({ assetId, catCoins: [catCoin], outputs: [{ puzzleHash: alice, amount: 12345n }], changePuzzleHash: ownerPh, fee: 1_000_000n, feeCoins: [feeCoin] })
    expect(sent.coinSpends).toHaveLength(2)
    const ran = runSpends(sent.coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    const fee = conditionsAsText(ran[1].conditions)
    expect(fee.find((c) => c[0] === '52')).toEqual(['52', '0f4240'])
    expect(fee.find((c) => c[0] === '51')).toEqual(['51', bytesToHex(ownerPh), '3d0900'])
    expect(fee.find((c) => c[0] === '64')).toEqual(['64', bytesToHex(coinId(vectorCoin))])
    expect(conditionsAsText(ran[0].conditions).find((c) => c[0] === '64')).toEqual(['64', bytesToHex(coinId(feeCoin.coin))])
    expect(sent.feeChangeCoin).toEqual({ parentCoinInfo: coinId(feeCoin.coin), puzzleHash: ownerPh, amount: 4_000_000n })
    const ctx = { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner }
    const aggregatedSignature = signCoinSpends(sent.coinSpends, [sk], ctx)
    expect(verifySpendBundle({ coinSpends: sent.coinSpends, aggregatedSignature }, ctx)).toBe(true)
  })

  it('refuses empty input, overspending, duplicate outputs and foreign coins', () => {
    const base = { assetId, outputs: [{ puzzleHash: alice, amount: 1n }], changePuzzleHash: ownerPh }
    expect(() => sendCat({ ...base, catCoins: [] })).toThrow(NoCatCoinsError)
    expect(() => sendCat({ ...base, catCoins: [catCoin], outputs: [{ puzzleHash: alice, amount: -1n }] })).toThrow(/between 0/)
    expect(() => sendCat({ ...base, catCoins: [catCoin], outputs: [{ puzzleHash: alice, amount: 12346n }] })).toThrow(InsufficientFundsError)
    expect(() =>
      sendCat({ ...base, catCoins: [catCoin], outputs: [{ puzzleHash: alice, amount: 1n }, { puzzleHash: alice, amount: 1n }] }),
    ).toThrow(DuplicateOutputError)
    const foreign = { ...catCoin, syntheticPublicKey: new Uint8Array(48).fill(1) }
    expect(() => sendCat({ ...base, catCoins: [foreign] })).toThrow(NonStandardCoinError)
    const badFee = { coin: { parentCoinInfo: new Uint8Array(32), puzzleHash: alice, amount: 10n }, syntheticPublicKey: pk }
    expect(() => sendCat({ ...base, catCoins: [catCoin], fee: 1n, feeCoins: [badFee] })).toThrow(NonStandardCoinError)
    expect(() => assertStandardCoin(badFee)).toThrow(NonStandardCoinError)
  })
})

describe('standardCatCoinFromPuzzle (CHIP-0002 getAssetCoins gives the full reveal)', () => {
  it('reads the synthetic key from a standard-inner DIG coin', () => {
    const c = standardCatCoinFromPuzzle({ assetId, coin: vectorCoin, puzzleReveal: hexToBytes(v.lock.coinSpend.puzzle_reveal), lineageProof: vectorLineage })
    expect(bytesToHex(c.syntheticPublicKey)).toBe(v.owner.syntheticPublicKey)
  })
  it('refuses a non-standard inner puzzle, another asset and a reveal of another coin', () => {
    const p2Parent = collateralPuzzle(assetId, 'rue')
    const coin = { ...vectorCoin, puzzleHash: treeHash(p2Parent) }
    expect(() => standardCatCoinFromPuzzle({ assetId, coin, puzzleReveal: p2Parent, lineageProof: vectorLineage })).toThrow(NonStandardCoinError)
    expect(() =>
      standardCatCoinFromPuzzle({ assetId: new Uint8Array(32), coin: vectorCoin, puzzleReveal: hexToBytes(v.lock.coinSpend.puzzle_reveal), lineageProof: vectorLineage }),
    ).toThrow(WrongCatAssetError)
    expect(() => standardCatCoinFromPuzzle({ assetId, coin: { ...vectorCoin, puzzleHash: alice }, puzzleReveal: hexToBytes(v.lock.coinSpend.puzzle_reveal), lineageProof: vectorLineage })).toThrow(
      NonStandardCoinError,
    )
  })
})

describe('catLineageProofFromParentSpend', () => {
  const parentSpend = { coin: vectorCoin, puzzleReveal: hexToBytes(v.lock.coinSpend.puzzle_reveal), solution: hexToBytes(v.lock.coinSpend.solution) }
  it('gives the collateral coin lineage proof of the vector', () => {
    const { lineageProof } = catLineageProofFromParentSpend(parentSpend)
    expect(bytesToHex(lineageProof.parentParentCoinInfo)).toBe(v.collateralCoin.lineageProof.parentParentCoinInfo)
    expect(bytesToHex(lineageProof.parentInnerPuzzleHash)).toBe(v.collateralCoin.lineageProof.parentInnerPuzzleHash)
    expect(lineageProof.parentAmount).toBe(BigInt(v.collateralCoin.lineageProof.parentAmount))
    expect(catLineageProof(vectorCoin, ownerPh)).toEqual(lineageProof)
  })
  it('refuses a reveal that is not the coin puzzle, and a non-CAT parent', () => {
    expect(() => catLineageProofFromParentSpend({ ...parentSpend, coin: { ...vectorCoin, puzzleHash: alice } })).toThrow(PuzzleRevealMismatchError)
    const xch = standardCoinSpend({ parentCoinInfo: alice, puzzleHash: ownerPh, amount: 1n }, pk, [])
    expect(() => catLineageProofFromParentSpend(xch)).toThrow(ParentNotCatError)
  })
})

describe('parseCreateCoins', () => {
  it('omits empty memos and round-trips', () => {
    expect(bytesToHex(programToBytes(createCoinCondition(alice, 1n)))).toBe(`ff33ffa0${bytesToHex(alice)}ff0180`)
    const conditions = programFromBytes(
      programToBytes({ pair: [createCoinCondition(alice, 1000n, [alice, new Uint8Array([1, 2])]), { pair: [createCoinCondition(bob, 0n), { atom: new Uint8Array() }] }] }),
    )
    expect(parseCreateCoins(conditions)).toEqual([
      { puzzleHash: alice, amount: 1000n, memos: [alice, new Uint8Array([1, 2])] },
      { puzzleHash: bob, amount: 0n, memos: [] },
    ])
  })
  it('skips other conditions and treats non-atom memos as none', () => {
    // ((70 1) (51 alice 1 ((1))))
    const p = list([list([int(70), int(1)]), list([int(51), atom(alice), int(1), list([list([int(1)])])])])
    expect(toList(p)).toHaveLength(2)
    expect(parseCreateCoins(p)).toEqual([{ puzzleHash: alice, amount: 1n, memos: [] }])
  })
})
