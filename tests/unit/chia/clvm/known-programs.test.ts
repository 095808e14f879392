import { describe, expect, it } from 'vitest'

import { curry } from '@/lib/chia/clvm/curry'
import { knownPrograms } from '@/lib/chia/clvm/known-programs'
import { atom, cons, list, programEquals, str } from '@/lib/chia/clvm/program'
import { programFromBytes, programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, concatBytes } from '@/lib/chia/primitives/bytes'
import { NFT_STATE_LAYER_MOD } from '@/lib/chia/puzzles/nft-state-layer'
import { SINGLETON_MOD, SINGLETON_MOD_HASH } from '@/lib/chia/puzzles/singleton-top-layer'
import { STANDARD_MOD } from '@/lib/chia/puzzles/standard'

const table = knownPrograms([SINGLETON_MOD, NFT_STATE_LAYER_MOD, STANDARD_MOD])
const puzzle = curry(SINGLETON_MOD, [cons(atom(SINGLETON_MOD_HASH), str('x')), curry(NFT_STATE_LAYER_MOD, [list([str('m')]), curry(STANDARD_MOD, [atom(new Uint8Array(48).fill(3))])])])
const bytes = programToBytes(puzzle)

describe('knownPrograms', () => {
  it('reads the same value as a plain read, with the known modules as the constants themselves', () => {
    const plain = programFromBytes(bytes)
    const interned = programFromBytes(bytes, table)
    expect(programEquals(interned, plain)).toBe(true)
    expect(bytesToHex(treeHash(interned))).toBe(bytesToHex(treeHash(plain)))
    // (a (q . MOD) args): the module sits at rest → first → rest.
    const mod = (p: typeof puzzle) => p.pair![1].pair![0].pair![1]
    expect(mod(interned)).toBe(SINGLETON_MOD)
    expect(mod(plain)).not.toBe(SINGLETON_MOD)
    expect(bytesToHex(programToBytes(interned))).toBe(bytesToHex(bytes))
  })

  it('does not intern a subtree that differs from a known module by one byte', () => {
    const modBytes = programToBytes(SINGLETON_MOD)
    const changed = Uint8Array.from(modBytes)
    // Flip a byte deep inside an atom so the bytes stay well formed.
    const at = modBytes.length - 40
    changed[at] ^= 0x01
    const plain = programFromBytes(changed)
    const interned = programFromBytes(changed, table)
    expect(interned).not.toBe(SINGLETON_MOD)
    expect(programEquals(interned, plain)).toBe(true)
    expect(programEquals(interned, SINGLETON_MOD)).toBe(false)
  })

  it('keeps back-references working across an interned module', () => {
    // (MOD . <back-reference to the value just read>) → (MOD . MOD)
    const withBackref = concatBytes(new Uint8Array([0xff]), programToBytes(SINGLETON_MOD), new Uint8Array([0xfe, 0x02]))
    const plain = programFromBytes(withBackref)
    const interned = programFromBytes(withBackref, table)
    expect(programEquals(plain, cons(SINGLETON_MOD, SINGLETON_MOD))).toBe(true)
    expect(programEquals(interned, plain)).toBe(true)
    expect(interned.pair![0]).toBe(SINGLETON_MOD)
  })

  it('does not read past the end when a known prefix is cut short', () => {
    const modBytes = programToBytes(STANDARD_MOD)
    expect(() => programFromBytes(modBytes.subarray(0, modBytes.length - 1), table)).toThrow()
  })
})
