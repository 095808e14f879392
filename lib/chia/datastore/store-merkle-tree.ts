/**
 * The delegated-puzzles merkle tree of a store (chia-wallet-sdk 0.13.0
 * crates/chia-sdk-driver/src/merkle_tree.rs): leaves in array order, split at (n+1)>>1, leaf node
 * sha256(0x01‖leaf), internal node sha256(0x02‖left‖right), empty tree root = 32 zero bytes,
 * duplicate leaves keep the last proof. Spec: datalayer-protocol.md §5.2.
 * (Private to the datastore builders; lib/chia/merkle/delegation-merkle-tree.ts is the public one.)
 */
import { type Bytes32, bytesToHex } from '../primitives/bytes'
import { sha256 } from '../primitives/sha256'
import type { MerkleProof } from '../layers/delegation-layer'

export interface StoreMerkleTree {
  root: Bytes32
  /** Proof of a leaf, or `undefined` when it is not a leaf. */
  proof(leaf: Bytes32): MerkleProof | undefined
}

const LEAF = new Uint8Array([1])
const NODE = new Uint8Array([2])

function build(leaves: readonly Bytes32[], proofs: Map<string, MerkleProof>): Bytes32 {
  if (leaves.length === 1) {
    proofs.set(bytesToHex(leaves[0]), { path: 0, hashes: [] })
    return sha256(LEAF, leaves[0])
  }
  const mid = (leaves.length + 1) >> 1
  const leftProofs = new Map<string, MerkleProof>()
  const rightProofs = new Map<string, MerkleProof>()
  const left = build(leaves.slice(0, mid), leftProofs)
  const right = build(leaves.slice(mid), rightProofs)
  for (const [k, p] of leftProofs) proofs.set(k, { path: p.path, hashes: [...p.hashes, right] })
  for (const [k, p] of rightProofs) proofs.set(k, { path: p.path + 2 ** p.hashes.length, hashes: [...p.hashes, left] })
  return sha256(NODE, left, right)
}

/**
 * Builds the tree over merkle leaves.
 * @example storeMerkleTree(delegatedPuzzles.map(delegatedPuzzleLeaf)).root
 */
export function storeMerkleTree(leaves: readonly Bytes32[]): StoreMerkleTree {
  if (leaves.length === 0) return { root: new Uint8Array(32), proof: () => undefined }
  const proofs = new Map<string, MerkleProof>()
  const root = build(leaves, proofs)
  return { root, proof: (leaf) => proofs.get(bytesToHex(leaf)) }
}
