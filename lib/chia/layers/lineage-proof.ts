/**
 * Singleton lineage proofs: `(parent_parent_coin_info parent_inner_puzzle_hash parent_amount)` for a
 * child of a singleton coin, `(parent_parent_coin_info parent_amount)` (eve proof) for the launcher's child.
 * Source: chia_puzzles singleton_top_layer_v1_1.clsp; chia_rs crates/chia-puzzles/src/proof.rs.
 * Spec: datalayer-protocol.md §4, §9.
 */
import { atomToBigint } from '../clvm/int'
import { type Program, atom, int, list, toAtom, toList } from '../clvm/program'
import type { Bytes32 } from '../primitives/bytes'
import type { Coin } from '../primitives/coin'
import { MalformedLayerError } from './layer-errors'

export interface LineageProof {
  parentParentCoinInfo: Bytes32
  parentInnerPuzzleHash: Bytes32
  parentAmount: bigint
}

export interface EveProof {
  parentParentCoinInfo: Bytes32
  parentAmount: bigint
}

/** The proof a singleton spend carries: a lineage proof, or an eve proof for the first coin. */
export type Proof = { lineageProof: LineageProof; eveProof?: undefined } | { eveProof: EveProof; lineageProof?: undefined }

/**
 * CLVM form of a proof, as put in the singleton solution.
 * @example proofToProgram({ eveProof: { parentParentCoinInfo, parentAmount: 1n } })
 */
export function proofToProgram(proof: Proof): Program {
  if (proof.lineageProof) {
    const p = proof.lineageProof
    return list([atom(p.parentParentCoinInfo), atom(p.parentInnerPuzzleHash), int(p.parentAmount)])
  }
  const e = proof.eveProof
  return list([atom(e.parentParentCoinInfo), int(e.parentAmount)])
}

/**
 * Reads a proof from its CLVM form (3 items: lineage, 2 items: eve); throws when malformed.
 * @example proofFromProgram(singletonSolutionItems[0])
 */
export function proofFromProgram(program: Program): Proof {
  const items = toList(program)
  const bytes32 = (p: Program, field: string) => {
    const a = toAtom(p)
    if (a.length !== 32) throw new MalformedLayerError({ layer: 'singleton', reason: `${field} is ${a.length} bytes` })
    return a
  }
  if (items.length === 3) {
    return {
      lineageProof: {
        parentParentCoinInfo: bytes32(items[0], 'parent_parent_coin_info'),
        parentInnerPuzzleHash: bytes32(items[1], 'parent_inner_puzzle_hash'),
        parentAmount: atomToBigint(toAtom(items[2])),
      },
    }
  }
  if (items.length === 2) {
    return {
      eveProof: { parentParentCoinInfo: bytes32(items[0], 'parent_parent_coin_info'), parentAmount: atomToBigint(toAtom(items[1])) },
    }
  }
  throw new MalformedLayerError({ layer: 'singleton', reason: `lineage proof has ${items.length} items` })
}

/**
 * The lineage proof a child gets when `coin` (whose singleton inner puzzle hashes to
 * `innerPuzzleHash`) is spent.
 * @example childLineageProof(store.coin, stateLayerHash)
 */
export const childLineageProof = (coin: Coin, innerPuzzleHash: Bytes32): Proof => ({
  lineageProof: { parentParentCoinInfo: coin.parentCoinInfo, parentInnerPuzzleHash: innerPuzzleHash, parentAmount: coin.amount },
})

/**
 * The eve proof of the launcher's child.
 * @example eveProof(launcherCoin)
 */
export const eveProof = (launcherCoin: Coin): Proof => ({
  eveProof: { parentParentCoinInfo: launcherCoin.parentCoinInfo, parentAmount: launcherCoin.amount },
})
