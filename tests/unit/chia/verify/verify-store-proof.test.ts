import { describe, expect, it } from 'vitest'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { dataStoreMetadata } from '@/lib/chia/datastore/data-store-metadata'
import { valueClvmHash } from '@/lib/chia/merkle/data-layer-hash'
import { dataLayerMerkleTree } from '@/lib/chia/merkle/data-layer-merkle-tree'
import { dataLayerProofToJson } from '@/lib/chia/merkle/data-layer-proof'
import { dataLayerStorePuzzleHash } from '@/lib/chia/merkle/data-layer-store-claim'
import { bytesToPrefixedHex, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'
import { type ProofGeneration, verifyStoreProof } from '@/lib/chia/verify/verify-store-proof'

const launcherId = new Uint8Array(32).fill(0xaa)
const innerPuzzleHash = new Uint8Array(32).fill(0xbb)
const entries = ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: utf8ToBytes(`file-${k}`), value: utf8ToBytes(`contents of ${k}`) }))
const tree = dataLayerMerkleTree(entries)
const otherTree = dataLayerMerkleTree(entries.slice(0, 3))

// Two generations: an old one at otherTree's root, the tip at tree's root, both with CHIP-0035 metadata.
function generation(n: number, root: Uint8Array, spent: number): ProofGeneration {
  const metadata = dataStoreMetadata({ rootHash: root, label: `release ${n}`, description: 'files', bytes: 4096n })
  const coin: Coin = {
    parentCoinInfo: new Uint8Array(32).fill(n),
    puzzleHash: dataLayerStorePuzzleHash({ launcherId, metadataHash: treeHash(metadata.program), innerPuzzleHash }),
    amount: 1n,
  }
  const record: CoinRecord = { coin, confirmedBlockIndex: 100 + n, spentBlockIndex: spent, coinbase: false, timestamp: 0n }
  return { generation: n, coinId: coinId(coin), record, metadata }
}
const generations = [generation(0, otherTree.root, 101), generation(1, tree.root, 0)]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON is edited to tamper with it
const proofFor = (g: ProofGeneration, t: typeof tree, keys: string[], storeId = launcherId): any =>
  dataLayerProofToJson({ storeId, coinId: g.coinId, innerPuzzleHash, proofs: keys.map((k) => t.proofOfInclusion(utf8ToBytes(k))) })

describe('verifyStoreProof', () => {
  it('verifies a get_proof JSON for the current root of a store with label/description/bytes', () => {
    const r = verifyStoreProof(JSON.stringify(proofFor(generations[1], tree, ['file-b', 'file-d'])), { launcherId, generations })
    expect(r.current).toBe(true)
    expect(r.generation).toBe(1)
    expect(r.confirmedHeight).toBe(101)
    expect(bytesToPrefixedHex(r.rootHash)).toBe(bytesToPrefixedHex(tree.root))
    expect(r.inclusions).toHaveLength(2)
  })

  it('a proof against an older root verifies but is not current', () => {
    const r = verifyStoreProof(proofFor(generations[0], otherTree, ['file-a']), { launcherId, generations })
    expect(r).toMatchObject({ current: false, generation: 0 })
  })

  it('checks a file against the proven values', () => {
    const json = proofFor(generations[1], tree, ['file-a', 'file-c'])
    const ok = verifyStoreProof(json, { launcherId, generations, fileValueClvmHash: valueClvmHash(utf8ToBytes('contents of c')) })
    expect(ok.fileInclusion).toBe(1)
    expect(() => verifyStoreProof(json, { launcherId, generations, fileValueClvmHash: valueClvmHash(utf8ToBytes('contents of z')) })).toThrow(
      expect.objectContaining({ name: 'ProofFileNotIncludedError' }),
    )
  })

  it('rejects a proof whose path does not lead to the coin’s on-chain root', () => {
    // otherTree's path, claimed for the tip coin (whose root is tree.root).
    expect(() => verifyStoreProof(proofFor(generations[1], otherTree, ['file-a']), { launcherId, generations })).toThrow(
      expect.objectContaining({ name: expect.stringMatching(/^Proof(Layer|Root|NodeHash)MismatchError$/) }),
    )
  })

  it('rejects a tampered value hash', () => {
    const json = proofFor(generations[1], tree, ['file-a'])
    json.proof.store_proofs.proofs[0].value_clvm_hash = bytesToPrefixedHex(valueClvmHash(utf8ToBytes('forged')))
    expect(() => verifyStoreProof(json, { launcherId, generations })).toThrow(expect.objectContaining({ name: 'ProofNodeHashMismatchError' }))
  })

  it('rejects another store, a coin outside the history, a wrong inner puzzle hash and non-proof JSON', () => {
    expect(() => verifyStoreProof(proofFor(generations[1], tree, ['file-a'], new Uint8Array(32)), { launcherId, generations })).toThrow(
      expect.objectContaining({ name: 'ProofStoreMismatchError' }),
    )
    const stranger = { ...generations[1], coinId: new Uint8Array(32).fill(3) }
    expect(() => verifyStoreProof(proofFor(stranger, tree, ['file-a']), { launcherId, generations })).toThrow(
      expect.objectContaining({ name: 'ProofCoinNotInStoreError' }),
    )
    const json = proofFor(generations[1], tree, ['file-a'])
    json.proof.inner_puzzle_hash = bytesToPrefixedHex(new Uint8Array(32).fill(0xcc))
    expect(() => verifyStoreProof(json, { launcherId, generations })).toThrow(expect.objectContaining({ name: 'ProofStorePuzzleMismatchError' }))
    expect(() => verifyStoreProof('{"hello": 1}', { launcherId, generations })).toThrow(expect.objectContaining({ name: 'ProofJsonError' }))
  })
})
