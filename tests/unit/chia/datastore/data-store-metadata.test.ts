import { describe, expect, it } from 'vitest'
import { atom, cons, list, str, int } from '@/lib/chia/clvm/program'
import { programFromHex, programToHex } from '@/lib/chia/clvm/serialize'
import { dataStoreMetadata, metadataFromProgram, updateMetadata } from '@/lib/chia/datastore/data-store-metadata'
import { InvalidMetadataError } from '@/lib/chia/datastore/data-store-errors'
import { hexToBytes } from '@/lib/chia/primitives/bytes'

const root = hexToBytes('c1a1f8fc111ceb1b82159f71f8ad5a8dfd1edb75c2bc587b558e0f587d18b3ac')
const root2 = new Uint8Array(32).fill(0xab)
const SP = cons(str('sp'), str('proof-v1'))

describe('DataStoreMetadata encoding (datalayer-protocol.md §4.1)', () => {
  it('matches the spec example byte for byte and parses back', () => {
    const m = dataStoreMetadata({ rootHash: root, label: 'Delegated Store', description: 'admin+writer+oracle', bytes: 4096n })
    const hex = 'ffa0c1a1f8fc111ceb1b82159f71f8ad5a8dfd1edb75c2bc587b558e0f587d18b3acffff6c8f44656c6567617465642053746f7265ffff649361646d696e2b7772697465722b6f7261636c65ffff6282100080'
    expect(programToHex(m.program)).toBe(hex)
    const back = metadataFromProgram(programFromHex(hex))
    expect(back).toMatchObject({ label: 'Delegated Store', description: 'admin+writer+oracle', bytes: 4096n })
  })
  it('root only is (root); empty string and 0 are nil values kept as present', () => {
    expect(programToHex(dataStoreMetadata({ rootHash: root }).program)).toBe(`ffa0${programToHex(atom(root)).slice(2)}80`)
    const m = dataStoreMetadata({ rootHash: root, description: '', bytes: 0n })
    expect(programToHex(m.program)).toContain('ff6480')
    expect(programToHex(m.program)).toContain('ff6280')
    const back = metadataFromProgram(m.program)
    expect(back.description).toBe('')
    expect(back.bytes).toBe(0n)
    expect(back.label).toBeUndefined()
  })
  it('bytes edge values: 128 → 0080, 2^64-1 → 00ff…ff; above u64 is refused', () => {
    expect(programToHex(dataStoreMetadata({ rootHash: root, bytes: 128n }).program)).toContain('ff62820080')
    expect(programToHex(dataStoreMetadata({ rootHash: root, bytes: (1n << 64n) - 1n }).program)).toContain('ff628900ffffffffffffffff')
    expect(metadataFromProgram(dataStoreMetadata({ rootHash: root, bytes: (1n << 64n) - 1n }).program).bytes).toBe((1n << 64n) - 1n)
    expect(() => dataStoreMetadata({ rootHash: root, bytes: 1n << 64n })).toThrow(InvalidMetadataError)
  })
  it('malformed metadata is a typed error', () => {
    expect(() => metadataFromProgram(atom(root))).toThrow(InvalidMetadataError)
    expect(() => metadataFromProgram(list([atom(new Uint8Array(31))]))).toThrow(InvalidMetadataError)
    expect(() => metadataFromProgram(list([atom(root), cons(str('l'), atom(new Uint8Array([0xff, 0xfe])))]))).toThrow(InvalidMetadataError)
    expect(() => metadataFromProgram(list([atom(root), cons(str('b'), atom(new Uint8Array(9).fill(1)))]))).toThrow(InvalidMetadataError)
    expect(() => metadataFromProgram(list([atom(root), atom(root)]))).toThrow(InvalidMetadataError)
  })
})

describe('updateMetadata: unset fields keep their value, unknown keys survive', () => {
  const onChain = metadataFromProgram(list([atom(root), cons(str('l'), str('Label')), cons(str('b'), int(5)), SP]))
  it('parses known fields and keeps the raw program', () => {
    expect(onChain).toMatchObject({ label: 'Label', bytes: 5n })
    expect(onChain.description).toBeUndefined()
  })
  it('only the root changes when only the root is given; "sp" is preserved byte for byte', () => {
    const next = updateMetadata(onChain, { rootHash: root2 })
    expect(programToHex(next.program)).toBe(programToHex(list([atom(root2), cons(str('l'), str('Label')), cons(str('b'), int(5)), SP])))
    expect(next).toMatchObject({ label: 'Label', bytes: 5n })
  })
  it('null clears a field, values replace, canonical l/d/b order then unknown items', () => {
    const next = updateMetadata(onChain, { label: null, description: 'Desc', bytes: 7n })
    expect(programToHex(next.program)).toBe(programToHex(list([atom(root), cons(str('d'), str('Desc')), cons(str('b'), int(7)), SP])))
    expect(next.label).toBeUndefined()
  })
  it('with all fields given and no unknown keys it equals the driver encoding', () => {
    const plain = dataStoreMetadata({ rootHash: root, label: 'x', bytes: 1n })
    const next = updateMetadata(plain, { rootHash: root2, label: 'y', description: null, bytes: null })
    expect(programToHex(next.program)).toBe(programToHex(dataStoreMetadata({ rootHash: root2, label: 'y' }).program))
  })
})

describe('DataStore JSON wire form', () => {
  it('round trips a delegated store with an unknown metadata key', async () => {
    const { dataStoreFromJson, dataStoreToJson } = await import('@/lib/chia/datastore/data-store-json')
    const { dataStorePuzzleHash } = await import('@/lib/chia/datastore/data-store')
    const store = {
      coin: { parentCoinInfo: root, puzzleHash: root2, amount: 1n },
      launcherId: root,
      proof: { lineageProof: { parentParentCoinInfo: root2, parentInnerPuzzleHash: root, parentAmount: 1n } },
      metadata: metadataFromProgram(list([atom(root), cons(str('l'), str('Données')), SP])),
      ownerPuzzleHash: root2,
      delegatedPuzzles: [
        { type: 'writer' as const, innerPuzzleHash: root },
        { type: 'oracle' as const, oraclePuzzleHash: root2, oracleFee: 0n },
      ],
    }
    const json = JSON.parse(JSON.stringify(dataStoreToJson(store)))
    const back = dataStoreFromJson(json)
    expect(back).toEqual(store)
    expect(dataStorePuzzleHash(back)).toEqual(dataStorePuzzleHash(store))
    expect(() => dataStoreFromJson({ ...json, launcherId: 'abcd' })).toThrow(expect.objectContaining({ name: 'InvalidLengthError' }))
  })
})
