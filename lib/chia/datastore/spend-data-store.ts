/**
 * Spending a store coin: the singleton, state layer and (if delegated) delegation layer wrapped
 * around an inner spend, exactly like chia-wallet-sdk 0.13.0 `DataStore::spend`
 * (crates/chia-sdk-driver/src/primitives/datalayer/datastore.rs). The merkle proof is looked up by
 * the tree hash of the revealed puzzle, so an owner who is also a leaf carries a (harmless) proof.
 * Also: who may spend how — the key checks the driver skips (datalayer-protocol.md §6.2, §11.4).
 */
import type { Program } from '../clvm/program'
import { programToBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { standardPuzzleHash } from '../keys/standard-puzzle'
import { delegationLayer } from '../layers/delegation-layer'
import { delegationMerkleTree } from '../merkle/delegation-merkle-tree'
import { nftStateLayer } from '../layers/nft-state-layer'
import { singletonLayer } from '../layers/singleton-layer'
import { standardLayer } from '../layers/standard-layer'
import { writerLayer } from '../layers/writer-layer'
import { equalBytes } from '../primitives/bytes'
import type { CoinSpend } from '../primitives/coin-spend'
import { type DataStore, dataStorePuzzle } from './data-store'
import { DelegateIsOwnerError, NotADelegateError, WrongOwnerKeyError } from './data-store-errors'
import { delegatedPuzzleLeaf } from './delegated-puzzle'

/** The puzzle and solution run inside the store's layers (owner puzzle, or a delegated puzzle). */
export interface InnerSpend {
  puzzle: Program
  solution: Program
}

/** Who signs a store spend, with which synthetic public key. */
export interface DataStoreSpender {
  role: 'owner' | 'admin' | 'writer'
  syntheticKey: Uint8Array
}

/**
 * Wraps an inner spend into the store's coin spend.
 * @example spendDataStore(store, { puzzle: standardLayer.construct(ownerKey), solution })
 */
export function spendDataStore(store: DataStore, innerSpend: InnerSpend): CoinSpend {
  let innerSolution: Program
  let puzzle: Program
  if (store.delegatedPuzzles.length === 0) {
    puzzle = dataStorePuzzle(store, innerSpend.puzzle)
    innerSolution = innerSpend.solution
  } else {
    puzzle = dataStorePuzzle(store)
    const tree = delegationMerkleTree(store.delegatedPuzzles.map(delegatedPuzzleLeaf))
    const puzzleHash = treeHash(innerSpend.puzzle)
    innerSolution = delegationLayer.constructSolution({
      // The SDK looks the proof up for any puzzle: an owner who is also a leaf carries one too.
      merkleProof: tree.has(puzzleHash) ? tree.proof(puzzleHash) : undefined,
      puzzleReveal: innerSpend.puzzle,
      puzzleSolution: innerSpend.solution,
    })
  }
  const solution = singletonLayer.constructSolution({
    proof: store.proof,
    amount: store.coin.amount,
    innerSolution: nftStateLayer.constructSolution(innerSolution),
  })
  return { coin: store.coin, puzzleReveal: programToBytes(puzzle), solution: programToBytes(solution) }
}

/**
 * Checks that the spender's key has the claimed role on this store (throws
 * {@link WrongOwnerKeyError} / {@link NotADelegateError}) and builds its inner spend of `conditions`.
 * @example spendDataStore(store, dataStoreInnerSpend(store, { role: 'writer', syntheticKey }, conditions))
 */
export function dataStoreInnerSpend(store: DataStore, spender: DataStoreSpender, conditions: readonly Program[]): InnerSpend {
  const keyPuzzleHash = standardPuzzleHash(spender.syntheticKey)
  const standard = { puzzle: standardLayer.construct(spender.syntheticKey), solution: standardLayer.constructSolution(conditions) }
  if (spender.role === 'owner') {
    if (!equalBytes(keyPuzzleHash, store.ownerPuzzleHash)) {
      throw new WrongOwnerKeyError({ ownerPuzzleHash: store.ownerPuzzleHash, keyPuzzleHash })
    }
    return standard
  }
  const isDelegate = store.delegatedPuzzles.some((dp) => dp.type === spender.role && equalBytes(dp.innerPuzzleHash, keyPuzzleHash))
  if (!isDelegate) throw new NotADelegateError({ role: spender.role, keyPuzzleHash, launcherId: store.launcherId })
  if (spender.role === 'admin') {
    // The delegation layer runs a puzzle hashing to INNER_PUZZLE_HASH as the owner: no merkle
    // check, no -13/-24 morphing, no re-created coin. An admin spend with the owner's key would fail.
    if (equalBytes(keyPuzzleHash, store.ownerPuzzleHash)) throw new DelegateIsOwnerError({ role: 'admin', puzzleHash: keyPuzzleHash })
    return standard
  }
  return { puzzle: writerLayer.construct(standard.puzzle), solution: writerLayer.constructSolution(standard.solution) }
}
