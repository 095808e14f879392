import { describe, expect, it } from 'vitest'
import { type Program, int, list, toBigint, toList } from '@/lib/chia/clvm/program'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import { standardPuzzle, standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { standardLayer } from '@/lib/chia/layers/standard-layer'
import type { LineageProof } from '@/lib/chia/layers/lineage-proof'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import {
  CatPuzzleHashMismatchError,
  CatRingUnbalancedError,
  CatTailConditionError,
  DuplicateCatCoinError,
  EmptyCatRingError,
  catInnerOutputAmount,
  spendCats,
} from '@/lib/chia/cat/cat-spend'
import { createCoinCondition } from '@/lib/chia/datastore/conditions'
import { MalformedConditionError } from '@/lib/chia/cat/parse-create-coins'
import { bundleProblems, conditionsAsText, runSpends, runner } from './spend-checker'
import { digCollateral } from '../collateral/vectors'

const assetId = new Uint8Array(32).fill(0xca)
const pk = hexToBytes(digCollateral.spends.default_cat_maker_rue.owner.syntheticPublicKey)
const innerPh = standardPuzzleHash(pk)
const ph = catPuzzleHash(assetId, innerPh)

function catCoin(seed: number, amount: bigint): { coin: Coin; lineageProof: LineageProof } {
  const lineageProof = { parentParentCoinInfo: new Uint8Array(32).fill(seed), parentInnerPuzzleHash: innerPh, parentAmount: 1000n }
  const parentCoinInfo = coinId({ parentCoinInfo: lineageProof.parentParentCoinInfo, puzzleHash: ph, amount: 1000n })
  return { coin: { parentCoinInfo, puzzleHash: ph, amount }, lineageProof }
}

function ringSpend(c: { coin: Coin; lineageProof: LineageProof }, outputs: bigint[]) {
  const conditions = outputs.map((a, i) => createCoinCondition(new Uint8Array(32).fill(0x10 + i + Number(c.coin.amount % 50n)), a))
  return {
    ...c,
    innerPuzzle: standardPuzzle(pk),
    innerSolution: standardLayer.constructSolution(conditions),
    outputAmount: outputs.reduce((s, a) => s + a, 0n),
  }
}

const solutionItems = (solution: Uint8Array): Program[] => toList(programFromBytes(solution))

describe('spendCats', () => {
  const a = catCoin(1, 100n)
  const b = catCoin(2, 200n)
  const c = catCoin(3, 300n)
  const spends = [ringSpend(a, [50n]), ringSpend(b, [400n, 50n]), ringSpend(c, [100n])]
  const coinSpends = spendCats(assetId, spends)

  it('links each coin to its neighbours with running subtotals', () => {
    const ids = [a, b, c].map((x) => bytesToHex(coinId(x.coin)))
    const items = coinSpends.map((cs) => solutionItems(cs.solution))
    // prev_coin_id wraps
    expect(items.map((i) => bytesToHex(i[2].atom!))).toEqual([ids[2], ids[0], ids[1]])
    // next_coin_proof = (parent, inner puzzle hash, amount) of the next coin
    expect(toList(items[0][4]).map((x) => bytesToHex(x.atom!))).toEqual([
      bytesToHex(b.coin.parentCoinInfo),
      bytesToHex(innerPh),
      '00c8',
    ])
    // subtotals: 0, 0 + (100 − 50), 50 + (200 − 450)
    expect(items.map((i) => toBigint(i[5]))).toEqual([0n, 50n, -200n])
    // extra_delta is 0 everywhere
    expect(items.every((i) => i[6].atom?.length === 0)).toBe(true)
  })

  it('runs in clvm_rs to a closed ring with morphed outputs', () => {
    const ran = runSpends(coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    const created = ran.flatMap((r) => conditionsAsText(r.conditions).filter((x) => x[0] === '51'))
    expect(created).toHaveLength(4)
    // every inner CREATE_COIN came out wrapped: its puzzle hash is CAT2(asset, inner)
    const innerOutputs = spends.flatMap((s) => conditionsAsText(toList(runner.run(s.innerPuzzle, s.innerSolution).value)))
    const expected = innerOutputs.filter((x) => x[0] === '51').map((x) => bytesToHex(catPuzzleHash(assetId, hexToBytes(x[1] as string))))
    expect(created.map((x) => x[1])).toEqual(expected)
  })

  it('a tampered subtotal breaks the ring', () => {
    const items = solutionItems(coinSpends[1].solution)
    items[5] = int(49)
    const tampered = [coinSpends[0], { ...coinSpends[1], solution: programToBytes(list(items)) }, coinSpends[2]]
    expect(bundleProblems(runSpends(tampered)).some((p) => p.includes('unmatched announcement'))).toBe(true)
  })

  it('a single coin is a ring of one pointing at itself', () => {
    const [cs] = spendCats(assetId, [ringSpend(a, [100n])])
    const items = solutionItems(cs.solution)
    expect(bytesToHex(items[2].atom!)).toBe(bytesToHex(coinId(a.coin)))
    expect(bundleProblems(runSpends([cs]))).toEqual([])
  })

  it('throws on an empty ring, imbalance, a wrong puzzle and duplicates', () => {
    expect(() => spendCats(assetId, [])).toThrow(EmptyCatRingError)
    expect(() => spendCats(assetId, [ringSpend(a, [99n])])).toThrow(CatRingUnbalancedError)
    expect(() => spendCats(new Uint8Array(32), [ringSpend(a, [100n])])).toThrow(CatPuzzleHashMismatchError)
    expect(() => spendCats(assetId, [ringSpend(a, [100n]), ringSpend(a, [100n])])).toThrow(DuplicateCatCoinError)
  })
})

describe('catInnerOutputAmount', () => {
  it('sums CREATE_COIN amounts of the inner puzzle', () => {
    const s = ringSpend(catCoin(4, 10n), [3n, 7n])
    expect(catInnerOutputAmount(runner, s.innerPuzzle, s.innerSolution)).toBe(10n)
  })
  it('refuses the TAIL magic amount', () => {
    const puzzle = list([int(1), list([int(51), int(0), int(-113)])]) // (q (51 0 -113))
    expect(() => catInnerOutputAmount(runner, puzzle, int(0))).toThrow(MalformedConditionError)
    const tail = list([int(1), list([int(51), { atom: new Uint8Array(32) }, int(-113)])])
    expect(() => catInnerOutputAmount(runner, tail, int(0))).toThrow(CatTailConditionError)
  })
})
