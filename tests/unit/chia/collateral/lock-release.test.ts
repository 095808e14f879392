import { describe, expect, it } from 'vitest'
import { programFromBytes, programToHex } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { signCoinSpends, verifySpendBundle } from '@/lib/chia/spends/sign-coin-spends'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { MAINNET_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import { aggSigMessage } from '@/lib/chia/spends/agg-sig'
import { ConditionOpcode } from '@/lib/chia/spends/condition-opcodes'
import type { LineageProof } from '@/lib/chia/layers/lineage-proof'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { NonStandardCoinError } from '@/lib/chia/cat/standard-cat-coin'
import { standardPuzzle, standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { standardLayer } from '@/lib/chia/layers/standard-layer'
import { spendCats } from '@/lib/chia/cat/cat-spend'
import { createCoinCondition } from '@/lib/chia/datastore/conditions'
import { ClvmRunError } from '@/lib/chia/clvm/runner'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import {
  type CollateralGeneration,
  collateralInnerPuzzle,
  collateralPuzzleHash,
  p2ParentSolution,
} from '@/lib/chia/collateral/collateral-puzzle'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { ZeroCollateralError, lockCollateral } from '@/lib/chia/collateral/lock-collateral'
import {
  CollateralOwnerMismatchError,
  NotCollateralCoinError,
  releaseCollateral,
} from '@/lib/chia/collateral/release-collateral'
import { InsufficientFundsError } from '@/lib/chia/datastore/data-store-errors'
import { bundleProblems, conditionsAsText, opcodeOf, runSpends, runner } from '../cat/spend-checker'
import { digCollateral } from './vectors'

const coinFromVector = (c: { parentCoinInfo: string; puzzleHash: string; amount: string }): Coin => ({
  parentCoinInfo: hexToBytes32(c.parentCoinInfo),
  puzzleHash: hexToBytes32(c.puzzleHash),
  amount: BigInt(c.amount),
})
const lineageFromVector = (l: { parentParentCoinInfo: string; parentInnerPuzzleHash: string; parentAmount: string }): LineageProof => ({
  parentParentCoinInfo: hexToBytes32(l.parentParentCoinInfo),
  parentInnerPuzzleHash: hexToBytes32(l.parentInnerPuzzleHash),
  parentAmount: BigInt(l.parentAmount),
})
const conditionNames = Object.fromEntries(Object.entries(ConditionOpcode).map(([k, v]) => [String(v), k]))
// The vector writes opcodes by name and amounts in decimal; normalise ours the same way.
function normalise(conditions: (string | string[])[][]) {
  return conditions.map((c) =>
    c.map((a, i) => {
      if (i === 0) return conditionNames[a as string] ?? a
      if (c[0] === '51' && i === 2) return BigInt(`0x${(a as string) || '0'}`).toString()
      return a
    }),
  )
}

const GENERATIONS: [CollateralGeneration, string][] = [
  ['v1', 'default_cat_maker_v1'],
  ['rue', 'default_cat_maker_rue'],
]

describe.each(GENERATIONS)('lock and release, generation %s', (generation, key) => {
  const v = digCollateral.spends[key]
  const pk = hexToBytes(v.owner.syntheticPublicKey)
  const sk = hexToBytes(v.owner.syntheticSecretKey)
  const launcherId = hexToBytes32(v.store.launcherId)
  const digCoin = coinFromVector(v.lock.digCoin)
  const catCoin = { coin: digCoin, lineageProof: lineageFromVector(v.lock.digCoinLineageProof), syntheticPublicKey: pk }

  const lock = lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 5000n, catCoins: [catCoin], generation })

  it('owner puzzle hashes match', () => {
    expect(bytesToHex(standardPuzzleHash(pk))).toBe(v.owner.innerPuzzleHash)
    expect(bytesToHex(catPuzzleHash(DIG_MAINNET_ASSET_ID, standardPuzzleHash(pk)))).toBe(v.owner.digCatPuzzleHash)
    expect(bytesToHex(coinId(digCoin))).toBe(v.lock.digCoin.coinId)
  })

  it('lock coin spend is byte-identical to the vector', () => {
    expect(lock.coinSpends).toHaveLength(1)
    const [cs] = lock.coinSpends
    expect(bytesToHex(cs.puzzleReveal)).toBe(v.lock.coinSpend.puzzle_reveal)
    expect(bytesToHex(cs.solution)).toBe(v.lock.coinSpend.solution)
    expect(bytesToHex(coinId(cs.coin))).toBe(v.lock.digCoin.coinId)
  })

  it('lock returns the collateral coin, its lineage proof and the change', () => {
    const c = v.collateralCoin
    expect(lock.collateral.coin).toEqual(coinFromVector(c))
    expect(bytesToHex(coinId(lock.collateral.coin))).toBe(c.coinId)
    expect(lock.collateral.lineageProof).toEqual(lineageFromVector(c.lineageProof))
    expect(bytesToHex(lock.collateral.hint)).toBe(v.store.collateralHint)
    expect(bytesToHex(lock.collateral.ownerPuzzleHash)).toBe(v.owner.innerPuzzleHash)
    expect(lock.change?.coin.amount).toBe(7345n)
    expect(bytesToHex(lock.change!.coin.puzzleHash)).toBe(v.owner.digCatPuzzleHash)
  })

  it('lock runs in clvm_rs to the vector conditions, cost and a closed CAT ring', () => {
    const ran = runSpends(lock.coinSpends)
    expect(normalise(conditionsAsText(ran[0].conditions))).toEqual(v.lock.conditions)
    expect(ran[0].cost.toString()).toBe(v.lock.cost)
    expect(bundleProblems(ran)).toEqual([])
  })

  it('lock AGG_SIG_ME message and signature match', () => {
    const [cs] = lock.coinSpends
    const ran = runSpends(lock.coinSpends)
    const aggSig = ran[0].conditions.find((c) => opcodeOf(c) === ConditionOpcode.AGG_SIG_ME)!
    const [, pkArg, msgArg] = conditionsAsText([aggSig])[0] as string[]
    expect(pkArg).toBe(v.lock.aggSigMe.publicKey)
    expect(msgArg).toBe(v.lock.aggSigMe.message)
    const full = aggSigMessage({ opcode: 50, message: hexToBytes(msgArg), coin: cs.coin, genesisChallenge: MAINNET_GENESIS_CHALLENGE })
    expect(bytesToHex(full)).toBe(v.lock.aggSigMe.fullMessageMainnet)
    const ctx = { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner }
    const aggregatedSignature = signCoinSpends(lock.coinSpends, [sk], ctx)
    expect(bytesToHex(aggregatedSignature)).toBe(v.lock.signature)
    expect(verifySpendBundle({ coinSpends: lock.coinSpends, aggregatedSignature }, ctx)).toBe(true)
  })

  const release = releaseCollateral({ assetId: DIG_MAINNET_ASSET_ID, collateral: lock.collateral, syntheticPublicKey: pk })

  it('release coin spend is byte-identical to the vector', () => {
    expect(release.coinSpends).toHaveLength(1)
    const [cs] = release.coinSpends
    const vc = v.release.coinSpend.coin
    expect(cs.coin).toEqual(coinFromVector({ parentCoinInfo: vc.parent_coin_info, puzzleHash: vc.puzzle_hash, amount: vc.amount }))
    expect(bytesToHex(cs.puzzleReveal)).toBe(v.release.coinSpend.puzzle_reveal)
    expect(bytesToHex(cs.solution)).toBe(v.release.coinSpend.solution)
  })

  it('release runs to the vector conditions and cost, including ASSERT_MY_PARENT_ID via coinid', () => {
    const ran = runSpends(release.coinSpends)
    expect(normalise(conditionsAsText(ran[0].conditions))).toEqual(v.release.conditions)
    expect(ran[0].cost.toString()).toBe(v.release.cost)
    expect(bundleProblems(ran)).toEqual([])
  })

  it('release AGG_SIG_ME message binds to the collateral coin and the signature matches', () => {
    const [cs] = release.coinSpends
    const full = aggSigMessage({
      opcode: 50,
      message: hexToBytes(v.release.aggSigMe.message),
      coin: cs.coin,
      genesisChallenge: MAINNET_GENESIS_CHALLENGE,
    })
    expect(bytesToHex(full)).toBe(v.release.aggSigMe.fullMessageMainnet)
    const ctx = { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner }
    const aggregatedSignature = signCoinSpends(release.coinSpends, [sk], ctx)
    expect(bytesToHex(aggregatedSignature)).toBe(v.release.signature)
    expect(verifySpendBundle({ coinSpends: release.coinSpends, aggregatedSignature }, ctx)).toBe(true)
  })

  it('release returns the DIG to the owner as a spendable CAT child', () => {
    expect(bytesToHex(release.returned.coin.puzzleHash)).toBe(v.owner.digCatPuzzleHash)
    expect(release.returned.coin.amount).toBe(5000n)
    expect(bytesToHex(release.returned.coin.parentCoinInfo)).toBe(v.collateralCoin.coinId)
  })
})

// The coin spends of the two generations differ only in the P2Parent cat maker.
describe('generations', () => {
  it('default generation is rue (f2ed90e7…)', () => {
    const v = digCollateral.spends.default_cat_maker_rue
    const lock = lockCollateral({
      assetId: DIG_MAINNET_ASSET_ID,
      launcherId: hexToBytes32(v.store.launcherId),
      amount: 5000n,
      catCoins: [
        {
          coin: coinFromVector(v.lock.digCoin),
          lineageProof: lineageFromVector(v.lock.digCoinLineageProof),
          syntheticPublicKey: hexToBytes(v.owner.syntheticPublicKey),
        },
      ],
    })
    expect(lock.collateral.generation).toBe('rue')
    expect(bytesToHex(lock.collateral.coin.puzzleHash)).toBe(v.collateralCoin.puzzleHash)
    expect(bytesToHex(lock.coinSpends[0].solution)).toBe(v.lock.coinSpend.solution)
  })
})

describe('lock and release with fees and several DIG coins', () => {
  const v = digCollateral.spends.default_cat_maker_rue
  const pk = hexToBytes(v.owner.syntheticPublicKey)
  const ownerPh = standardPuzzleHash(pk)
  const digPh = catPuzzleHash(DIG_MAINNET_ASSET_ID, ownerPh)
  // DIG coins whose parents were DIG coins of the same wallet (lineage proofs that CAT2 accepts).
  const mk = (b: number, amount: bigint) => {
    const lineageProof = { parentParentCoinInfo: new Uint8Array(32).fill(b), parentInnerPuzzleHash: ownerPh, parentAmount: 100_000n }
    const parentCoinInfo = coinId({ parentCoinInfo: lineageProof.parentParentCoinInfo, puzzleHash: digPh, amount: 100_000n })
    return { coin: { parentCoinInfo, puzzleHash: digPh, amount }, lineageProof, syntheticPublicKey: pk }
  }
  const catCoins = [mk(1, 3000n), mk(2, 2500n), mk(3, 10n)]
  const feeCoin = { coin: { parentCoinInfo: new Uint8Array(32).fill(9), puzzleHash: ownerPh, amount: 1_000_000n }, syntheticPublicKey: pk }
  const launcherId = new Uint8Array(32).fill(0x42)

  it('a three-coin lock with an XCH fee balances and ties every spend together', () => {
    const lock = lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 5400n, catCoins, fee: 300_000n, feeCoins: [feeCoin] })
    expect(lock.coinSpends).toHaveLength(4)
    const ran = runSpends(lock.coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    // each spend asserts the previous one (the first asserts the last)
    const ids = lock.coinSpends.map((cs) => bytesToHex(coinId(cs.coin)))
    ran.forEach((r, i) => {
      const asserted = conditionsAsText(r.conditions).filter((c) => c[0] === '64').map((c) => c[1])
      expect(asserted).toEqual([ids[(i + 3) % 4]])
    })
    const fee = conditionsAsText(ran[3].conditions).find((c) => c[0] === '52')!
    expect(BigInt(`0x${fee[1]}`)).toBe(300_000n)
    expect(lock.feeChangeCoin?.amount).toBe(700_000n)
    expect(lock.change?.coin.amount).toBe(110n)
    expect(bytesToHex(lock.collateral.coin.puzzleHash)).toBe(bytesToHex(collateralPuzzleHash(DIG_MAINNET_ASSET_ID, 'rue')))
    // the collateral parent is the first DIG coin
    expect(bytesToHex(lock.collateral.coin.parentCoinInfo)).toBe(ids[0])
    // one key signs every spend of the bundle (4 AGG_SIG_ME), and the bundle verifies
    const ctx = { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner }
    const aggregatedSignature = signCoinSpends(lock.coinSpends, [hexToBytes(v.owner.syntheticSecretKey)], ctx)
    expect(verifySpendBundle({ coinSpends: lock.coinSpends, aggregatedSignature }, ctx)).toBe(true)
    // tampering with one ring member breaks the ring
    const broken: CoinSpend[] = lock.coinSpends.filter((_, i) => i !== 1)
    expect(bundleProblems(runSpends(broken)).length).toBeGreaterThan(0)
  })

  it('release with a fee asserts the fee spend and vice versa', () => {
    const lock = lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 5000n, catCoins })
    const release = releaseCollateral({
      assetId: DIG_MAINNET_ASSET_ID,
      collateral: lock.collateral,
      syntheticPublicKey: pk,
      fee: 1000n,
      feeCoins: [feeCoin],
    })
    expect(release.coinSpends).toHaveLength(2)
    const ran = runSpends(release.coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    const text = ran.map((r) => conditionsAsText(r.conditions))
    expect(text[0].filter((c) => c[0] === '64').map((c) => c[1])).toEqual([bytesToHex(coinId(feeCoin.coin))])
    expect(text[1].filter((c) => c[0] === '64').map((c) => c[1])).toEqual([bytesToHex(coinId(lock.collateral.coin))])
  })

  it('rejects a zero amount, too little DIG, a fee without coins, and a non-standard DIG coin', () => {
    expect(() => lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 0n, catCoins })).toThrow(ZeroCollateralError)
    expect(() => lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 6000n, catCoins })).toThrow(InsufficientFundsError)
    expect(() => lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 1n, catCoins, fee: 1n })).toThrow(InsufficientFundsError)
    const clawbackLike = { ...catCoins[0], coin: { ...catCoins[0].coin, puzzleHash: catPuzzleHash(DIG_MAINNET_ASSET_ID, new Uint8Array(32).fill(5)) } }
    expect(() => lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 1n, catCoins: [clawbackLike] })).toThrow(NonStandardCoinError)
    // a coin of another asset at the wallet key is refused too
    expect(() => lockCollateral({ assetId: new Uint8Array(32).fill(3), launcherId, amount: 1n, catCoins })).toThrow(NonStandardCoinError)
  })

  it('release refuses a key that does not own the collateral and a coin of the wrong generation', () => {
    const lock = lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 5000n, catCoins })
    const otherPk = secretKeyToPublicKey(new Uint8Array(32).fill(1))
    expect(() => releaseCollateral({ assetId: DIG_MAINNET_ASSET_ID, collateral: lock.collateral, syntheticPublicKey: otherPk })).toThrow(
      CollateralOwnerMismatchError,
    )
    expect(() =>
      releaseCollateral({ assetId: DIG_MAINNET_ASSET_ID, collateral: { ...lock.collateral, generation: 'v1' }, syntheticPublicKey: pk }),
    ).toThrow(NotCollateralCoinError)
  })

  it('the chain rejects a release solved with another key', () => {
    const lock = lockCollateral({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 5000n, catCoins })
    const otherPk = secretKeyToPublicKey(new Uint8Array(32).fill(2))
    // 1. Forged lineage proof: CAT2 itself raises (parent is not the claimed CAT).
    const forged = releaseCollateral({
      assetId: DIG_MAINNET_ASSET_ID,
      collateral: { ...lock.collateral, lineageProof: { ...lock.collateral.lineageProof, parentInnerPuzzleHash: standardPuzzleHash(otherPk) } },
      syntheticPublicKey: otherPk,
    })
    expect(() => runSpends(forged.coinSpends)).toThrow(ClvmRunError)
    // 2. True lineage proof but another key's puzzle in the P2Parent solution: ASSERT_MY_PARENT_ID fails.
    const [cs] = spendCats(DIG_MAINNET_ASSET_ID, [
      {
        coin: lock.collateral.coin,
        innerPuzzle: collateralInnerPuzzle(DIG_MAINNET_ASSET_ID, 'rue'),
        innerSolution: p2ParentSolution({
          parentParentCoinInfo: lock.collateral.lineageProof.parentParentCoinInfo,
          parentAmount: lock.collateral.lineageProof.parentAmount,
          parentInnerPuzzle: standardPuzzle(otherPk),
          parentSolution: standardLayer.constructSolution([createCoinCondition(standardPuzzleHash(otherPk), 5000n)]),
        }),
        lineageProof: lock.collateral.lineageProof,
        outputAmount: 5000n,
      },
    ])
    const problems = bundleProblems(runSpends([cs]))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('ASSERT_MY_PARENT_ID')
  })
})

describe('release solution shape', () => {
  it('P2Parent solution is a proper 4-element list (cat_maker_solution nil)', () => {
    const v = digCollateral.spends.default_cat_maker_rue
    const solution = programFromBytes(hexToBytes(v.release.coinSpend.solution))
    const inner = solution.pair![0]
    let n = 0
    let cur = inner
    while (cur.pair) {
      n++
      cur = cur.pair[1]
    }
    expect(n).toBe(4)
    expect(programToHex(cur)).toBe('80')
    expect(bytesToHex(treeHash(inner.pair![1].pair![1].pair![0]))).toBe(v.owner.innerPuzzleHash)
  })
})

// The browser runs the reader with the pure-TS interpreter; it must agree with clvm_rs here.
describe('pure-TS runner agrees with clvm_rs on the collateral spends', () => {
  const ts = createTsRunner()
  it.each(GENERATIONS)('%s lock and release: same conditions and cost', (_generation, key) => {
    const v = digCollateral.spends[key]
    for (const step of ['lock', 'release'] as const) {
      const cs = v[step].coinSpend
      const puzzle = programFromBytes(hexToBytes(cs.puzzle_reveal))
      const solution = programFromBytes(hexToBytes(cs.solution))
      const a = ts.run(puzzle, solution)
      const b = runner.run(puzzle, solution)
      expect(programToHex(a.value)).toBe(programToHex(b.value))
      expect(a.cost).toBe(b.cost)
      expect(a.cost.toString()).toBe(v[step].cost)
    }
  })
})
