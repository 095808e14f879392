/**
 * Spends a set of CAT2 coins of one asset together as a ring (no TAIL reveal, extra_delta 0).
 * Solution layout (chia_rs `CatSolution`, cat_v2.clsp parameter list):
 * `(inner_puzzle_solution lineage_proof prev_coin_id this_coin_info next_coin_proof prev_subtotal extra_delta)`.
 * Source: Chia-Network/chia-blockchain `chia/wallet/cat_wallet/puzzles/cat_v2.clsp` @ 63285715;
 * chia-wallet-sdk `primitives/cat.rs` `Cat::spend_all`; dig-collateral.md §5.
 */
import { type Program, NIL, atom, int, list } from '../clvm/program'
import type { ClvmRunner } from '../clvm/runner'
import { programToBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { MELT_AMOUNT } from '../spends/condition-opcodes'
import { catPuzzle, catPuzzleHash } from './cat-puzzle'
import { type LineageProof, proofToProgram } from '../layers/lineage-proof'
import { parseCreateCoins } from './parse-create-coins'

/** One CAT coin in a ring: its inner puzzle and solution, lineage proof and inner output total. */
export interface CatSpend {
  coin: Coin
  innerPuzzle: Program
  innerSolution: Program
  lineageProof: LineageProof
  /** Sum of the CREATE_COIN amounts the inner puzzle outputs for `innerSolution`. */
  outputAmount: bigint
}

export class EmptyCatRingError extends AppError {
  override name = 'EmptyCatRingError' as const
  constructor() {
    super('A CAT spend needs at least one coin.')
  }
}

/** Inputs and outputs of the ring differ; CAT2 would reject it (no TAIL, extra_delta 0). */
export class CatRingUnbalancedError extends AppError {
  override name = 'CatRingUnbalancedError' as const
  constructor({ inputAmount, outputAmount }: { inputAmount: bigint; outputAmount: bigint }) {
    super('CAT inputs and outputs do not balance.', { details: `inputs ${inputAmount}, outputs ${outputAmount}` })
  }
}

/** A coin's puzzle hash is not the CAT2 puzzle of the asset around the given inner puzzle. */
export class CatPuzzleHashMismatchError extends AppError {
  override name = 'CatPuzzleHashMismatchError' as const
  constructor({ coinId: id, expected, actual }: { coinId: Bytes32; expected: Bytes32; actual: Bytes32 }) {
    super('CAT coin does not match the asset and inner puzzle given for it.', {
      details: `coin ${bytesToHex(id)}: puzzle hash ${bytesToHex(actual)}, rebuilt ${bytesToHex(expected)}`,
    })
  }
}

/** The same coin appears twice in one ring. */
export class DuplicateCatCoinError extends AppError {
  override name = 'DuplicateCatCoinError' as const
  constructor({ coinId: id }: { coinId: Bytes32 }) {
    super('A CAT coin appears twice in the spend.', { details: `coin ${bytesToHex(id)}` })
  }
}

/** The inner puzzle emitted the TAIL magic CREATE_COIN (-113); plain transfers never do. */
export class CatTailConditionError extends AppError {
  override name = 'CatTailConditionError' as const
  constructor() {
    super('Inner puzzle output asks to run a TAIL, which plain CAT spends do not support.')
  }
}

/**
 * Builds the coin spends of a CAT2 ring. Coin k points at coin k−1 (`prev_coin_id`) and k+1
 * (`next_coin_proof`), wrapping; `prev_subtotal` is the running Σ (amount − outputs) of the coins
 * before it, starting at 0. Throws if the coins don't match the asset or the ring doesn't balance.
 * @example const coinSpends = spendCats(assetId, [{ coin, innerPuzzle, innerSolution, lineageProof, outputAmount: coin.amount }])
 */
export function spendCats(assetId: Bytes32, spends: readonly CatSpend[]): CoinSpend[] {
  if (spends.length === 0) throw new EmptyCatRingError()
  const ids = spends.map((s) => coinId(s.coin))
  const seen = new Set<string>()
  for (const id of ids) {
    const key = bytesToHex(id)
    if (seen.has(key)) throw new DuplicateCatCoinError({ coinId: id })
    seen.add(key)
  }
  const innerHashes = spends.map((s) => treeHash(s.innerPuzzle))
  spends.forEach((s, k) => {
    const expected = catPuzzleHash(assetId, innerHashes[k])
    if (!equalBytes(expected, s.coin.puzzleHash)) {
      throw new CatPuzzleHashMismatchError({ coinId: ids[k], expected, actual: s.coin.puzzleHash })
    }
  })
  let inputAmount = 0n
  let outputAmount = 0n
  for (const s of spends) {
    inputAmount += s.coin.amount
    outputAmount += s.outputAmount
  }
  if (inputAmount !== outputAmount) throw new CatRingUnbalancedError({ inputAmount, outputAmount })

  const n = spends.length
  let prevSubtotal = 0n
  return spends.map((s, k) => {
    const prev = (k + n - 1) % n
    const next = (k + 1) % n
    const nextSpend = spends[next]
    const solution = list([
      s.innerSolution,
      proofToProgram({ lineageProof: s.lineageProof }),
      atom(ids[prev]),
      list([atom(s.coin.parentCoinInfo), atom(s.coin.puzzleHash), int(s.coin.amount)]),
      list([atom(nextSpend.coin.parentCoinInfo), atom(innerHashes[next]), int(nextSpend.coin.amount)]),
      int(prevSubtotal),
      NIL,
    ])
    prevSubtotal += s.coin.amount - s.outputAmount
    return {
      coin: s.coin,
      puzzleReveal: programToBytes(catPuzzle(assetId, s.innerPuzzle)),
      solution: programToBytes(solution),
    }
  })
}

/**
 * Runs an inner puzzle and sums its CREATE_COIN amounts, for callers that do not build the inner
 * conditions themselves. Throws {@link CatTailConditionError} on the TAIL magic amount.
 * @example catInnerOutputAmount(runner, innerPuzzle, innerSolution) // 5000n
 */
export function catInnerOutputAmount(runner: ClvmRunner, innerPuzzle: Program, innerSolution: Program): bigint {
  const { value } = runner.run(innerPuzzle, innerSolution)
  let total = 0n
  for (const c of parseCreateCoins(value)) {
    if (c.amount === MELT_AMOUNT) throw new CatTailConditionError()
    total += c.amount
  }
  return total
}
