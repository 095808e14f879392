/**
 * The Chia DataLayer key/value Merkle tree, built the way a Chia DataLayer node builds it, with
 * proofs of inclusion in Chia's format.
 *
 * Why the shape matters. A root hash depends on the tree's shape, and Chia's shape depends on how
 * the entries were inserted, so "the root of these files" is only Chia-compatible for a stated
 * insertion procedure. This module reproduces chia_rs `MerkleBlob` (chia-blockchain ≥ 2.5):
 *
 * - `insert` (chia `DataStore.insert` / `autoinsert`, and `batch_update` when the node runs with
 *   `enable_batch_autoinsert: false`): into an empty tree the entry becomes the root; otherwise
 *   `seed = leaf_hash(key, value)`, a leaf is found by walking from the root with the bits of the
 *   byte-reversed seed (LSB first; left on 0), re-hashing the seed every 256 steps, and the entry is
 *   placed beside that leaf on the left when `seed[0] < 128`, else on the right.
 *   The result depends only on the ordered entries. Checked against chia-blockchain's own
 *   reference roots (tests/unit/chia/merkle).
 * - `batchInsert` (chia `batch_update` with the default `enable_batch_autoinsert: true`): into a
 *   tree with at most one leaf, the last two entries are first inserted one by one at a place
 *   chosen from `sha256(i64_be(key id))`; the remaining entries, in order, are paired bottom-up
 *   (chunks of two per level, an odd last node moves up unchanged) and the resulting subtree is
 *   put on the left of the shallowest leftmost leaf. Key ids are the node's database row ids
 *   (`ids.kv_id`), so only this step is not a function of the entries; by default we use the ids a
 *   fresh DataLayer database assigns (1, 2, … over distinct key and value blobs, key then value,
 *   in changelist order).
 *
 * `dataLayerMerkleTree` (the "root over files" entry point) sorts entries by key bytes and uses
 * `insert` order by default, so its root is a function of the set and matches a fresh Chia store
 * filled by single inserts in that order. Hashes are Chia's (data-layer-hash.ts); proofs verify
 * with any Chia verifier whatever the shape.
 * Source: chia-blockchain `chia/data_layer/data_store.py` (insert, insert_batch,
 * get_reference_kid_side, add_kvid); chia_rs `crates/chia-datalayer/src/merkle/blob.rs` (insert,
 * batch_insert, get_random_insert_location_by_seed, insert_subtree_at_key, get_min_height_leaf,
 * get_proof_of_inclusion), `merkle/util.rs` (sha256_num).
 */
import { AppError } from '../errors/app-error'
import { type Bytes32, bytesToHex, compareBytes } from '../primitives/bytes'
import { sha256 } from '../primitives/sha256'
import { dataLayerInternalHash, keyClvmHash, leafHashFromClvmHashes, valueClvmHash } from './data-layer-hash'
import type { ProofOfInclusion, ProofOfInclusionLayer, Side } from './data-layer-proof'

/** A key with its value, or with the value's CLVM hash when the bytes are hashed elsewhere (large files). */
export type DataLayerEntry = { key: Uint8Array; value: Uint8Array } | { key: Uint8Array; valueClvmHash: Bytes32 }

export interface DataLayerLeaf {
  key: Uint8Array
  keyClvmHash: Bytes32
  valueClvmHash: Bytes32
  nodeHash: Bytes32
}

export class DuplicateKeyError extends AppError {
  override name = 'DuplicateKeyError' as const
  constructor({ key }: { key: Uint8Array }) {
    super('Two entries have the same key.', { details: `key 0x${bytesToHex(key)}` })
  }
}

export class KeyNotInTreeError extends AppError {
  override name = 'KeyNotInTreeError' as const
  constructor({ key }: { key: Uint8Array }) {
    super('The key is not in this DataLayer tree.', { details: `key 0x${bytesToHex(key)}` })
  }
}

export class KeyIdCountError extends AppError {
  override name = 'KeyIdCountError' as const
  constructor({ expected, actual }: { expected: number; actual: number }) {
    super('A key id is needed for every batch entry.', { details: `expected ${expected}, got ${actual}` })
  }
}

/** The root of an empty DataLayer tree as an empty store commits it on chain. */
export const EMPTY_DATA_LAYER_ROOT: Bytes32 = new Uint8Array(32)

interface Node {
  hash: Bytes32
  /** Internal node whose hash must be recomputed (hashes are lazy, like chia_rs `calculate_lazy_hashes`). */
  dirty?: boolean
  leaf?: DataLayerLeaf
  parent?: Node
  left?: Node
  right?: Node
}

/** A Chia DataLayer tree that entries can be added to, mirroring chia_rs `MerkleBlob`. */
export interface DataLayerTree {
  /** The root hash; {@link EMPTY_DATA_LAYER_ROOT} when empty. */
  root(): Bytes32
  /** Number of leaves. */
  size(): number
  /** Seeded single insert (chia `insert` without a reference node). */
  insert(entry: DataLayerEntry): void
  /** chia `batch_insert`; `keyIds[i]` is entry i's key id (default: fresh-database ids). */
  batchInsert(entries: readonly DataLayerEntry[], keyIds?: readonly bigint[]): void
  /** The proof of the entry with `key`; throws {@link KeyNotInTreeError}. */
  proofOfInclusion(key: Uint8Array): ProofOfInclusion
  /** Leaves in insertion order. */
  leaves(): readonly DataLayerLeaf[]
}

const toLeaf = (e: DataLayerEntry): DataLayerLeaf => {
  const k = keyClvmHash(e.key)
  const v = 'value' in e ? valueClvmHash(e.value) : e.valueClvmHash
  return { key: e.key, keyClvmHash: k, valueClvmHash: v, nodeHash: leafHashFromClvmHashes(k, v) }
}

/**
 * The insertion side chia_rs derives from a seed: bit 7 of its first byte, clear → left.
 * @example seedSide(leafHash) // 'left' | 'right'
 */
export const seedSide = (seed: Uint8Array): Side => (seed[0] & 0x80 ? 'right' : 'left')

/**
 * chia_rs `sha256_num(key_id)`: sha256 of the id as 8 big-endian bytes (i64).
 * @example keyIdSeed(1n)
 */
export function keyIdSeed(keyId: bigint): Bytes32 {
  const be = new Uint8Array(8)
  let v = BigInt.asUintN(64, keyId)
  for (let i = 7; i >= 0; i--) {
    be[i] = Number(v & 0xffn)
    v >>= 8n
  }
  return sha256(be)
}

/**
 * Key ids a fresh DataLayer database assigns: 1, 2, … over distinct key and value blobs, key then
 * value, in changelist order (`ids.kv_id INTEGER PRIMARY KEY`, unique per blob hash and store).
 * @example freshDatabaseKeyIds(entries) // [1n, 3n, …]
 */
export function freshDatabaseKeyIds(
  entries: readonly Pick<DataLayerLeaf, 'keyClvmHash' | 'valueClvmHash'>[],
  firstId = 1n,
): bigint[] {
  const ids = new Map<string, bigint>()
  const idOf = (h: Bytes32): bigint => {
    const k = bytesToHex(h)
    let id = ids.get(k)
    if (id === undefined) {
      id = firstId + BigInt(ids.size)
      ids.set(k, id)
    }
    return id
  }
  return entries.map((l) => {
    const kid = idOf(l.keyClvmHash)
    idOf(l.valueClvmHash)
    return kid
  })
}

/**
 * An empty Chia DataLayer tree to insert into (see the file comment for the exact procedures).
 * @example const tree = createDataLayerTree(); entries.forEach((e) => tree.insert(e)); tree.root()
 */
export function createDataLayerTree(): DataLayerTree {
  let top: Node | undefined
  const byKey = new Map<string, Node>()
  const order: DataLayerLeaf[] = []

  // Insertion only needs the tree's structure, so internal hashes are recomputed on demand.
  const markDirty = (start: Node | undefined) => {
    for (let n = start; n && !n.dirty; n = n.parent) n.dirty = true
  }
  const rehash = (node: Node): Bytes32 => {
    if (node.dirty) {
      node.hash = dataLayerInternalHash(rehash(node.left!), rehash(node.right!))
      node.dirty = false
    }
    return node.hash
  }
  const ensureHashes = () => {
    if (top) rehash(top)
  }

  // Replace `target` by an internal node holding `added` on `side` and `target` on the other side.
  const placeBeside = (target: Node, added: Node, side: Side) => {
    const parent = target.parent
    const node: Node = side === 'left' ? { hash: target.hash, left: added, right: target } : { hash: target.hash, left: target, right: added }
    node.parent = parent
    added.parent = node
    target.parent = node
    if (!parent) top = node
    else if (parent.left === target) parent.left = node
    else parent.right = node
    markDirty(node)
  }

  const leafBySeed = (seed: Uint8Array): Node => {
    let node = top!
    let bytes: Uint8Array = Uint8Array.from(seed).reverse()
    for (;;) {
      for (const byte of bytes) {
        for (let bit = 0; bit < 8; bit++) {
          if (node.leaf) return node
          node = byte & (1 << bit) ? node.right! : node.left!
        }
      }
      bytes = sha256(bytes)
    }
  }

  const newLeafNode = (entry: DataLayerEntry): Node => {
    const leaf = toLeaf(entry)
    const hex = bytesToHex(leaf.key)
    if (byKey.has(hex)) throw new DuplicateKeyError({ key: leaf.key })
    const node: Node = { hash: leaf.nodeHash, leaf }
    byKey.set(hex, node)
    order.push(leaf)
    return node
  }

  const insertBySeed = (node: Node, seed: Uint8Array) => {
    if (!top) {
      top = node
      return
    }
    placeBeside(leafBySeed(seed), node, seedSide(seed))
  }

  const shallowestLeaf = (): Node => {
    const queue: Node[] = [top!]
    for (let i = 0; ; i++) {
      const n = queue[i]
      if (n.leaf) return n
      queue.push(n.left!, n.right!)
    }
  }

  return {
    root: () => {
      ensureHashes()
      return top ? top.hash : EMPTY_DATA_LAYER_ROOT
    },
    size: () => byKey.size,
    leaves: () => order,
    insert(entry) {
      const node = newLeafNode(entry)
      insertBySeed(node, node.hash)
    },
    batchInsert(entries, keyIds) {
      const leaves = entries.map(toLeaf)
      const ids = keyIds ?? freshDatabaseKeyIds(leaves)
      if (ids.length !== entries.length) throw new KeyIdCountError({ expected: entries.length, actual: ids.length })
      const pending = entries.map((e, i) => ({ e, id: ids[i] }))
      if (byKey.size <= 1) {
        for (let k = 0; k < 2 && pending.length > 0; k++) {
          const { e, id } = pending.pop()!
          insertBySeed(newLeafNode(e), keyIdSeed(id))
        }
      }
      let level = pending.map(({ e }) => newLeafNode(e))
      if (level.length === 0) return
      while (level.length > 1) {
        const next: Node[] = []
        for (let i = 0; i < level.length; i += 2) {
          if (i + 1 === level.length) {
            next.push(level[i])
            continue
          }
          const a = level[i]
          const b = level[i + 1]
          const parent: Node = { hash: EMPTY_DATA_LAYER_ROOT, dirty: true, left: a, right: b }
          a.parent = parent
          b.parent = parent
          next.push(parent)
        }
        level = next
      }
      placeBeside(shallowestLeaf(), level[0], 'left')
    },
    proofOfInclusion(key) {
      const node = byKey.get(bytesToHex(key))
      if (!node) throw new KeyNotInTreeError({ key })
      ensureHashes()
      const leaf = node.leaf!
      const layers: ProofOfInclusionLayer[] = []
      for (let cur = node; cur.parent; cur = cur.parent) {
        const parent = cur.parent
        const isLeft = parent.left === cur
        layers.push({ otherHashSide: isLeft ? 'right' : 'left', otherHash: (isLeft ? parent.right! : parent.left!).hash, combinedHash: parent.hash })
      }
      return { keyClvmHash: leaf.keyClvmHash, valueClvmHash: leaf.valueClvmHash, nodeHash: leaf.nodeHash, layers }
    },
  }
}

export interface DataLayerMerkleTreeOptions {
  /** `'sorted'` (default): by key bytes, lexicographically. `'given'`: the array order. */
  order?: 'sorted' | 'given'
  /** `'insert'` (default): one seeded insert per entry. `'batch'`: one `batch_insert` (fresh-database key ids unless `keyIds`). */
  insertion?: 'insert' | 'batch'
  /** Key ids for `'batch'`, one per entry in final order. */
  keyIds?: readonly bigint[]
}

export interface DataLayerMerkleTree {
  /** The root hash; 32 zero bytes for an empty tree. */
  root: Bytes32
  /** Leaves in insertion order (after sorting). */
  leaves: readonly DataLayerLeaf[]
  /** The proof of the entry with `key`; throws {@link KeyNotInTreeError}. */
  proofOfInclusion(key: Uint8Array): ProofOfInclusion
}

/**
 * The DataLayer Merkle tree of a set of key/value entries, e.g. files (key = relative path bytes,
 * value = file bytes or its `valueClvmHash`). Throws {@link DuplicateKeyError} on a repeated key.
 * @example const { root, proofOfInclusion } = dataLayerMerkleTree(files.map((f) => ({ key: utf8ToBytes(f.path), value: f.bytes })))
 */
export function dataLayerMerkleTree(entries: readonly DataLayerEntry[], options: DataLayerMerkleTreeOptions = {}): DataLayerMerkleTree {
  const list = [...entries]
  if ((options.order ?? 'sorted') === 'sorted') list.sort((a, b) => compareBytes(a.key, b.key))
  const tree = createDataLayerTree()
  if ((options.insertion ?? 'insert') === 'batch') tree.batchInsert(list, options.keyIds)
  else for (const e of list) tree.insert(e)
  return { root: tree.root(), leaves: tree.leaves(), proofOfInclusion: (key) => tree.proofOfInclusion(key) }
}
