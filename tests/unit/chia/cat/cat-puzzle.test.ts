import { describe, expect, it } from 'vitest'
import { curry } from '@/lib/chia/clvm/curry'
import { atom, int } from '@/lib/chia/clvm/program'
import { programFromHex } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { CAT_MOD, CAT_MOD_HASH } from '@/lib/chia/puzzles/cat-v2'
import { standardPuzzle, standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { MalformedCatPuzzleError, catPuzzle, catPuzzleHash, isCatPuzzleHash, parseCatPuzzle } from '@/lib/chia/cat/cat-puzzle'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { digCollateral } from '../collateral/vectors'

const v = digCollateral.spends.default_cat_maker_v1
const pk = hexToBytes(v.owner.syntheticPublicKey)

describe('catPuzzle / catPuzzleHash', () => {
  it('the wallet DIG puzzle hash of the vector owner', () => {
    const inner = standardPuzzle(pk)
    expect(bytesToHex(treeHash(catPuzzle(DIG_MAINNET_ASSET_ID, inner)))).toBe(v.owner.digCatPuzzleHash)
    expect(bytesToHex(catPuzzleHash(DIG_MAINNET_ASSET_ID, standardPuzzleHash(pk)))).toBe(v.owner.digCatPuzzleHash)
    expect(isCatPuzzleHash(hexToBytes(v.owner.digCatPuzzleHash), DIG_MAINNET_ASSET_ID, inner)).toBe(true)
    expect(isCatPuzzleHash(hexToBytes(v.owner.digCatPuzzleHash), new Uint8Array(32), inner)).toBe(false)
  })
  it('is the reveal the vector lock spend uses', () => {
    const reveal = programFromHex(v.lock.coinSpend.puzzle_reveal)
    expect(bytesToHex(treeHash(reveal))).toBe(bytesToHex(treeHash(catPuzzle(DIG_MAINNET_ASSET_ID, standardPuzzle(pk)))))
  })
  it('hash-only and program forms agree for arbitrary inner puzzles', () => {
    for (const inner of [int(1), atom(new Uint8Array(32).fill(3)), standardPuzzle(pk)]) {
      const asset = new Uint8Array(32).fill(0x5a)
      expect(bytesToHex(catPuzzleHash(asset, treeHash(inner)))).toBe(bytesToHex(treeHash(catPuzzle(asset, inner))))
    }
  })
  it('rejects a short asset id', () => {
    expect(() => catPuzzle(new Uint8Array(31), int(1))).toThrow(/32 bytes/)
    expect(() => catPuzzleHash(DIG_MAINNET_ASSET_ID, new Uint8Array(3))).toThrow(/32 bytes/)
  })
})

describe('parseCatPuzzle', () => {
  it('round-trips asset id and inner puzzle', () => {
    const parsed = parseCatPuzzle(programFromHex(v.lock.coinSpend.puzzle_reveal))!
    expect(bytesToHex(parsed.assetId)).toBe(bytesToHex(DIG_MAINNET_ASSET_ID))
    expect(bytesToHex(treeHash(parsed.innerPuzzle))).toBe(v.owner.innerPuzzleHash)
  })
  it('returns undefined for other puzzles', () => {
    expect(parseCatPuzzle(standardPuzzle(pk))).toBeUndefined()
    expect(parseCatPuzzle(int(1))).toBeUndefined()
  })
  it('throws when CAT2 is curried wrongly', () => {
    expect(() => parseCatPuzzle(curry(CAT_MOD, [atom(CAT_MOD_HASH), atom(DIG_MAINNET_ASSET_ID)]))).toThrow(MalformedCatPuzzleError)
    expect(() => parseCatPuzzle(curry(CAT_MOD, [atom(new Uint8Array(32)), atom(DIG_MAINNET_ASSET_ID), int(1)]))).toThrow(
      MalformedCatPuzzleError,
    )
    expect(() => parseCatPuzzle(curry(CAT_MOD, [atom(CAT_MOD_HASH), atom(new Uint8Array(5)), int(1)]))).toThrow(MalformedCatPuzzleError)
  })
})
