/**
 * Chia DataLayer proofs of inclusion and the proof JSON of the DataLayer RPC `get_proof` /
 * `verify_proof` (streamable JSON of `GetProofResponse` / `DLProof`):
 *
 *   { "proof": { "store_proofs": { "store_id": "0x…", "proofs": [ {
 *       "key_clvm_hash": "0x…", "value_clvm_hash": "0x…", "node_hash": "0x…",
 *       "layers": [ { "other_hash_side": 0|1, "other_hash": "0x…", "combined_hash": "0x…" } ] } ] },
 *     "coin_id": "0x…", "inner_puzzle_hash": "0x…" }, "success": true }
 *
 * `layers` run from the leaf's parent up to the root; `other_hash_side` is the sibling's side
 * (0 = left, 1 = right); the root is the last layer's `combined_hash` (or `node_hash` when there
 * are no layers). Verification here checks the Merkle path against a root hash given by the caller
 * (the store's on-chain root), independent of the store's other metadata; the store/coin claim is
 * checked separately (data-layer-store-claim.ts).
 * Source: Chia-Network/chia-blockchain `chia/data_layer/data_layer_util.py` (ProofLayer,
 * HashOnlyProof, StoreProofsHashes, DLProof, GetProofResponse, dl_verify_proof_internal) and
 * `data_layer_rpc_api.py` (get_proof, verify_proof); chia_rs `merkle/proof_of_inclusion.rs`.
 */
import { AppError } from '../errors/app-error'
import { type Bytes32, bytesToHex, bytesToPrefixedHex, equalBytes, hexToBytes32 } from '../primitives/bytes'
import { dataLayerInternalHash, leafHashFromClvmHashes } from './data-layer-hash'

export type Side = 'left' | 'right'

export interface ProofOfInclusionLayer {
  /** Which side the sibling (`otherHash`) is on. */
  otherHashSide: Side
  otherHash: Bytes32
  combinedHash: Bytes32
}

/** One key's proof (chia `HashOnlyProof`). */
export interface ProofOfInclusion {
  keyClvmHash: Bytes32
  valueClvmHash: Bytes32
  nodeHash: Bytes32
  layers: ProofOfInclusionLayer[]
}

/** A store's proofs plus the coin it claims (chia `DLProof`). */
export interface DataLayerProof {
  storeId: Bytes32
  proofs: ProofOfInclusion[]
  coinId: Bytes32
  innerPuzzleHash: Bytes32
}

export interface VerifiedInclusion {
  keyClvmHash: Bytes32
  valueClvmHash: Bytes32
}

export class ProofJsonError extends AppError {
  override name = 'ProofJsonError' as const
  constructor({ path, reason }: { path: string; reason: string }) {
    super('This is not a Chia DataLayer proof.', { details: `${path}: ${reason}` })
  }
}

export class ProofNodeHashMismatchError extends AppError {
  override name = 'ProofNodeHashMismatchError' as const
  constructor({ index, expected, actual }: { index: number; expected: Bytes32; actual: Bytes32 }) {
    super('The proof does not match its key and value.', {
      details: `proof ${index}: node_hash ${bytesToHex(actual)}, but sha256(2, key_clvm_hash, value_clvm_hash) = ${bytesToHex(expected)}`,
    })
  }
}

export class ProofLayerMismatchError extends AppError {
  override name = 'ProofLayerMismatchError' as const
  constructor({ index, layer, expected, actual }: { index: number; layer: number; expected: Bytes32; actual: Bytes32 }) {
    super('The proof path is broken.', {
      details: `proof ${index}, layer ${layer}: combined_hash ${bytesToHex(actual)}, recomputed ${bytesToHex(expected)}`,
    })
  }
}

export class ProofRootMismatchError extends AppError {
  override name = 'ProofRootMismatchError' as const
  constructor({ index, expected, actual }: { index: number; expected: Bytes32; actual: Bytes32 }) {
    super('The proof does not lead to the store’s root hash.', {
      details: `proof ${index}: proves root ${bytesToHex(actual)}, store root is ${bytesToHex(expected)}`,
    })
  }
}

/**
 * The root a proof claims: the last layer's combined hash, or the node hash for a one-leaf tree.
 * @example proofOfInclusionRoot(proof)
 */
export const proofOfInclusionRoot = (proof: ProofOfInclusion): Bytes32 =>
  proof.layers.length === 0 ? proof.nodeHash : proof.layers[proof.layers.length - 1].combinedHash

/**
 * Checks one proof's node hash and every layer, then that it ends at `rootHash`. Throws
 * {@link ProofNodeHashMismatchError}, {@link ProofLayerMismatchError} or {@link ProofRootMismatchError}.
 * @example verifyProofOfInclusionPath(proof, rootHash)
 */
export function verifyProofOfInclusionPath(proof: ProofOfInclusion, rootHash: Bytes32, index = 0): VerifiedInclusion {
  const expectedNode = leafHashFromClvmHashes(proof.keyClvmHash, proof.valueClvmHash)
  if (!equalBytes(expectedNode, proof.nodeHash)) {
    throw new ProofNodeHashMismatchError({ index, expected: expectedNode, actual: proof.nodeHash })
  }
  let hash = proof.nodeHash
  proof.layers.forEach((layer, i) => {
    hash = layer.otherHashSide === 'left' ? dataLayerInternalHash(layer.otherHash, hash) : dataLayerInternalHash(hash, layer.otherHash)
    if (!equalBytes(hash, layer.combinedHash)) {
      throw new ProofLayerMismatchError({ index, layer: i, expected: hash, actual: layer.combinedHash })
    }
  })
  if (!equalBytes(hash, rootHash)) throw new ProofRootMismatchError({ index, expected: rootHash, actual: hash })
  return { keyClvmHash: proof.keyClvmHash, valueClvmHash: proof.valueClvmHash }
}

/**
 * Verifies every proof in a Chia proof JSON (a `get_proof` response, a `DLProof`, or its text)
 * against a store's root hash, whatever the store's other metadata. Returns the proven
 * key/value hashes; throws {@link ProofJsonError} or a mismatch error naming the failing proof.
 * @example verifyProofOfInclusion(pastedJson, store.metadata.rootHash) // [{ keyClvmHash, valueClvmHash }]
 */
export function verifyProofOfInclusion(proofJson: unknown, rootHash: Bytes32): VerifiedInclusion[] {
  const proof = dataLayerProofFromJson(proofJson)
  if (proof.proofs.length === 0) throw new ProofJsonError({ path: 'store_proofs.proofs', reason: 'no proofs' })
  return proof.proofs.map((p, i) => verifyProofOfInclusionPath(p, rootHash, i))
}

// ---- JSON (Chia streamable JSON: bytes32 as "0x…" hex, Side as uint8) ----

const hex32 = (value: unknown, path: string): Bytes32 => {
  if (typeof value !== 'string') throw new ProofJsonError({ path, reason: 'expected a hex string' })
  try {
    return hexToBytes32(value, path)
  } catch (cause) {
    throw new ProofJsonError({ path, reason: cause instanceof AppError ? cause.shortMessage : 'bad hex' })
  }
}

const obj = (value: unknown, path: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProofJsonError({ path, reason: 'expected an object' })
  }
  return value as Record<string, unknown>
}

const arr = (value: unknown, path: string): unknown[] => {
  if (!Array.isArray(value)) throw new ProofJsonError({ path, reason: 'expected an array' })
  return value
}

function sideFromJson(value: unknown, path: string): Side {
  // Streamable JSON writes uint8 0/1; the older `Layer.marshal` wrote "left"/"right".
  if (value === 0 || value === '0' || value === 'left') return 'left'
  if (value === 1 || value === '1' || value === 'right') return 'right'
  throw new ProofJsonError({ path, reason: `bad side ${JSON.stringify(value)}` })
}

/**
 * Parses one `HashOnlyProof` JSON object.
 * @example proofOfInclusionFromJson({ key_clvm_hash: '0x…', value_clvm_hash: '0x…', node_hash: '0x…', layers: [] })
 */
export function proofOfInclusionFromJson(json: unknown, path = 'proof'): ProofOfInclusion {
  const o = obj(json, path)
  return {
    keyClvmHash: hex32(o.key_clvm_hash, `${path}.key_clvm_hash`),
    valueClvmHash: hex32(o.value_clvm_hash, `${path}.value_clvm_hash`),
    nodeHash: hex32(o.node_hash, `${path}.node_hash`),
    layers: arr(o.layers, `${path}.layers`).map((l, i) => {
      const lo = obj(l, `${path}.layers[${i}]`)
      return {
        otherHashSide: sideFromJson(lo.other_hash_side, `${path}.layers[${i}].other_hash_side`),
        otherHash: hex32(lo.other_hash, `${path}.layers[${i}].other_hash`),
        combinedHash: hex32(lo.combined_hash, `${path}.layers[${i}].combined_hash`),
      }
    }),
  }
}

/**
 * Encodes one proof as a `HashOnlyProof` JSON object.
 * @example proofOfInclusionToJson(tree.proofOfInclusion(key))
 */
export function proofOfInclusionToJson(proof: ProofOfInclusion): Record<string, unknown> {
  return {
    key_clvm_hash: bytesToPrefixedHex(proof.keyClvmHash),
    value_clvm_hash: bytesToPrefixedHex(proof.valueClvmHash),
    node_hash: bytesToPrefixedHex(proof.nodeHash),
    layers: proof.layers.map((l) => ({
      other_hash_side: l.otherHashSide === 'left' ? 0 : 1,
      other_hash: bytesToPrefixedHex(l.otherHash),
      combined_hash: bytesToPrefixedHex(l.combinedHash),
    })),
  }
}

/**
 * Parses a `get_proof` response (`{ proof: DLProof, success }`), a bare `DLProof`, or their JSON text.
 * @example const proof = dataLayerProofFromJson(JSON.parse(text))
 */
export function dataLayerProofFromJson(json: unknown): DataLayerProof {
  let value = json
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch (cause) {
      throw new ProofJsonError({ path: '$', reason: `not JSON (${cause instanceof Error ? cause.message : String(cause)})` })
    }
  }
  let root = obj(value, '$')
  let path = '$'
  if (root.store_proofs === undefined && root.proof !== undefined) {
    root = obj(root.proof, '$.proof')
    path = '$.proof'
  }
  const storeProofs = obj(root.store_proofs, `${path}.store_proofs`)
  return {
    storeId: hex32(storeProofs.store_id, `${path}.store_proofs.store_id`),
    proofs: arr(storeProofs.proofs, `${path}.store_proofs.proofs`).map((p, i) =>
      proofOfInclusionFromJson(p, `${path}.store_proofs.proofs[${i}]`),
    ),
    coinId: hex32(root.coin_id, `${path}.coin_id`),
    innerPuzzleHash: hex32(root.inner_puzzle_hash, `${path}.inner_puzzle_hash`),
  }
}

/**
 * Encodes a proof as the `get_proof` response JSON (`{ proof: DLProof, success: true }`).
 * @example JSON.stringify(dataLayerProofToJson({ storeId, proofs, coinId, innerPuzzleHash }), null, 2)
 */
export function dataLayerProofToJson(proof: DataLayerProof): { proof: Record<string, unknown>; success: true } {
  return {
    proof: {
      store_proofs: {
        store_id: bytesToPrefixedHex(proof.storeId),
        proofs: proof.proofs.map(proofOfInclusionToJson),
      },
      coin_id: bytesToPrefixedHex(proof.coinId),
      inner_puzzle_hash: bytesToPrefixedHex(proof.innerPuzzleHash),
    },
    success: true,
  }
}
