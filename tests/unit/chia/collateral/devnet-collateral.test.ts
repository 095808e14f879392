// End to end on the in-process devnet (clvm_rs + BLS validation, coin store, mempool): DIG issued
// by the devnet faucet is locked as DIG-format collateral and as a time-locked vault, found by hint,
// validated with readCollateral and released; an early vault release is rejected by consensus.
import { beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import type { StandardCatCoin } from '@/lib/chia/cat/standard-cat-coin'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import type { CollateralGeneration } from '@/lib/chia/collateral/collateral-puzzle'
import { lockCollateralVault, releaseCollateralVault } from '@/lib/chia/collateral/collateral-vault'
import { lockCollateral } from '@/lib/chia/collateral/lock-collateral'
import { readCollateral } from '@/lib/chia/collateral/read-collateral'
import { releaseCollateral } from '@/lib/chia/collateral/release-collateral'
import { ConsensusError } from '@/lib/devnet/chia-err'
import { type Devnet, createDevnet } from '@/lib/devnet/devnet'
import { DEVNET_DIG_ASSET_ID } from '@/lib/devnet/dig-issuance'
import { runner } from '../cat/spend-checker'
import { digCollateral } from './vectors'

const owner = digCollateral.spends.default_cat_maker_rue.owner
const sk = hexToBytes(owner.syntheticSecretKey)
const pk = hexToBytes(owner.syntheticPublicKey)
const ownerPh = standardPuzzleHash(pk)
const assetId = DEVNET_DIG_ASSET_ID
const START = 1_800_000_000_000 // ms; the devnet clock is injected

let devnet: Devnet

beforeAll(async () => {
  devnet = await createDevnet({ clock: () => START, autoFarm: false })
})

function issueDig(amount: bigint): StandardCatCoin {
  const issued = devnet.createDig(ownerPh, amount)
  return { coin: issued.coin, lineageProof: issued.lineageProof, syntheticPublicKey: pk }
}

function submit(coinSpends: CoinSpend[]) {
  const aggregatedSignature = signCoinSpends(coinSpends, [sk], { genesisChallenge: devnet.genesisChallenge, runner })
  const result = devnet.pushTx({ coinSpends, aggregatedSignature })
  devnet.farmBlocks(1)
  return result
}

const record = (id: Uint8Array) => devnet.coinStore.get(bytesToHex(id))

describe('DIG-format collateral on the devnet', () => {
  it.each(['rue', 'v1'] as CollateralGeneration[])('locks, is found by hint, validates and releases (%s)', (generation) => {
    const launcherId = hexToBytes(`${generation === 'rue' ? '1a' : '1b'}`.repeat(32))
    const dig = issueDig(10_000n)
    const lock = lockCollateral({ assetId, launcherId, amount: 2500n, catCoins: [dig], generation })
    expect(submit(lock.coinSpends).status).toBe('SUCCESS')

    const found = devnet.coinStore.byHints([bytesToHex(collateralHint(launcherId))], { includeSpentCoins: false })
    expect(found.map((r) => bytesToHex(r.coinId))).toEqual([bytesToHex(coinId(lock.collateral.coin))])
    expect(record(coinId(lock.change!.coin))?.spentBlockIndex).toBe(0)

    const reading = readCollateral({ coin: found[0].coin, parentSpend: lock.coinSpends[0], assetId, launcherId, runner })
    expect(reading).toMatchObject({ counted: true, kind: 'dig', generation, amount: 2500n })
    expect(bytesToHex(reading.ownerPuzzleHash!)).toBe(bytesToHex(ownerPh))

    const release = releaseCollateral({
      assetId,
      collateral: { coin: reading.coin, generation: reading.generation!, lineageProof: reading.lineageProof! },
      syntheticPublicKey: reading.syntheticPublicKey!,
    })
    expect(submit(release.coinSpends).status).toBe('SUCCESS')
    expect(record(coinId(lock.collateral.coin))?.spentBlockIndex).toBeGreaterThan(0)
    expect(record(coinId(release.returned.coin))?.spentBlockIndex).toBe(0)
    // the returned DIG is an ordinary wallet coin again: it can be locked anew
    const again = lockCollateral({
      assetId,
      launcherId,
      amount: 2500n,
      catCoins: [{ coin: release.returned.coin, lineageProof: release.returned.lineageProof, syntheticPublicKey: pk }],
    })
    expect(submit(again.coinSpends).status).toBe('SUCCESS')
  })
})

describe('time-locked vault on the devnet', () => {
  it('rejects an early release with ASSERT_SECONDS_ABSOLUTE_FAILED and accepts it after the unlock time', () => {
    const launcherId = hexToBytes('2c'.repeat(32))
    const dig = issueDig(5_000n)
    const unlockTime = devnet.now + 30n * 86_400n
    const lock = lockCollateralVault({ assetId, launcherId, amount: 5_000n, unlockTime, catCoins: [dig] })
    expect(lock.change).toBeUndefined()
    expect(submit(lock.coinSpends).status).toBe('SUCCESS')

    const reading = readCollateral({ coin: lock.vault.coin, parentSpend: lock.coinSpends[0], assetId, launcherId, runner })
    expect(reading).toMatchObject({ counted: true, kind: 'vault', unlockTime })

    const release = releaseCollateralVault({ assetId, vault: lock.vault })
    const aggregatedSignature = signCoinSpends(release.coinSpends, [sk], { genesisChallenge: devnet.genesisChallenge, runner })
    let error: unknown
    try {
      devnet.pushTx({ coinSpends: release.coinSpends, aggregatedSignature })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConsensusError)
    expect((error as ConsensusError).err).toBe('ASSERT_SECONDS_ABSOLUTE_FAILED')
    expect(() => releaseCollateralVault({ assetId, vault: lock.vault, now: devnet.now })).toThrow(/time-locked/)

    devnet.advanceTime(30n * 86_400n)
    devnet.farmBlocks(1) // a block with a timestamp past the unlock time
    expect(devnet.peak.timestamp >= unlockTime).toBe(true)
    expect(devnet.pushTx({ coinSpends: release.coinSpends, aggregatedSignature }).status).toBe('SUCCESS')
    devnet.farmBlocks(1)
    expect(record(coinId(lock.vault.coin))?.spentBlockIndex).toBeGreaterThan(0)
    expect(record(coinId(release.returned.coin))?.coin.amount).toBe(5_000n)
  })
})
