import { describe, expect, it } from 'vitest'
import { atom } from '@/lib/chia/clvm/program'
import { programToBytes, programToHex } from '@/lib/chia/clvm/serialize'
import { atomHash, treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { parseCatPuzzle } from '@/lib/chia/cat/cat-puzzle'
import { collateralHint, mirrorCollateralHint } from '@/lib/chia/collateral/collateral-hint'
import {
  type CollateralGeneration,
  collateralCatMaker,
  collateralGenerationOf,
  collateralInnerPuzzle,
  collateralInnerPuzzleHash,
  collateralPuzzle,
  collateralPuzzleHash,
} from '@/lib/chia/collateral/collateral-puzzle'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { CAT_MOD_HASH } from '@/lib/chia/puzzles/cat-v2'
import { P2_PARENT_MOD_HASH } from '@/lib/chia/puzzles/p2-parent'
import { STANDARD_MOD_HASH } from '@/lib/chia/puzzles/standard'
import { digCollateral } from './vectors'

const GENERATIONS: [CollateralGeneration, string][] = [
  ['v1', 'default_cat_maker_v1'],
  ['rue', 'default_cat_maker_rue'],
]

describe('constants', () => {
  const c = digCollateral.constants
  it('match the vector constants', () => {
    expect(bytesToHex(DIG_MAINNET_ASSET_ID)).toBe(c.DIG_ASSET_ID)
    expect(bytesToHex(CAT_MOD_HASH)).toBe(c.CAT_MOD_HASH)
    expect(bytesToHex(P2_PARENT_MOD_HASH)).toBe(c.P2_PARENT_MOD_HASH)
    expect(bytesToHex(STANDARD_MOD_HASH)).toBe(c.STANDARD_MOD_HASH)
  })
})

describe.each(GENERATIONS)('collateral puzzle, generation %s', (generation, key) => {
  const v = digCollateral.collateralPuzzle[key]
  it('tail hash hash', () => {
    expect(bytesToHex(atomHash(DIG_MAINNET_ASSET_ID))).toBe(v.tailHashHash)
  })
  it('curried cat maker: bytes and hash', () => {
    const maker = collateralCatMaker(DIG_MAINNET_ASSET_ID, generation)
    expect(programToHex(maker)).toBe(v.catMakerCurriedHex)
    expect(bytesToHex(treeHash(maker))).toBe(v.catMakerCurriedHash)
  })
  it('inner P2Parent puzzle: bytes, tree hash and hash-only computation agree', () => {
    const inner = collateralInnerPuzzle(DIG_MAINNET_ASSET_ID, generation)
    expect(programToHex(inner)).toBe(v.innerPuzzleHex)
    expect(bytesToHex(treeHash(inner))).toBe(v.innerPuzzleHash)
    expect(bytesToHex(collateralInnerPuzzleHash(DIG_MAINNET_ASSET_ID, generation))).toBe(v.innerPuzzleHash)
  })
  it('outer puzzle hash and reveal size', () => {
    const puzzle = collateralPuzzle(DIG_MAINNET_ASSET_ID, generation)
    expect(bytesToHex(treeHash(puzzle))).toBe(v.outerPuzzleHash)
    expect(bytesToHex(collateralPuzzleHash(DIG_MAINNET_ASSET_ID, generation))).toBe(v.outerPuzzleHash)
    expect(programToBytes(puzzle).length).toBe(v.outerPuzzleSizeBytes)
    const parsed = parseCatPuzzle(puzzle)!
    expect(bytesToHex(parsed.assetId)).toBe(digCollateral.constants.DIG_ASSET_ID)
    expect(bytesToHex(treeHash(parsed.innerPuzzle))).toBe(v.innerPuzzleHash)
  })
  it('generation is recognised from the coin puzzle hash', () => {
    expect(collateralGenerationOf(hexToBytes32(v.outerPuzzleHash), DIG_MAINNET_ASSET_ID)).toBe(generation)
  })
})

describe('collateralGenerationOf', () => {
  it('rejects the inner hash, another asset and random hashes', () => {
    const v1 = digCollateral.collateralPuzzle.default_cat_maker_v1
    expect(collateralGenerationOf(hexToBytes32(v1.innerPuzzleHash), DIG_MAINNET_ASSET_ID)).toBeUndefined()
    expect(collateralGenerationOf(hexToBytes32(v1.outerPuzzleHash), new Uint8Array(32).fill(7))).toBeUndefined()
    expect(collateralGenerationOf(new Uint8Array(32), DIG_MAINNET_ASSET_ID)).toBeUndefined()
  })
  it('another asset has its own (different) collateral hashes', () => {
    const other = new Uint8Array(32).fill(9)
    const ph = collateralPuzzleHash(other, 'rue')
    expect(collateralGenerationOf(ph, other)).toBe('rue')
    expect(bytesToHex(ph)).not.toBe(digCollateral.collateralPuzzle.default_cat_maker_rue.outerPuzzleHash)
  })
})

describe('collateral hints', () => {
  it.each(digCollateral.morph.collateral as { launcherId: string; hint: string }[])(
    'store hint for $launcherId',
    ({ launcherId, hint }) => {
      expect(bytesToHex(collateralHint(hexToBytes32(launcherId)))).toBe(hint)
    },
  )
  it('store hint equals treeHash((launcherId . "DIG_STORE_COLLATERAL"))', () => {
    const launcherId = new Uint8Array(32).fill(0xab)
    const expected = treeHash({ pair: [atom(launcherId), atom(new TextEncoder().encode('DIG_STORE_COLLATERAL'))] })
    expect(bytesToHex(collateralHint(launcherId))).toBe(bytesToHex(expected))
  })
  it.each(digCollateral.morph.mirrorTwoTerm as { launcherId: string; offset: string; hint: string }[])(
    'mirror hint for $launcherId + $offset',
    ({ launcherId, offset, hint }) => {
      expect(bytesToHex(mirrorCollateralHint(hexToBytes32(launcherId), BigInt(offset)))).toBe(hint)
    },
  )
  it('store hint rejects a short launcher id', () => {
    expect(() => collateralHint(new Uint8Array(31))).toThrow(/32 bytes/)
  })
})
