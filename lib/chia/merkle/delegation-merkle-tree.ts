/**
 * The merkle tree over delegated-puzzle hashes that the CHIP-0035 delegation layer commits to
 * (`MERKLE_ROOT`), with the proofs its solution carries.
 *
 * Shape: `list_to_binary_tree` splits `leaves` (array order, order matters) at `mid = (len + 1) >> 1`.
 * A leaf node hashes to `sha256(0x01 ‖ leaf)`, an internal node to `sha256(0x02 ‖ left ‖ right)`.
 * The empty tree's root is 32 zero bytes (a sentinel, not a hash). A proof lists the sibling
 * hashes from the leaf upwards; bit i of `path` is set when the node at level i is a right child.
 * Duplicate leaves collapse: the proof of the last occurrence wins, as in the SDK's map.
 * Source: xch-dev/chia-wallet-sdk 0.13.0 `crates/chia-sdk-driver/src/merkle_tree.rs`;
 * CHIP-0035 https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0035.md;
 * DataLayer-Driver `puzzles/delegation_layer.clsp` (`simplify_merkle_proof`); datalayer-protocol.md §5.2.
 */
import { atom, cons, int, list, type Program, toAtom, toBigint, toList } from '../clvm/program'
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { sha256 } from '../primitives/sha256'

/** A proof of inclusion as the delegation layer takes it: `(path . (h1 h2 …))`. */
export interface DelegationMerkleProof {
  path: number
  proof: Bytes32[]
}

export interface DelegationMerkleTree {
  root: Bytes32
  /** The proof of `leaf`; throws {@link LeafNotInTreeError} if it is not a leaf. */
  proof(leaf: Bytes32): DelegationMerkleProof
  /** True if `leaf` is one of the tree's leaves. */
  has(leaf: Bytes32): boolean
}

export class LeafNotInTreeError extends AppError {
  override name = 'LeafNotInTreeError' as const
  constructor({ leaf, root }: { leaf: Uint8Array; root: Uint8Array }) {
    super('The puzzle hash is not a leaf of this delegation merkle tree.', {
      details: `leaf ${bytesToHex(leaf)}, root ${bytesToHex(root)}`,
    })
  }
}

export class InvalidMerkleProofError extends AppError {
  override name = 'InvalidMerkleProofError' as const
  constructor(reason: string) {
    super('Malformed delegation merkle proof.', { details: reason })
  }
}

/** The root of an empty delegation tree (SDK `Bytes32::default()`). */
export const EMPTY_DELEGATION_MERKLE_ROOT: Bytes32 = new Uint8Array(32)

const LEAF_PREFIX = new Uint8Array([1])
const NODE_PREFIX = new Uint8Array([2])


const leafNodeHash = (leaf: Uint8Array): Bytes32 => sha256(LEAF_PREFIX, leaf)
const internalNodeHash = (left: Uint8Array, right: Uint8Array): Bytes32 => sha256(NODE_PREFIX, left, right)

/**
 * Builds the delegation merkle tree of `leaves` (delegated puzzle hashes, in order).
 * @example const { root, proof } = delegationMerkleTree([adminPuzzleHash, writerLeaf, oracleLeaf])
 */
export function delegationMerkleTree(leaves: readonly Bytes32[]): DelegationMerkleTree {
  leaves.forEach((leaf, i) => assertBytes32(leaf, `leaves[${i}]`))
  const proofs = new Map<string, DelegationMerkleProof>()
  let root: Bytes32 = EMPTY_DELEGATION_MERKLE_ROOT
  if (leaves.length > 0) {
    // Returns the subtree hash and appends one level to every proof below it.
    const build = (lo: number, hi: number): { hash: Bytes32; members: { key: string; p: DelegationMerkleProof }[] } => {
      if (hi - lo === 1) {
        const p: DelegationMerkleProof = { path: 0, proof: [] }
        return { hash: leafNodeHash(leaves[lo]), members: [{ key: bytesToHex(leaves[lo]), p }] }
      }
      const mid = lo + ((hi - lo + 1) >> 1)
      const left = build(lo, mid)
      const right = build(mid, hi)
      for (const m of left.members) m.p.proof.push(right.hash)
      for (const m of right.members) {
        m.p.path |= 1 << m.p.proof.length
        m.p.proof.push(left.hash)
      }
      return { hash: internalNodeHash(left.hash, right.hash), members: [...left.members, ...right.members] }
    }
    const built = build(0, leaves.length)
    root = built.hash
    for (const m of built.members) proofs.set(m.key, m.p)
  }
  return {
    root,
    has: (leaf) => proofs.has(bytesToHex(leaf)),
    proof(leaf) {
      const p = proofs.get(bytesToHex(leaf))
      if (!p) throw new LeafNotInTreeError({ leaf, root })
      return { path: p.path, proof: [...p.proof] }
    },
  }
}

/**
 * The root a proof leads to from `leaf`, computed like the delegation layer's `simplify_merkle_proof`.
 * @example equalBytes(delegationMerkleRootFromProof(leaf, proof), merkleRoot)
 */
export function delegationMerkleRootFromProof(leaf: Bytes32, { path, proof }: DelegationMerkleProof): Bytes32 {
  let node = leafNodeHash(leaf)
  proof.forEach((sibling, i) => {
    node = (path >>> i) & 1 ? internalNodeHash(sibling, node) : internalNodeHash(node, sibling)
  })
  return node
}

/**
 * True if `proof` shows `leaf` under `root`. The empty-tree sentinel root proves nothing.
 * @example verifyDelegationMerkleProof(leaf, tree.proof(leaf), tree.root) // true
 */
export function verifyDelegationMerkleProof(leaf: Bytes32, proof: DelegationMerkleProof, root: Bytes32): boolean {
  return equalBytes(delegationMerkleRootFromProof(leaf, proof), root)
}

/**
 * The proof in CLVM form for the delegation layer solution: `(path h1 h2 …)`; a path of 0 is nil.
 * @example programToHex(delegationMerkleProofToProgram({ path: 0, proof: [] })) // 'ff8080'
 */
export function delegationMerkleProofToProgram({ path, proof }: DelegationMerkleProof): Program {
  return cons(int(path), list(proof.map((h) => atom(h))))
}

/**
 * Parses `(path h1 h2 …)` back; throws {@link InvalidMerkleProofError} on a malformed proof.
 * @example delegationMerkleProofFromProgram(programFromHex('ff8080')) // { path: 0, proof: [] }
 */
export function delegationMerkleProofFromProgram(program: Program): DelegationMerkleProof {
  if (program.pair === undefined) throw new InvalidMerkleProofError('expected a pair (path . hashes)')
  const [pathProgram, hashes] = program.pair
  let path: bigint
  try {
    path = toBigint(pathProgram)
  } catch (cause) {
    throw new InvalidMerkleProofError(`path is not an integer atom (${String(cause)})`)
  }
  if (path < 0n || path > 0xffffffffn) throw new InvalidMerkleProofError(`path ${path} is out of range`)
  const proof = toList(hashes).map((h, i) => {
    const bytes = h.atom === undefined ? undefined : toAtom(h)
    if (!bytes || bytes.length !== 32) throw new InvalidMerkleProofError(`hash ${i} is not 32 bytes`)
    return bytes
  })
  return { path: Number(path), proof }
}


