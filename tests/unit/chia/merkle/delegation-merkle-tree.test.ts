import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { programFromHex, programToHex } from '@/lib/chia/clvm/serialize'
import {
  delegationMerkleProofFromProgram,
  delegationMerkleProofToProgram,
  delegationMerkleRootFromProof,
  delegationMerkleTree,
  EMPTY_DELEGATION_MERKLE_ROOT,
  InvalidMerkleProofError,
  LeafNotInTreeError,
  verifyDelegationMerkleProof,
} from '@/lib/chia/merkle/delegation-merkle-tree'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

const filled = (b: number) => new Uint8Array(32).fill(b)

// xch-dev/chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/merkle_tree.rs tests: leaves [i; 32].
const SDK_CASES: { n: number; root: string; proofs: [number, number, string[]][] }[] = [
  { n: 1, root: 'ce041765675ad4d93378e20bd3a7d0d97ddcf3385fb6341581b21d4bc9e3e69e', proofs: [[1, 0, []]] },
  {
    n: 2,
    root: '00f2e7e0bc3ee77f0b5aa330406f69bfbd5c2e3b8a4338dba49f64bb3f0247c4',
    proofs: [
      [1, 0, ['f1386fff8b06ac98d347997ff5d0abad3b977514b1b7cfe0689f45f3f1393497']],
      [2, 1, ['ce041765675ad4d93378e20bd3a7d0d97ddcf3385fb6341581b21d4bc9e3e69e']],
    ],
  },
  {
    n: 3,
    root: 'adb439d3868b9273de8753e20a62a8e6d9ff6cfb43b189337a23df0690c7f55b',
    proofs: [
      [1, 0, ['f1386fff8b06ac98d347997ff5d0abad3b977514b1b7cfe0689f45f3f1393497', '131c41585fc6b26c2cf8ea6fc61be03c3c4e3facb3f7e70ec69ea094b17dc3e1']],
      [2, 1, ['ce041765675ad4d93378e20bd3a7d0d97ddcf3385fb6341581b21d4bc9e3e69e', '131c41585fc6b26c2cf8ea6fc61be03c3c4e3facb3f7e70ec69ea094b17dc3e1']],
      [3, 1, ['00f2e7e0bc3ee77f0b5aa330406f69bfbd5c2e3b8a4338dba49f64bb3f0247c4']],
    ],
  },
  {
    n: 7,
    root: '1c4b11429685dd0a516282981bb3e12c13596e846f67af1da080b9134cdea4c6',
    proofs: [
      [3, 2, ['db1a2656e1809de78fb29dddf24a1c75fbf7c6dc1f1341f485457c713ce49fa0', '00f2e7e0bc3ee77f0b5aa330406f69bfbd5c2e3b8a4338dba49f64bb3f0247c4', 'c80c9f4f69abfa70474c4d27d076ab32e23ff9bd1215fe87c6a0e6899a126d10']],
      [6, 5, ['90cbc3c7c7634183ae482172520c1b8d85ee10f1ca0b4744fdbe7da2245141bb', 'd3907c0247e7e98b72338a00d87244248df71eb313589da290d45adfba44e6d2', '7eb919730e38f305365791a43adddeea0fc275371aac8c7b08983937beeb956f']],
      [7, 3, ['3831644ba5da8ec5f16d32ef7c0a318cfec302245fac118321a5da9f43efbf94', '7eb919730e38f305365791a43adddeea0fc275371aac8c7b08983937beeb956f']],
    ],
  },
  {
    n: 8,
    root: '3023a77c57dd4c0f84fe2d9b42252e483a9974482b6d4d5fbf0e3d405a46f436',
    proofs: [
      [7, 6, ['467d8acd80729c1fe2c497db207e7861b0fd9aab3552da7a2abb828a45f288cc', '3831644ba5da8ec5f16d32ef7c0a318cfec302245fac118321a5da9f43efbf94', '7eb919730e38f305365791a43adddeea0fc275371aac8c7b08983937beeb956f']],
      [8, 7, ['d3907c0247e7e98b72338a00d87244248df71eb313589da290d45adfba44e6d2', '3831644ba5da8ec5f16d32ef7c0a318cfec302245fac118321a5da9f43efbf94', '7eb919730e38f305365791a43adddeea0fc275371aac8c7b08983937beeb956f']],
    ],
  },
]

describe('delegation merkle tree', () => {
  it('matches the driver vector root and every proof (admin, writer, oracle)', () => {
    const v = vectors.merkleTree
    const leaves = v.leaves.map((h: string) => hexToBytes(h))
    const tree = delegationMerkleTree(leaves)
    expect(bytesToHex(tree.root)).toBe(v.root)
    for (const [leaf, expected] of Object.entries(v.proofs) as [string, { path: number; proof: string[] }][]) {
      const p = tree.proof(hexToBytes(leaf))
      expect({ path: p.path, proof: p.proof.map(bytesToHex) }).toEqual(expected)
      expect(verifyDelegationMerkleProof(hexToBytes(leaf), p, tree.root)).toBe(true)
    }
    // The leaves are the delegated puzzles' merkle leaves.
    expect(v.leaves).toEqual([
      vectors.delegatedPuzzles.admin.merkleLeaf,
      vectors.delegatedPuzzles.writer.merkleLeaf,
      vectors.delegatedPuzzles.oracle.merkleLeaf,
    ])
  })

  it('matches the chia-wallet-sdk merkle_tree.rs test vectors for 1, 2, 3, 7 and 8 leaves', () => {
    for (const c of SDK_CASES) {
      const tree = delegationMerkleTree(Array.from({ length: c.n }, (_, i) => filled(i + 1)))
      expect(bytesToHex(tree.root)).toBe(c.root)
      for (const [b, path, proof] of c.proofs) {
        const p = tree.proof(filled(b))
        expect(p.path).toBe(path)
        expect(p.proof.map(bytesToHex)).toEqual(proof)
      }
    }
  })

  it('verifies every proof of random-size trees and rejects tampered ones', () => {
    for (const n of [1, 2, 4, 5, 9, 16, 33]) {
      const leaves = Array.from({ length: n }, (_, i) => filled(100 + i))
      const tree = delegationMerkleTree(leaves)
      for (const leaf of leaves) {
        const p = tree.proof(leaf)
        expect(bytesToHex(delegationMerkleRootFromProof(leaf, p))).toBe(bytesToHex(tree.root))
        if (p.proof.length > 0) {
          expect(verifyDelegationMerkleProof(leaf, { ...p, path: p.path ^ 1 }, tree.root)).toBe(false)
        }
      }
      expect(verifyDelegationMerkleProof(filled(1), tree.proof(leaves[0]), tree.root)).toBe(false)
    }
  })

  it('order matters; the empty tree has the zero root and no proofs', () => {
    const a = delegationMerkleTree([filled(1), filled(2)])
    const b = delegationMerkleTree([filled(2), filled(1)])
    expect(bytesToHex(a.root)).not.toBe(bytesToHex(b.root))
    const empty = delegationMerkleTree([])
    expect(bytesToHex(empty.root)).toBe(bytesToHex(EMPTY_DELEGATION_MERKLE_ROOT))
    expect(empty.has(filled(1))).toBe(false)
    expect(() => empty.proof(filled(1))).toThrow(LeafNotInTreeError)
    expect(() => delegationMerkleTree([new Uint8Array(31)])).toThrow(/32 bytes/)
  })

  it('duplicate leaves: the last occurrence wins, as in the SDK map', () => {
    const tree = delegationMerkleTree([filled(1), filled(2), filled(1)])
    expect(tree.proof(filled(1)).path).toBe(1)
    expect(verifyDelegationMerkleProof(filled(1), tree.proof(filled(1)), tree.root)).toBe(true)
  })

  it('serializes proofs as (path h1 h2 …) and parses them back', () => {
    expect(programToHex(delegationMerkleProofToProgram({ path: 0, proof: [] }))).toBe('ff8080')
    const v = vectors.merkleTree
    const tree = delegationMerkleTree(v.leaves.map((h: string) => hexToBytes(h)))
    const p = tree.proof(hexToBytes(v.leaves[1]))
    const hex = programToHex(delegationMerkleProofToProgram(p))
    expect(hex).toBe(`ff01ffa0${v.proofs[v.leaves[1]].proof[0]}ffa0${v.proofs[v.leaves[1]].proof[1]}80`)
    const back = delegationMerkleProofFromProgram(programFromHex(hex))
    expect({ path: back.path, proof: back.proof.map(bytesToHex) }).toEqual(v.proofs[v.leaves[1]])
    // The admin's proof is the first element of the delegation layer solution the driver built.
    const admin = vectors.cases.find((c: { name: string }) => c.name === 'update_metadata_admin')
    const solutionHex: string = admin.derived.coinSpends[0].storeSolution.stateLayerSolution.innerSolutionSerialized
    expect(solutionHex.startsWith(`ff${programToHex(delegationMerkleProofToProgram(tree.proof(hexToBytes(v.leaves[0]))))}`)).toBe(true)
    expect(() => delegationMerkleProofFromProgram(programFromHex('80'))).toThrow(InvalidMerkleProofError)
    expect(() => delegationMerkleProofFromProgram(programFromHex('ff80ff8200ff80'))).toThrow(InvalidMerkleProofError)
  })
})
