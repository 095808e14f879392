/**
 * The singleton launcher: a coin with puzzle hash SINGLETON_LAUNCHER_HASH created by a funding coin;
 * its solution `(singleton_full_puzzle_hash amount key_value_list)` creates the eve coin and
 * announces `sha256tree(solution)`.
 * Source: Chia-Network/chia_puzzles puzzles/singleton_launcher.clsp; chia-wallet-sdk 0.13.0
 * crates/chia-sdk-driver/src/primitives/launcher.rs. Spec: datalayer-protocol.md §6.1.
 */
import { atomToBigint } from '../clvm/int'
import { type Program, atom, int, list, toAtom, toList } from '../clvm/program'
import type { Bytes32 } from '../primitives/bytes'
import type { Coin } from '../primitives/coin'
import { SINGLETON_LAUNCHER_HASH } from '../puzzles/singleton-launcher'
import { MalformedLayerError } from './layer-errors'

export interface LauncherSolution {
  singletonPuzzleHash: Bytes32
  amount: bigint
  keyValueList: Program
}

/**
 * The launcher coin created by `parentCoinId` with `amount` (1 for stores).
 * @example const launcher = launcherCoin(coinId(leadCoin), 1n); coinId(launcher) // launcherId
 */
export const launcherCoin = (parentCoinId: Bytes32, amount: bigint): Coin => ({
  parentCoinInfo: parentCoinId,
  puzzleHash: SINGLETON_LAUNCHER_HASH,
  amount,
})

/** Construct/parse for the launcher solution. */
export const launcherLayer = {
  /**
   * The launcher solution `(singleton_full_puzzle_hash amount key_value_list)`.
   * @example launcherLayer.constructSolution({ singletonPuzzleHash, amount: 1n, keyValueList })
   */
  constructSolution: ({ singletonPuzzleHash, amount, keyValueList }: LauncherSolution): Program =>
    list([atom(singletonPuzzleHash), int(amount), keyValueList]),

  /**
   * Reads a launcher solution; throws when it is not a 3-item list with a 32-byte puzzle hash.
   * @example launcherLayer.parseSolution(programFromBytes(coinSpend.solution)).keyValueList
   */
  parseSolution(solution: Program): LauncherSolution {
    const items = toList(solution)
    if (items.length !== 3) throw new MalformedLayerError({ layer: 'launcher', reason: `solution has ${items.length} items` })
    const singletonPuzzleHash = toAtom(items[0])
    if (singletonPuzzleHash.length !== 32) throw new MalformedLayerError({ layer: 'launcher', reason: 'singleton puzzle hash is not 32 bytes' })
    return { singletonPuzzleHash, amount: atomToBigint(toAtom(items[1])), keyValueList: items[2] }
  },
}

