/**
 * Delegated puzzles of a CHIP-0035 store: admins (may update metadata and delegates), writers (may
 * update metadata) and oracles (anyone may spend by paying the fee). Each has a merkle leaf (the
 * tree hash of the puzzle actually revealed) and a memo encoding used in hints.
 * Source: chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/primitives/datalayer/datastore_info.rs
 * (DelegatedPuzzle, HintType, get_merkle_tree), CHIP-0035. Spec: datalayer-protocol.md §5.1, §11.1.
 */
import { bigintToAtom, atomToBigint } from '../clvm/int'
import { treeHash } from '../clvm/tree-hash'
import { standardPuzzleHash } from '../keys/standard-puzzle'
import { oracleLayer } from '../layers/oracle-layer'
import { delegationMerkleTree } from '../merkle/delegation-merkle-tree'
import { writerLayerPuzzleHash } from '../layers/writer-layer'
import { type Bytes32, assertBytes32, equalBytes } from '../primitives/bytes'
import { MAX_COIN_AMOUNT } from '../primitives/coin'
import { InvalidDelegatedPuzzleMemoError, InvalidOracleFeeError, OddOracleFeeError } from './data-store-errors'

export type DelegatedPuzzle =
  | { type: 'admin'; innerPuzzleHash: Bytes32 }
  | { type: 'writer'; innerPuzzleHash: Bytes32 }
  | { type: 'oracle'; oraclePuzzleHash: Bytes32; oracleFee: bigint }

/** Memo type bytes (HintType): 0 is skipped so it cannot be confused with nil. */
export const DELEGATED_PUZZLE_HINT = { admin: 1, writer: 2, oracle: 3 } as const

/**
 * An admin delegate for a synthetic key (leaf = its standard puzzle hash).
 * @example adminDelegatedPuzzle(adminSyntheticKey)
 */
export const adminDelegatedPuzzle = (syntheticKey: Uint8Array): DelegatedPuzzle => ({
  type: 'admin',
  innerPuzzleHash: standardPuzzleHash(syntheticKey),
})

/**
 * A writer delegate for a synthetic key (leaf = writer filter around its standard puzzle).
 * @example writerDelegatedPuzzle(writerSyntheticKey)
 */
export const writerDelegatedPuzzle = (syntheticKey: Uint8Array): DelegatedPuzzle => ({
  type: 'writer',
  innerPuzzleHash: standardPuzzleHash(syntheticKey),
})

/**
 * Checks an oracle fee: 0…2^64-1 and even (an odd output would be taken as the singleton's child).
 * Fee 0 is valid and is written as an empty memo.
 * @example assertOracleFee(1000n)
 */
export function assertOracleFee(oracleFee: bigint): bigint {
  if (oracleFee < 0n || oracleFee > MAX_COIN_AMOUNT) throw new InvalidOracleFeeError({ oracleFee })
  if (oracleFee % 2n !== 0n) throw new OddOracleFeeError({ oracleFee })
  return oracleFee
}

/**
 * An oracle delegate paying `oracleFee` (even, may be 0) to `oraclePuzzleHash` on every oracle spend.
 * @example oracleDelegatedPuzzle(paymentPuzzleHash, 100_000n)
 */
export const oracleDelegatedPuzzle = (oraclePuzzleHash: Bytes32, oracleFee: bigint): DelegatedPuzzle => ({
  type: 'oracle',
  oraclePuzzleHash: assertBytes32(oraclePuzzleHash, 'oraclePuzzleHash'),
  oracleFee: assertOracleFee(oracleFee),
})

/**
 * The merkle leaf of a delegated puzzle: the tree hash of the puzzle the delegate reveals.
 * @example delegatedPuzzleLeaf({ type: 'writer', innerPuzzleHash })
 */
export function delegatedPuzzleLeaf(dp: DelegatedPuzzle): Bytes32 {
  const hit = leafCache.get(dp)
  if (hit) return hit
  let leaf: Bytes32
  switch (dp.type) {
    case 'admin':
      leaf = dp.innerPuzzleHash
      break
    case 'writer':
      leaf = writerLayerPuzzleHash(dp.innerPuzzleHash)
      break
    case 'oracle':
      leaf = treeHash(oracleLayer.construct({ oraclePuzzleHash: dp.oraclePuzzleHash, oracleFee: assertOracleFee(dp.oracleFee) }))
      break
  }
  leafCache.set(dp, leaf)
  return leaf
}

// Builders hash the same delegate list several times per call (puzzle, proof, child, lineage);
// delegates are treated as immutable values, so results are memoized per object.
const leafCache = new WeakMap<DelegatedPuzzle, Bytes32>()
const rootCache = new WeakMap<readonly DelegatedPuzzle[], Bytes32>()

/**
 * Merkle root of a delegate list (32 zero bytes when empty).
 * @example delegatedPuzzlesMerkleRoot(store.delegatedPuzzles)
 */
export function delegatedPuzzlesMerkleRoot(delegatedPuzzles: readonly DelegatedPuzzle[]): Bytes32 {
  const hit = rootCache.get(delegatedPuzzles)
  if (hit) return hit
  const root = delegationMerkleTree(delegatedPuzzles.map(delegatedPuzzleLeaf)).root
  rootCache.set(delegatedPuzzles, root)
  return root
}

/**
 * Memos of one delegate: type byte then puzzle hash, plus the minimal signed fee for oracles.
 * @example delegatedPuzzleToMemos(dp) // [0x01, innerPuzzleHash]
 */
export function delegatedPuzzleToMemos(dp: DelegatedPuzzle): Uint8Array[] {
  switch (dp.type) {
    case 'admin':
      return [new Uint8Array([DELEGATED_PUZZLE_HINT.admin]), dp.innerPuzzleHash]
    case 'writer':
      return [new Uint8Array([DELEGATED_PUZZLE_HINT.writer]), dp.innerPuzzleHash]
    case 'oracle':
      return [new Uint8Array([DELEGATED_PUZZLE_HINT.oracle]), dp.oraclePuzzleHash, bigintToAtom(dp.oracleFee)]
  }
}

/**
 * Reads delegates from memos while more than one memo remains (the SDK's loop; a trailing single
 * memo is ignored). An empty oracle fee memo is fee 0 (the reference driver panics there, §11.1).
 * @example delegatedPuzzlesFromMemos([hex01, adminPh, hex02, writerPh])
 */
export function delegatedPuzzlesFromMemos(memos: readonly Uint8Array[]): DelegatedPuzzle[] {
  const out: DelegatedPuzzle[] = []
  let i = 0
  while (memos.length - i > 1) {
    const typeMemo = memos[i++]
    if (typeMemo.length !== 1) throw new InvalidDelegatedPuzzleMemoError({ reason: 'type memo is not 1 byte', memo: typeMemo })
    const ph = memos[i++]
    if (ph.length !== 32) throw new InvalidDelegatedPuzzleMemoError({ reason: 'puzzle hash memo is not 32 bytes', memo: ph })
    switch (typeMemo[0]) {
      case DELEGATED_PUZZLE_HINT.admin:
        out.push({ type: 'admin', innerPuzzleHash: ph })
        break
      case DELEGATED_PUZZLE_HINT.writer:
        out.push({ type: 'writer', innerPuzzleHash: ph })
        break
      case DELEGATED_PUZZLE_HINT.oracle: {
        if (i >= memos.length) throw new InvalidDelegatedPuzzleMemoError({ reason: 'oracle fee memo is missing' })
        const feeMemo = memos[i++]
        const oracleFee = atomToBigint(feeMemo)
        if (oracleFee < 0n || oracleFee > MAX_COIN_AMOUNT) {
          throw new InvalidDelegatedPuzzleMemoError({ reason: 'oracle fee is not a u64', memo: feeMemo })
        }
        out.push({ type: 'oracle', oraclePuzzleHash: ph, oracleFee })
        break
      }
      default:
        throw new InvalidDelegatedPuzzleMemoError({ reason: 'unknown delegated puzzle type', memo: typeMemo })
    }
  }
  return out
}

/**
 * Structural equality of two delegates.
 * @example delegatedPuzzleEquals(a, b)
 */
export function delegatedPuzzleEquals(a: DelegatedPuzzle, b: DelegatedPuzzle): boolean {
  if (a.type === 'oracle') return b.type === 'oracle' && equalBytes(a.oraclePuzzleHash, b.oraclePuzzleHash) && a.oracleFee === b.oracleFee
  return b.type === a.type && equalBytes(a.innerPuzzleHash, b.innerPuzzleHash)
}

/**
 * The list with `dp` appended, unless an equal delegate is already present.
 * @example addDelegatedPuzzle(store.delegatedPuzzles, writerDelegatedPuzzle(ciKey))
 */
export const addDelegatedPuzzle = (list: readonly DelegatedPuzzle[], dp: DelegatedPuzzle): DelegatedPuzzle[] =>
  list.some((x) => delegatedPuzzleEquals(x, dp)) ? [...list] : [...list, dp]

/**
 * The list without delegates equal to `dp` (order kept).
 * @example removeDelegatedPuzzle(store.delegatedPuzzles, adminDelegatedPuzzle(oldAdminKey))
 */
export const removeDelegatedPuzzle = (list: readonly DelegatedPuzzle[], dp: DelegatedPuzzle): DelegatedPuzzle[] =>
  list.filter((x) => !delegatedPuzzleEquals(x, dp))
