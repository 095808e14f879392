import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

import { DEFAULT_VAULT_SECONDS, buildCollateralLock, usableDigCoins } from '@/lib/chain/collateral/build-collateral-lock'
import { buildCollateralRelease } from '@/lib/chain/collateral/build-collateral-release'
import { NotEnoughDigError, NotEnoughXchForFeeError, UnlockTimeInPastError, type WalletCoinInput } from '@/lib/chain/collateral/collateral-action'
import { pickFeeCoins } from '@/lib/chain/collateral/pick-fee-coins'
import { previewCoinSpends } from '@/lib/chain/preview/preview-coin-spends'
import { catPuzzle, catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import { int } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { collateralPuzzleHash } from '@/lib/chia/collateral/collateral-puzzle'
import { collateralVaultPuzzleHash } from '@/lib/chia/collateral/collateral-vault'
import { DIG_MAINNET_ASSET_ID as assetId } from '@/lib/chia/collateral/dig-asset-id'
import { standardPuzzle, standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { type Bytes32, equalBytes, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'

const vectors = JSON.parse(readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8')) as {
  keys: Record<string, { syntheticPublicKey: string }>
}
const pk = hexToBytes(vectors.keys.owner.syntheticPublicKey)
const pk2 = hexToBytes(vectors.keys.writer.syntheticPublicKey)
const runner = createClvmRsRunner()
const launcherId = sha256(utf8ToBytes('unit store'))
const now = 1_800_000_000n

const digCoin = (amount: bigint, key = pk, salt = 'a'): WalletCoinInput => {
  const lineageProof = { parentName: sha256(utf8ToBytes(`pp${salt}${amount}`)), innerPuzzleHash: standardPuzzleHash(key), amount: 1n }
  const parentCoinInfo = coinId({ parentCoinInfo: lineageProof.parentName, puzzleHash: catPuzzleHash(assetId, lineageProof.innerPuzzleHash), amount: 1n })
  return {
    coin: { parentCoinInfo, puzzleHash: catPuzzleHash(assetId, standardPuzzleHash(key)), amount },
    puzzleReveal: programToBytes(catPuzzle(assetId, standardPuzzle(key))),
    lineageProof,
  }
}
const xchCoin = (amount: bigint, key = pk, salt = 'x'): WalletCoinInput => ({
  coin: { parentCoinInfo: sha256(utf8ToBytes(`${salt}${amount}`)) as Bytes32, puzzleHash: standardPuzzleHash(key), amount },
  puzzleReveal: programToBytes(standardPuzzle(key)),
})

describe('usableDigCoins', () => {
  it('keeps standard-inner DIG coins and leaves out others', () => {
    const weird: WalletCoinInput = { ...digCoin(50n), puzzleReveal: programToBytes(catPuzzle(assetId, int(1))) }
    weird.coin = { ...weird.coin, puzzleHash: treeHash(catPuzzle(assetId, int(1))) }
    const noLineage: WalletCoinInput = { ...digCoin(60n), lineageProof: undefined }
    const { usable, skipped } = usableDigCoins(assetId, [digCoin(100n), weird, noLineage])
    expect(usable.map((c) => c.coin.amount)).toEqual([100n])
    expect(skipped).toBe(2)
  })
})

describe('buildCollateralLock', () => {
  it('locks DIG-format collateral from the largest coins, change back, spends that run', () => {
    const built = buildCollateralLock({ assetId, launcherId, format: 'dig', amount: 2500n, fee: 0n, digCoins: [digCoin(1000n), digCoin(2000n), digCoin(300n)], xchCoins: [], now })
    expect(built.coinSpends).toHaveLength(2)
    expect(built.coinSpends.map((s) => s.coin.amount)).toEqual([2000n, 1000n])
    const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: built.walletPuzzleHashes, maxWalletOutflow: 0n, maxFee: 0n })
    const collateral = preview.created.find((c) => equalBytes(c.coinId, built.watch.expectedChildId))!
    expect(equalBytes(collateral.coin.puzzleHash, collateralPuzzleHash(assetId, 'rue'))).toBe(true)
    expect(collateral.coin.amount).toBe(2500n)
    expect(preview.created.map((c) => c.coin.amount).sort()).toEqual([2500n, 500n].sort())
    expect(built.description).toMatchObject({ action: 'lock', format: 'dig', amount: 2500n })
  })

  it('locks a vault for 30 days by default', () => {
    const built = buildCollateralLock({ assetId, launcherId, format: 'vault', amount: 100n, fee: 0n, digCoins: [digCoin(100n)], xchCoins: [], now })
    expect(built.description).toMatchObject({ format: 'vault', unlockTime: now + DEFAULT_VAULT_SECONDS })
    const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: built.walletPuzzleHashes, maxWalletOutflow: 0n })
    const vault = preview.created.find((c) => equalBytes(c.coinId, built.watch.expectedChildId))!
    expect(equalBytes(vault.coin.puzzleHash, collateralVaultPuzzleHash(assetId, { syntheticPublicKey: pk, unlockTime: now + DEFAULT_VAULT_SECONDS }))).toBe(true)
  })

  it('refuses a past unlock time, too little DIG, and a fee without XCH', () => {
    const args = { assetId, launcherId, amount: 100n, fee: 0n, digCoins: [digCoin(100n)], xchCoins: [], now }
    expect(() => buildCollateralLock({ ...args, format: 'vault', unlockTime: now })).toThrow(UnlockTimeInPastError)
    expect(() => buildCollateralLock({ ...args, format: 'dig', amount: 101n })).toThrow(NotEnoughDigError)
    expect(() => buildCollateralLock({ ...args, format: 'dig', fee: 10n })).toThrow(NotEnoughXchForFeeError)
  })

  it('pays the fee from XCH and the preview holds the outflow to it', () => {
    const built = buildCollateralLock({ assetId, launcherId, format: 'dig', amount: 100n, fee: 7n, digCoins: [digCoin(100n)], xchCoins: [xchCoin(50n)], now })
    const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: built.walletPuzzleHashes, maxWalletOutflow: built.maxWalletOutflow, maxFee: built.maxFee })
    expect(preview).toMatchObject({ fee: 7n, walletOutflow: 7n, reservedFee: 7n })
  })
})

describe('pickFeeCoins', () => {
  it('pays from one key, the richest', () => {
    const coins = pickFeeCoins([xchCoin(40n, pk, 'a'), xchCoin(40n, pk2, 'b'), xchCoin(30n, pk2, 'c')], 60n)
    expect(coins.every((c) => equalBytes(c.syntheticPublicKey, pk2))).toBe(true)
    expect(coins.reduce((t, c) => t + c.coin.amount, 0n)).toBe(70n)
    expect(pickFeeCoins([], 0n)).toEqual([])
    expect(() => pickFeeCoins([xchCoin(40n, pk, 'a'), xchCoin(40n, pk2, 'b')], 60n)).toThrow(NotEnoughXchForFeeError)
  })
})

describe('buildCollateralRelease', () => {
  it('only builds for the wallet that locked the coin', () => {
    const lock = buildCollateralLock({ assetId, launcherId, format: 'dig', amount: 100n, fee: 0n, digCoins: [digCoin(100n)], xchCoins: [], now })
    const lockCoin = { parentCoinInfo: lock.watch.spentCoinId, puzzleHash: collateralPuzzleHash(assetId, 'rue'), amount: 100n }
    const spent = lock.coinSpends[0].coin
    const collateral = {
      kind: 'dig' as const,
      coin: lockCoin,
      generation: 'rue' as const,
      lineageProof: { parentParentCoinInfo: spent.parentCoinInfo, parentInnerPuzzleHash: standardPuzzleHash(pk), parentAmount: spent.amount },
      syntheticPublicKey: pk,
    }
    expect(() => buildCollateralRelease({ assetId, launcherId, collateral, walletPublicKeys: [pk2], fee: 0n, xchCoins: [], lastBlockTimestamp: now })).toThrow(/another wallet/)
    const built = buildCollateralRelease({ assetId, launcherId, collateral, walletPublicKeys: [pk2, pk], fee: 0n, xchCoins: [], lastBlockTimestamp: now })
    const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: built.walletPuzzleHashes, maxWalletOutflow: 0n })
    const back = preview.created.find((c) => equalBytes(c.coinId, built.watch.expectedChildId))!
    expect(equalBytes(back.coin.puzzleHash, catPuzzleHash(assetId, standardPuzzleHash(pk)))).toBe(true)
    expect(back.coin.amount).toBe(100n)
  })
})
