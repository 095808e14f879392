import { describe, expect, it } from 'vitest'
import { atom, cons } from '@/lib/chia/clvm/program'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import {
  createValueClvmHasher,
  dataLayerInternalHash,
  dataLayerLeafHash,
  keyClvmHash,
  valueClvmHash,
} from '@/lib/chia/merkle/data-layer-hash'
import {
  createDataLayerTree,
  dataLayerMerkleTree,
  DuplicateKeyError,
  EMPTY_DATA_LAYER_ROOT,
  freshDatabaseKeyIds,
  KeyIdCountError,
  keyIdSeed,
  KeyNotInTreeError,
  seedSide,
} from '@/lib/chia/merkle/data-layer-merkle-tree'
import { proofOfInclusionFromJson, proofOfInclusionRoot, verifyProofOfInclusionPath } from '@/lib/chia/merkle/data-layer-proof'
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { sha256 } from '@/lib/chia/primitives/sha256'

const kv = (k: string, v: string) => ({ key: utf8ToBytes(k), value: utf8ToBytes(v) })
const bytesKv = (k: number[], v: number[]) => ({ key: new Uint8Array(k), value: new Uint8Array(v) })
const leafOf = (k: string, v: string) => dataLayerLeafHash(utf8ToBytes(k), utf8ToBytes(v))
const H = dataLayerInternalHash
const hex = bytesToHex

describe('DataLayer hashing (chia data_layer_util.py)', () => {
  it('leaf hash = treeHash((key . value)) = sha256(2 ‖ sha256(1 ‖ key) ‖ sha256(1 ‖ value))', () => {
    const key = utf8ToBytes('index.html')
    const value = utf8ToBytes('<h1>hi</h1>')
    const byTree = treeHash(cons(atom(key), atom(value)))
    const one = new Uint8Array([1])
    const byFormula = sha256(concatBytes(new Uint8Array([2]), sha256(concatBytes(one, key)), sha256(concatBytes(one, value))))
    expect(hex(dataLayerLeafHash(key, value))).toBe(hex(byTree))
    expect(hex(dataLayerLeafHash(key, value))).toBe(hex(byFormula))
    expect(hex(keyClvmHash(key))).toBe(hex(sha256(concatBytes(one, key))))
    const a = new Uint8Array(32).fill(1)
    const b = new Uint8Array(32).fill(2)
    expect(hex(H(a, b))).toBe(hex(sha256(concatBytes(new Uint8Array([2]), a, b))))
    // chia-blockchain test_data_rpc.py reference: node_hash of key 0x10 / value 0x0110.
    expect(hex(dataLayerLeafHash(new Uint8Array([0x10]), new Uint8Array([1, 0x10])))).toBe(
      'de4ec93c032f5117d8af076dfc86faa5987a6c0b1d52ffc9cf0dfa43989d8c58',
    )
  })

  it('the chunked value hasher equals the one-shot hash', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 7) & 0xff)
    const h = createValueClvmHasher()
    for (let i = 0; i < big.length; i += 65_536) h.update(big.subarray(i, i + 65_536))
    expect(hex(h.digest())).toBe(hex(valueClvmHash(big)))
    expect(hex(createValueClvmHasher().digest())).toBe(hex(valueClvmHash(new Uint8Array(0))))
  })
})

// Chia-Network/chia-blockchain chia/_tests/core/data_layer/test_data_rpc.py (make_one_take_one_reference
// and siblings): a maker store and a taker store each get keys 0x00..0x09 with values prefix ‖ key
// (prefix 01 for the maker, 02 for the taker) inserted one by one, then the offer's inclusions are
// inserted; the tests record every root, and the maker's proofs of the new key.
const MAKER_ROOT = '6661ea6604b491118b0f49c932c0f0de2ad815a57b54b6ec8fdbd1b408ae7e27'
const TAKER_ROOT = '42f08ebc0578f2cec7a9ad1c3038e74e0f30eba5c2f4cb1ee1c8fdb682c19dbb'
const AFTER_OFFER: { prefix: number; inserts: [number[], number[]][]; root: string }[] = [
  { prefix: 1, inserts: [[[0x10], [0x01, 0x10]]], root: '8e54f5066aa7999fc1561a56df59d11ff01f7df93cadf49a61adebf65dec65ea' },
  { prefix: 2, inserts: [[[0x10], [0x02, 0x10]]], root: 'eeb63ac765065d2ee161e1c059c8188ef809e1c3ed8739bad5bfee2c2ee1c742' },
  { prefix: 1, inserts: [[[0x10], [0x05, 0x10]]], root: '1d1eb374688e3033cbce2514e4fded10ceffe068e663718b8a20716a65019f91' },
  { prefix: 2, inserts: [[[0x10], [0x05, 0x10]]], root: '87ebc7585e5b291203c318a7be96ca9cdfd5ddfc9cc2a97f55a3eddb49f0c74e' },
  {
    prefix: 1,
    inserts: [
      [[0x10], [0x01, 0x10]],
      [[0x11], [0x01, 0x11]],
    ],
    root: '043fed6d67961e36db2900b6aab24aa68be529c4e632aace486fbea1b26dc70e',
  },
  {
    prefix: 2,
    inserts: [
      [[0x10], [0x02, 0x10]],
      [[0x11], [0x02, 0x11]],
    ],
    root: '2215da3c9a309e0d8972fd6acb8ac62898a0f7e4a07351d558c2cc5094dfc5ec',
  },
]
// The maker's proof of key 0x10 (value 0x0110) in root 8e54…, as make_offer returned it.
const MAKER_PROOF_10 = {
  key_clvm_hash: `0x${hex(keyClvmHash(new Uint8Array([0x10])))}`,
  value_clvm_hash: `0x${hex(valueClvmHash(new Uint8Array([0x01, 0x10])))}`,
  node_hash: 'de4ec93c032f5117d8af076dfc86faa5987a6c0b1d52ffc9cf0dfa43989d8c58',
  layers: [
    { other_hash_side: 'left', other_hash: '1c8ab812b97f5a9da0ba4be2380104810fe5c8022efe9b9e2c9d188fc3537434', combined_hash: 'd340000b3a6717a5a8d42b24516ff69430235c771f8a527554b357b7f03c6de0' },
    { other_hash_side: 'right', other_hash: '54e8b4cac761778f396840b343c0f1cb0e1fd0c9927d48d2f0d09a7a6f225126', combined_hash: '7676004a15439e4e8345d0f9f3a15500805b3447285904b7bcd7d14e27381d2e' },
    { other_hash_side: 'right', other_hash: '6a37ca2d9a37a50f2d53387c3cf31395c72d75b1aacfa4402c32dc6d354542b4', combined_hash: 'b1dc97f797a32631483c11d33b4759f5b498b512b7436286d1dc00bb1024b7e2' },
    { other_hash_side: 'right', other_hash: 'bcff6f16886339a196a2f6c842ad6d350a8579d123eb8602a0a85965ba25d671', combined_hash: '8e54f5066aa7999fc1561a56df59d11ff01f7df93cadf49a61adebf65dec65ea' },
  ],
}

const referenceStore = (prefix: number) => {
  const tree = createDataLayerTree()
  for (let i = 0; i < 10; i++) tree.insert(bytesKv([i], [prefix, i]))
  return tree
}

describe('seeded insert reproduces chia-blockchain reference roots', () => {
  it('maker and taker stores of 10 entries', () => {
    expect(hex(referenceStore(1).root())).toBe(MAKER_ROOT)
    expect(hex(referenceStore(2).root())).toBe(TAKER_ROOT)
    // dataLayerMerkleTree with the given order is the same procedure.
    const entries = Array.from({ length: 10 }, (_, i) => bytesKv([i], [1, i]))
    expect(hex(dataLayerMerkleTree(entries, { order: 'given' }).root)).toBe(MAKER_ROOT)
    // Keys 0x00..0x09 are already in byte order, so sorting changes nothing here.
    expect(hex(dataLayerMerkleTree([...entries].reverse()).root)).toBe(MAKER_ROOT)
  })

  it('roots after the offers’ inserts (6 reference roots)', () => {
    for (const c of AFTER_OFFER) {
      const tree = referenceStore(c.prefix)
      for (const [k, v] of c.inserts) tree.insert(bytesKv(k, v))
      expect(hex(tree.root())).toBe(c.root)
      expect(tree.size()).toBe(10 + c.inserts.length)
    }
  })

  it('the proof of key 0x10 equals the one Chia returned, layer by layer', () => {
    const tree = referenceStore(1)
    tree.insert(bytesKv([0x10], [0x01, 0x10]))
    const ours = tree.proofOfInclusion(new Uint8Array([0x10]))
    const theirs = proofOfInclusionFromJson(MAKER_PROOF_10)
    expect({ ...ours, layers: ours.layers.map((l) => ({ ...l, otherHash: hex(l.otherHash), combinedHash: hex(l.combinedHash) })) }).toEqual({
      ...theirs,
      layers: theirs.layers.map((l) => ({ ...l, otherHash: hex(l.otherHash), combinedHash: hex(l.combinedHash) })),
    })
    expect(hex(verifyProofOfInclusionPath(theirs, hexToBytes(AFTER_OFFER[0].root)).keyClvmHash)).toBe(hex(keyClvmHash(new Uint8Array([0x10]))))
  })
})

describe('batch insert (chia_rs MerkleBlob::batch_insert)', () => {
  it('the second entry goes beside the first on the side picked by sha256(i64_be(key id))', () => {
    for (const id of [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]) {
      expect(hex(keyIdSeed(id))).toBe(hex(sha256(new Uint8Array([0, 0, 0, 0, 0, 0, 0, Number(id)]))))
    }
    expect(new Set([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n].map((id) => seedSide(keyIdSeed(id)))).size).toBe(2)
    const entries = [kv('a', '1'), kv('b', '2')]
    // Last entry first (as root), then the second-to-last beside it.
    const IDS = Array.from({ length: 64 }, (_, i) => BigInt(i + 1))
    const left = IDS.find((id) => seedSide(keyIdSeed(id)) === 'left')!
    const right = IDS.find((id) => seedSide(keyIdSeed(id)) === 'right')!
    expect(hex(dataLayerMerkleTree(entries, { insertion: 'batch', keyIds: [left, 99n] }).root)).toBe(hex(H(leafOf('a', '1'), leafOf('b', '2'))))
    expect(hex(dataLayerMerkleTree(entries, { insertion: 'batch', keyIds: [right, 99n] }).root)).toBe(hex(H(leafOf('b', '2'), leafOf('a', '1'))))
  })

  it('fresh-database key ids: 1, 2, … over distinct blobs, key then value', () => {
    const leaves = dataLayerMerkleTree([kv('a', 'x'), kv('b', 'x'), kv('x', 'a')], { order: 'given' }).leaves
    expect(freshDatabaseKeyIds(leaves)).toEqual([1n, 3n, 2n])
    expect(freshDatabaseKeyIds(leaves, 10n)).toEqual([10n, 12n, 11n])
  })

  it('the rest are paired bottom-up and grafted left of the shallowest leftmost leaf', () => {
    const e = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => kv(k, String(i)))
    const L = e.map((x) => dataLayerLeafHash(x.key, x.value))
    const leftId = Array.from({ length: 64 }, (_, i) => BigInt(i + 1)).find((id) => seedSide(keyIdSeed(id)) === 'left')!
    const ids = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 2 ? leftId : 1000n + BigInt(i)))
    // n = 3: [a] grafted beside the root's left child (b).
    expect(hex(dataLayerMerkleTree(e.slice(0, 3), { insertion: 'batch', keyIds: ids(3) }).root)).toBe(hex(H(H(L[0], L[1]), L[2])))
    // n = 7: rest [a..e] → ((ab cd) e); root = ((((ab cd) e) f) g)
    const rest = H(H(H(L[0], L[1]), H(L[2], L[3])), L[4])
    expect(hex(dataLayerMerkleTree(e, { insertion: 'batch', keyIds: ids(7) }).root)).toBe(hex(H(H(rest, L[5]), L[6])))
    // Into a bigger tree, a one-entry batch becomes the left sibling of the shallowest leftmost leaf.
    const tree = createDataLayerTree()
    tree.insert(kv('x', '1'))
    tree.insert(kv('y', '2'))
    tree.insert(kv('z', '3'))
    const before = tree.proofOfInclusion(utf8ToBytes('x')).layers.length
    tree.batchInsert([kv('n', 'new')])
    const p = tree.proofOfInclusion(utf8ToBytes('n'))
    expect(p.layers[0].otherHashSide).toBe('right')
    expect(p.layers.length).toBeLessThanOrEqual(before + 1)
    expect(() => tree.batchInsert([kv('m', '1')], [])).toThrow(KeyIdCountError)
  })
})

describe('dataLayerMerkleTree', () => {
  it('empty and single-entry trees', () => {
    expect(hex(dataLayerMerkleTree([]).root)).toBe(hex(EMPTY_DATA_LAYER_ROOT))
    const one = dataLayerMerkleTree([kv('a', '1')])
    expect(hex(one.root)).toBe(hex(leafOf('a', '1')))
    expect(one.proofOfInclusion(utf8ToBytes('a')).layers).toEqual([])
  })

  it('sorts by key bytes unless told to keep the given order; duplicate keys are rejected', () => {
    const a = dataLayerMerkleTree([kv('b', '2'), kv('a', '1'), kv('c', '3')])
    const b = dataLayerMerkleTree([kv('c', '3'), kv('a', '1'), kv('b', '2')])
    expect(hex(a.root)).toBe(hex(b.root))
    expect(a.leaves.map((l) => new TextDecoder().decode(l.key))).toEqual(['a', 'b', 'c'])
    const given = dataLayerMerkleTree([kv('c', '3'), kv('a', '1'), kv('b', '2')], { order: 'given' })
    expect(hex(given.root)).not.toBe(hex(a.root))
    const s = dataLayerMerkleTree([kv('a', ''), kv('B', ''), kv('ab', ''), kv('', '')])
    expect(s.leaves.map((l) => new TextDecoder().decode(l.key))).toEqual(['', 'B', 'a', 'ab'])
    expect(() => dataLayerMerkleTree([kv('a', '1'), kv('a', '2')])).toThrow(DuplicateKeyError)
    expect(() => dataLayerMerkleTree([kv('a', '1'), kv('a', '2')], { insertion: 'batch' })).toThrow(DuplicateKeyError)
  })

  it('accepts value hashes instead of values and gives the same root', () => {
    const entries = Array.from({ length: 9 }, (_, i) => kv(`file-${i}.txt`, `content ${i}`))
    const hashed = entries.map((x) => ({ key: x.key, valueClvmHash: valueClvmHash(x.value) }))
    expect(hex(dataLayerMerkleTree(hashed).root)).toBe(hex(dataLayerMerkleTree(entries).root))
    expect(hex(dataLayerMerkleTree(hashed, { insertion: 'batch' }).root)).toBe(hex(dataLayerMerkleTree(entries, { insertion: 'batch' }).root))
  })

  it('every proof of trees of 1…40 entries verifies against the root, in both insertion modes', () => {
    for (const insertion of ['insert', 'batch'] as const) {
      for (let n = 1; n <= 40; n++) {
        const entries = Array.from({ length: n }, (_, i) => kv(`k${i}`, `v${i}`))
        const tree = dataLayerMerkleTree(entries, { insertion })
        for (const e of entries) {
          const p = tree.proofOfInclusion(e.key)
          expect(hex(proofOfInclusionRoot(p))).toBe(hex(tree.root))
          expect(hex(verifyProofOfInclusionPath(p, tree.root).valueClvmHash)).toBe(hex(valueClvmHash(e.value)))
        }
      }
    }
    const tree = dataLayerMerkleTree([kv('a', '1'), kv('b', '2')])
    expect(() => verifyProofOfInclusionPath(tree.proofOfInclusion(utf8ToBytes('a')), new Uint8Array(32))).toThrow()
    expect(() => tree.proofOfInclusion(utf8ToBytes('zz'))).toThrow(KeyNotInTreeError)
  })
})
