import { describe, expect, it } from 'vitest'
import { list, toList } from '@/lib/chia/clvm/program'
import { programToHex } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, hexToBytes, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { createCoinCondition } from '@/lib/chia/datastore/conditions'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { standardLayer } from '@/lib/chia/layers/standard-layer'
import {
  InvalidUnlockTimeError,
  VaultPuzzleHashMismatchError,
  VaultStillLockedError,
  collateralVaultInnerPuzzle,
  collateralVaultInnerPuzzleHash,
  collateralVaultLockCondition,
  collateralVaultMemos,
  collateralVaultPuzzleHash,
  lockCollateralVault,
  parseCollateralVaultMemos,
  releaseCollateralVault,
} from '@/lib/chia/collateral/collateral-vault'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { bundleProblems, conditionsAsText, runSpends, runner } from '../cat/spend-checker'
import { digCollateral } from './vectors'

const v = digCollateral.vaultAlternative
const pk = hexToBytes(v.ownerSyntheticPublicKey)
const terms = { syntheticPublicKey: pk, unlockTime: BigInt(v.unlockSeconds) }
const ownerPh = standardPuzzleHash(pk)
const digPh = catPuzzleHash(DIG_MAINNET_ASSET_ID, ownerPh)
const launcherId = hexToBytes32(digCollateral.spends.default_cat_maker_rue.store.launcherId)

function digCoin(seed: number, amount: bigint) {
  const lineageProof = { parentParentCoinInfo: new Uint8Array(32).fill(seed), parentInnerPuzzleHash: ownerPh, parentAmount: 50_000n }
  const parentCoinInfo = coinId({ parentCoinInfo: lineageProof.parentParentCoinInfo, puzzleHash: digPh, amount: 50_000n })
  return { coin: { parentCoinInfo, puzzleHash: digPh, amount }, lineageProof, syntheticPublicKey: pk }
}

describe('vault puzzle (vaultAlternative vectors)', () => {
  it('lock condition, inner and outer puzzle hashes', () => {
    expect(bytesToHex(treeHash(collateralVaultInnerPuzzle(terms)))).toBe(v.innerPuzzleHash)
    expect(programToHex(collateralVaultLockCondition(terms.unlockTime))).toBe(v.lockConditionHex)
    expect(bytesToHex(collateralVaultInnerPuzzleHash(terms))).toBe(v.innerPuzzleHash)
    expect(bytesToHex(collateralVaultPuzzleHash(DIG_MAINNET_ASSET_ID, terms))).toBe(v.outerPuzzleHash)
  })

  it('inner puzzle run on (standard solution) gives the vector release conditions', () => {
    const solution = list([standardLayer.constructSolution([createCoinCondition(ownerPh, 5000n, [ownerPh])])])
    const { value } = runner.run(collateralVaultInnerPuzzle(terms), solution)
    const text = conditionsAsText(toList(value))
    expect(text).toEqual([
      ['81', v.releaseConditions[0][1]],
      ['50', v.releaseConditions[1][1], v.releaseConditions[1][2]],
      ['51', v.releaseConditions[2][1], '1388', v.releaseConditions[2][3]],
    ])
  })

  it('memos round-trip and reject other layouts', () => {
    const memos = collateralVaultMemos(launcherId, terms)
    expect(memos.map(bytesToHex)).toEqual([bytesToHex(collateralHint(launcherId)), v.ownerSyntheticPublicKey, '713fb300'])
    expect(parseCollateralVaultMemos(memos)).toEqual({ hint: collateralHint(launcherId), ...terms })
    expect(parseCollateralVaultMemos(memos.slice(0, 2))).toBeUndefined()
    expect(parseCollateralVaultMemos([memos[0], memos[1], new Uint8Array([0x00, 0x01])])).toBeUndefined() // non-minimal
    expect(parseCollateralVaultMemos([memos[0], memos[1], new Uint8Array([0x80])])).toBeUndefined() // negative
    expect(parseCollateralVaultMemos([memos[0], memos[0], memos[2]])).toBeUndefined() // key not 48 bytes
  })

  it('rejects a zero unlock time', () => {
    expect(() => collateralVaultLockCondition(0n)).toThrow(InvalidUnlockTimeError)
  })
})

describe('lockCollateralVault / releaseCollateralVault', () => {
  const catCoins = [digCoin(1, 4000n), digCoin(2, 1500n)]
  const lock = lockCollateralVault({ assetId: DIG_MAINNET_ASSET_ID, launcherId, amount: 5000n, unlockTime: terms.unlockTime, catCoins })

  it('lock creates the vault coin with hint, key and time memos, and a balanced ring', () => {
    expect(bytesToHex(lock.vault.coin.puzzleHash)).toBe(v.outerPuzzleHash)
    expect(lock.vault.coin.amount).toBe(5000n)
    expect(lock.change?.coin.amount).toBe(500n)
    const ran = runSpends(lock.coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    const created = conditionsAsText(ran[0].conditions).filter((c) => c[0] === '51')
    expect(created[0]).toEqual(['51', v.outerPuzzleHash, '1388', collateralVaultMemos(launcherId, terms).map(bytesToHex)])
  })

  it('release asserts the unlock time first, then pays the owner', () => {
    const release = releaseCollateralVault({ assetId: DIG_MAINNET_ASSET_ID, vault: lock.vault, now: terms.unlockTime })
    const ran = runSpends(release.coinSpends)
    expect(bundleProblems(ran)).toEqual([])
    const text = conditionsAsText(ran[0].conditions)
    expect(text.find((c) => c[0] === '81')).toEqual(['81', '713fb300'])
    expect(text.find((c) => c[0] === '50')).toEqual(['50', v.ownerSyntheticPublicKey, v.releaseConditions[1][2]])
    expect(text.find((c) => c[0] === '51')).toEqual(['51', bytesToHex(digPh), '1388', [bytesToHex(ownerPh)]])
    expect(bytesToHex(release.returned.coin.puzzleHash)).toBe(bytesToHex(digPh))
  })

  it('refuses to build an early release when the time is given, but can build one for the chain to reject', () => {
    expect(() =>
      releaseCollateralVault({ assetId: DIG_MAINNET_ASSET_ID, vault: lock.vault, now: terms.unlockTime - 1n }),
    ).toThrow(VaultStillLockedError)
    expect(releaseCollateralVault({ assetId: DIG_MAINNET_ASSET_ID, vault: lock.vault }).coinSpends).toHaveLength(1)
  })

  it('refuses terms that do not match the coin', () => {
    expect(() =>
      releaseCollateralVault({ assetId: DIG_MAINNET_ASSET_ID, vault: { ...lock.vault, unlockTime: terms.unlockTime + 1n } }),
    ).toThrow(VaultPuzzleHashMismatchError)
  })

  it('release with a fee ties both spends', () => {
    const feeCoin = { coin: { parentCoinInfo: new Uint8Array(32).fill(8), puzzleHash: ownerPh, amount: 10n }, syntheticPublicKey: pk }
    const release = releaseCollateralVault({ assetId: DIG_MAINNET_ASSET_ID, vault: lock.vault, fee: 10n, feeCoins: [feeCoin] })
    expect(release.coinSpends).toHaveLength(2)
    expect(release.feeChangeCoin).toBeUndefined()
    expect(bundleProblems(runSpends(release.coinSpends))).toEqual([])
  })
})
