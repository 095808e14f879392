/**
 * Sends CAT2 value from the wallet's standard-inner CAT coins: the first coin creates every output
 * and the change (hinted to the change puzzle hash), the others only join the ring. An optional XCH
 * fee comes from separate standard coins; all spends are tied with ASSERT_CONCURRENT_SPEND.
 * Mirrors chia-wallet-sdk `Action::send` + `Action::fee` with `Relation::AssertConcurrent`
 * (dig-collateral.md §2.1); the resulting lock spend is byte-identical to the vectors.
 */
import type { Program } from '../clvm/program'
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32, bytesToHex } from '../primitives/bytes'
import { type Coin, assertAmount, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { assertConcurrentRing } from './assert-concurrent-ring'
import { catLineageProof } from './cat-lineage'
import type { LineageProof } from '../layers/lineage-proof'
import { catPuzzleHash } from './cat-puzzle'
import { spendCats } from './cat-spend'
import { createCoinCondition } from '../datastore/conditions'
import { feeConditions } from './fee-conditions'
import { InsufficientFundsError } from '../datastore/data-store-errors'
import { type StandardCatCoin, type StandardCoin, assertStandardCatCoin } from './standard-cat-coin'
import { standardCoinSpend } from '../layers/standard-layer'
import { standardPuzzle, standardPuzzleHash } from '../keys/standard-puzzle'
import { standardLayer } from '../layers/standard-layer'

/** One CAT output: the recipient's inner puzzle hash, amount and memos (hint first). */
export interface CatOutput {
  puzzleHash: Bytes32
  amount: bigint
  memos?: readonly Uint8Array[]
}

/** A CAT coin created by a builder, with what is needed to spend it later. */
export interface CatChild {
  coin: Coin
  innerPuzzleHash: Bytes32
  lineageProof: LineageProof
  memos: readonly Uint8Array[]
}

export class NoCatCoinsError extends AppError {
  override name = 'NoCatCoinsError' as const
  constructor() {
    super('No CAT coins were selected to spend.')
  }
}

/** Two outputs of one spend would create the same coin, which consensus rejects. */
export class DuplicateOutputError extends AppError {
  override name = 'DuplicateOutputError' as const
  constructor({ coinId: id }: { coinId: Bytes32 }) {
    super('Two outputs would create the same coin.', { details: `coin ${bytesToHex(id)}` })
  }
}

export interface SendCatResult {
  coinSpends: CoinSpend[]
  /** The created outputs, in the order requested. */
  outputs: CatChild[]
  /** The CAT change back to the wallet, if any. */
  change?: CatChild
  /** The XCH change of the fee spend, if any. */
  feeChangeCoin?: Coin
}

/**
 * Builds the unsigned coin spends of a CAT2 transfer.
 * @example sendCat({ assetId, catCoins, outputs: [{ puzzleHash, amount: 5000n, memos: [puzzleHash] }], changePuzzleHash, fee: 0n })
 */
export function sendCat(args: {
  assetId: Bytes32
  catCoins: readonly StandardCatCoin[]
  outputs: readonly CatOutput[]
  changePuzzleHash: Bytes32
  fee?: bigint
  feeCoins?: readonly StandardCoin[]
  /** Where the XCH change of the fee goes; defaults to `changePuzzleHash`. */
  feeChangePuzzleHash?: Bytes32
}): SendCatResult {
  const { assetId } = args
  assertBytes32(assetId, 'assetId')
  const changePuzzleHash = assertBytes32(args.changePuzzleHash, 'changePuzzleHash')
  if (args.catCoins.length === 0) throw new NoCatCoinsError()
  const catCoins = args.catCoins.map((c) => assertStandardCatCoin(assetId, c))

  const available = catCoins.reduce((s, c) => s + c.coin.amount, 0n)
  const requested = args.outputs.reduce(
    (s, o) => s + assertAmount(o.amount, 'output amount'),
    0n,
  )
  if (requested > available) throw new InsufficientFundsError({ required: requested, available })
  const changeAmount = available - requested

  const fee = feeConditions({
    feeCoins: args.feeCoins ?? [],
    fee: args.fee ?? 0n,
    changePuzzleHash: args.feeChangePuzzleHash ?? changePuzzleHash,
  })

  // The first CAT coin emits all outputs; its inner puzzle hash is the children's lineage.
  const first = catCoins[0]
  const firstId = coinId(first.coin)
  const childLineage = catLineageProof(first.coin, standardPuzzleHash(first.syntheticPublicKey))
  const outputConditions: Program[] = []
  const children: CatChild[] = []
  const seen = new Set<string>()
  const addChild = (puzzleHash: Bytes32, amount: bigint, memos: readonly Uint8Array[]): CatChild => {
    assertBytes32(puzzleHash, 'output puzzleHash')
    outputConditions.push(createCoinCondition(puzzleHash, amount, memos))
    const coin = { parentCoinInfo: firstId, puzzleHash: catPuzzleHash(assetId, puzzleHash), amount }
    const key = bytesToHex(coinId(coin))
    if (seen.has(key)) throw new DuplicateOutputError({ coinId: coinId(coin) })
    seen.add(key)
    const child = { coin, innerPuzzleHash: puzzleHash, lineageProof: childLineage, memos }
    children.push(child)
    return child
  }
  for (const o of args.outputs) addChild(o.puzzleHash, o.amount, o.memos ?? [])
  const change = changeAmount > 0n ? addChild(changePuzzleHash, changeAmount, [changePuzzleHash]) : undefined

  const allIds = [...catCoins.map((c) => coinId(c.coin)), ...fee.spent.map((c) => coinId(c.coin))]
  const relations = assertConcurrentRing(allIds)

  const catSpends = spendCats(
    assetId,
    catCoins.map((c, i) => {
      const conditions = [...(i === 0 ? outputConditions : []), ...relations[i]]
      return {
        coin: c.coin,
        innerPuzzle: standardPuzzle(c.syntheticPublicKey),
        innerSolution: standardLayer.constructSolution(conditions),
        lineageProof: c.lineageProof,
        outputAmount: i === 0 ? available : 0n,
      }
    }),
  )
  const feeSpends = fee.spent.map((c, i) => standardCoinSpend(c.coin, c.syntheticPublicKey, [...fee.conditions[i], ...relations[catCoins.length + i]]))

  return {
    coinSpends: [...catSpends, ...feeSpends],
    outputs: change ? children.slice(0, -1) : children,
    change,
    feeChangeCoin: fee.changeCoin,
  }
}

