/**
 * Collateral end to end on an in-process devnet served over its RPC server, through the same
 * ChainClient the app uses: locks of both kinds built from "wallet" coins, read back by hint with
 * their lifecycle, a vault released early (refused by the builder, and by the chain with
 * ASSERT_SECONDS_ABSOLUTE_FAILED) and again after advance_time, a DIG-format release, the balance,
 * and a fake coin under the hint that must not count.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildCollateralLock, usableDigCoins } from '@/lib/chain/collateral/build-collateral-lock'
import { buildCollateralRelease } from '@/lib/chain/collateral/build-collateral-release'
import type { WalletCoinInput } from '@/lib/chain/collateral/collateral-action'
import { collateralGate } from '@/lib/chain/collateral/collateral-gate'
import { loadDigBalance } from '@/lib/chain/collateral/load-dig-balance'
import { loadStoreCollateral } from '@/lib/chain/collateral/load-store-collateral'
import { resolveDigAssetId } from '@/lib/chain/collateral/resolve-dig-asset-id'
import { collateralCoinFromView, storeCollateralView } from '@/lib/chain/collateral/store-collateral-view'
import { summarizeStoreCollateral } from '@/lib/chain/collateral/summarize-store-collateral'
import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { parseLosslessJson, stringifyLosslessJson } from '@/lib/chain/lossless-json'
import { previewCoinSpends } from '@/lib/chain/preview/preview-coin-spends'
import { type ChainClient, createRpcClient } from '@/lib/chain/rpc-client'
import { submitSpendBundle } from '@/lib/chain/watch-transaction'
import { catPuzzle } from '@/lib/chia/cat/cat-puzzle'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { DEFAULT_COLLATERAL_POLICY } from '@/lib/chia/collateral/collateral-policy'
import { collateralHint } from '@/lib/chia/collateral/collateral-hint'
import { collateralPuzzleHash } from '@/lib/chia/collateral/collateral-puzzle'
import { lockCollateral } from '@/lib/chia/collateral/lock-collateral'
import { VaultStillLockedError, releaseCollateralVault } from '@/lib/chia/collateral/collateral-vault'
import { createCoinCondition } from '@/lib/chia/datastore/conditions'
import { standardPuzzle } from '@/lib/chia/keys/standard-puzzle'
import { standardCoinSpend } from '@/lib/chia/layers/standard-layer'
import { type Bytes32, bytesToHex, equalBytes, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { signCoinSpends } from '@/lib/chia/spends/sign-coin-spends'
import { createClvmRsRunner } from '@/lib/devnet/clvm-rs-runner'
import { type Devnet, createDevnet } from '@/lib/devnet/devnet'
import { type RpcServer, startRpcServer } from '@/lib/devnet/rpc-server'

const vectors = JSON.parse(readFileSync(new URL('../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8')) as {
  keys: Record<string, { syntheticSecretKey: string; syntheticPublicKey: string; puzzleHash: string }>
}
const key = (label: string) => {
  const k = vectors.keys[label]
  return { secretKey: hexToBytes(k.syntheticSecretKey), publicKey: hexToBytes(k.syntheticPublicKey), puzzleHash: hexToBytes(k.puzzleHash) as Bytes32 }
}
const owner = key('owner')
const stranger = key('spender')
const runner = createClvmRsRunner()
const MIB = 1_048_576n

let devnet: Devnet
let server: RpcServer
let client: ChainClient
let assetId: Bytes32

const sign = (coinSpends: CoinSpend[], secretKeys: Uint8Array[]) => ({
  coinSpends,
  aggregatedSignature: signCoinSpends(coinSpends, secretKeys, { genesisChallenge: devnet.genesisChallenge, runner, partial: true }),
})

/** The owner's wallet as CHIP-0002 would list it. */
async function walletCoins(): Promise<{ digCoins: WalletCoinInput[]; xchCoins: WalletCoinInput[] }> {
  const xch = await client.getCoinRecordsByPuzzleHash(owner.puzzleHash, { includeSpentCoins: false })
  const dig = await loadDigBalance(client, assetId, [owner.puzzleHash])
  const digCoins = await Promise.all(
    dig.coins.map(async (r) => {
      const parent = (await client.getCoinRecordByName(r.coin.parentCoinInfo))!
      const spend = await client.getPuzzleAndSolution(r.coin.parentCoinInfo, parent.spentBlockIndex)
      const { catLineageProofFromParentSpend } = await import('@/lib/chia/cat/cat-lineage')
      const { lineageProof } = catLineageProofFromParentSpend(spend)
      return {
        coin: r.coin,
        puzzleReveal: programToBytes(catPuzzle(assetId, standardPuzzle(owner.publicKey))),
        lineageProof: { parentName: lineageProof.parentParentCoinInfo, innerPuzzleHash: lineageProof.parentInnerPuzzleHash, amount: lineageProof.parentAmount },
      }
    }),
  )
  return {
    digCoins,
    xchCoins: xch.map((r) => ({ coin: r.coin, puzzleReveal: programToBytes(standardPuzzle(owner.publicKey)) })),
  }
}

async function push(coinSpends: CoinSpend[], keys = [owner.secretKey]) {
  return submitSpendBundle(client, sign(coinSpends, keys), Date.now)
}

const now = () => BigInt(Math.floor(Date.now() / 1000))

beforeAll(async () => {
  devnet = await createDevnet({ autoFarm: false })
  server = await startRpcServer(devnet)
  client = createRpcClient(createHttpRpcCall({ baseUrl: `http://127.0.0.1:${server.port}` }))
  assetId = await resolveDigAssetId(createHttpRpcCall({ baseUrl: `http://127.0.0.1:${server.port}` }))
  devnet.farmBlocks(1, owner.puzzleHash)
  devnet.createDig(owner.puzzleHash, 6_000n)
  devnet.createDig(owner.puzzleHash, 2_000n)
}, 60_000)

afterAll(async () => {
  devnet?.stop()
  await server?.close()
})

describe('store collateral on the devnet', () => {
  const launcherId = sha256(utf8ToBytes('collateral integration store'))
  let vaultUnlock: bigint

  it('resolves the devnet DIG asset id and the balance', async () => {
    expect(bytesToHex(assetId)).not.toBe('a406d3a9de984d03c9591c10d917593b434d5263cabe2b42f6b367df16832f81')
    expect((await loadDigBalance(client, assetId, [owner.puzzleHash])).total).toBe(8_000n)
    expect((await loadDigBalance(client, assetId, [stranger.puzzleHash])).total).toBe(0n)
  })

  it('starts with no collateral and a shortfall for a 25 MiB store', async () => {
    const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner })
    expect(collateral.coins).toEqual([])
    const summary = summarizeStoreCollateral(collateral.coins, { bytes: 25n * MIB, policy: DEFAULT_COLLATERAL_POLICY })
    expect(summary).toMatchObject({ required: 2500n, locked: 0n, shortfall: 2500n, met: false })
    expect(collateralGate({ currentBytes: MIB, nextBytes: 25n * MIB, locked: summary.locked, policy: DEFAULT_COLLATERAL_POLICY })).toMatchObject({ blocked: true, shortfall: 2500n })
  })

  it('locks DIG-format collateral with an XCH fee (previewed, pending, then active)', async () => {
    const built = buildCollateralLock({ assetId, launcherId, format: 'dig', amount: 1500n, fee: 1000n, ...(await walletCoins()), now: now() })
    const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: built.walletPuzzleHashes, maxWalletOutflow: built.maxWalletOutflow, maxFee: built.maxFee })
    expect(preview.fee).toBe(1000n)
    expect(preview.walletOutflow).toBe(1000n)
    expect(preview.created.some((c) => equalBytes(c.coinId, built.watch.expectedChildId))).toBe(true)
    const { state } = await push(built.coinSpends)
    expect(state.status).toBe('in-mempool')
    expect((await loadStoreCollateral(client, launcherId, { assetId, runner })).coins).toHaveLength(0)
    devnet.farmBlocks(1)

    const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner })
    expect(collateral.coins).toHaveLength(1)
    const [coin] = collateral.coins
    expect(coin).toMatchObject({ kind: 'dig', generation: 'rue', counted: true, amount: 1500n, lifecycle: 'active', releasing: false })
    expect(equalBytes(coin.coinId, built.watch.expectedChildId)).toBe(true)
    expect(equalBytes(coin.ownerPuzzleHash!, owner.puzzleHash)).toBe(true)
    expect((await loadDigBalance(client, assetId, [owner.puzzleHash])).total).toBe(6_500n)
  })

  it('locks a vault until a date and reads it back with its unlock time', async () => {
    const { timestamp } = await client.getBlockchainState().then((s) => ({ timestamp: s.peak!.timestamp! }))
    vaultUnlock = timestamp + 3600n
    const built = buildCollateralLock({ assetId, launcherId, format: 'vault', amount: 1000n, unlockTime: vaultUnlock, fee: 0n, ...(await walletCoins()), now: timestamp })
    expect((await push(built.coinSpends)).state.status).toBe('in-mempool')
    devnet.farmBlocks(1)
    const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner })
    const vault = collateral.coins.find((c) => c.kind === 'vault')!
    expect(vault).toMatchObject({ counted: true, amount: 1000n, unlockTime: vaultUnlock, lifecycle: 'active' })
    const summary = summarizeStoreCollateral(collateral.coins, { bytes: 25n * MIB, policy: DEFAULT_COLLATERAL_POLICY, ownerPuzzleHash: owner.puzzleHash })
    expect(summary).toMatchObject({ locked: 2500n, lockedDig: 1500n, lockedVault: 1000n, lockedByOwner: 2500n, shortfall: 0n, met: true, countedCoins: 2 })
    expect(collateralGate({ currentBytes: MIB, nextBytes: 25n * MIB, locked: summary.locked, policy: DEFAULT_COLLATERAL_POLICY }).blocked).toBe(false)
  })

  it('does not count XCH sent to the collateral puzzle hash under the hint', async () => {
    const xch = (await client.getCoinRecordsByPuzzleHash(owner.puzzleHash, { includeSpentCoins: false }))[0]
    const fakePh = collateralPuzzleHash(assetId, 'rue')
    const spend = standardCoinSpend(xch.coin, owner.publicKey, [
      createCoinCondition(fakePh, 9_000n, [collateralHint(launcherId)]),
      createCoinCondition(owner.puzzleHash, xch.coin.amount - 9_000n),
    ])
    expect((await push([spend])).state.status).toBe('in-mempool')
    devnet.farmBlocks(1)
    const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner })
    const fake = collateral.coins.find((c) => c.amount === 9_000n)!
    expect(fake).toMatchObject({ counted: false, reason: 'parentNotCat' })
    expect(summarizeStoreCollateral(collateral.coins, { bytes: 0n, policy: DEFAULT_COLLATERAL_POLICY })).toMatchObject({ locked: 2500n, notCountedCoins: 1 })
    // Bounded: the largest unspent candidates are validated first.
    const bounded = await loadStoreCollateral(client, launcherId, { assetId, runner, maxCandidates: 1 })
    expect(bounded).toMatchObject({ candidateCount: 3, truncated: true })
    expect(bounded.coins.map((c) => c.amount)).toEqual([9_000n])
  })

  it('refuses an early vault release (builder and chain), then releases after the unlock time', async () => {
    const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner })
    const view = storeCollateralView(collateral, { network: 'devnet', bytes: 0n, policy: DEFAULT_COLLATERAL_POLICY, summary: summarizeStoreCollateral(collateral.coins, { bytes: 0n, policy: DEFAULT_COLLATERAL_POLICY }) })
    // Through JSON, as the browser gets it.
    const wire = parseLosslessJson(stringifyLosslessJson(view)) as typeof view
    const vaultView = wire.coins.find((c) => c.kind === 'vault')!
    const releasable = collateralCoinFromView(vaultView)!
    expect(releasable.unlockTime).toBe(vaultUnlock)
    const args = { assetId, launcherId, collateral: releasable, walletPublicKeys: [owner.publicKey], fee: 0n, xchCoins: [] }
    expect(() => buildCollateralRelease({ ...args, lastBlockTimestamp: collateral.lastBlockTimestamp })).toThrow(VaultStillLockedError)
    expect(() => buildCollateralRelease({ ...args, walletPublicKeys: [stranger.publicKey], lastBlockTimestamp: vaultUnlock })).toThrow(/another wallet/)

    const early = releaseCollateralVault({
      assetId,
      vault: { coin: releasable.coin, lineageProof: releasable.lineageProof, syntheticPublicKey: releasable.syntheticPublicKey, unlockTime: vaultUnlock },
    })
    const refused = await push(early.coinSpends)
    expect(refused.state).toMatchObject({ status: 'failed', code: 'ASSERT_SECONDS_ABSOLUTE_FAILED' })

    devnet.advanceTime(3660n)
    devnet.farmBlocks(1)
    const later = await loadStoreCollateral(client, launcherId, { assetId, runner })
    expect(later.coins.find((c) => c.kind === 'vault')!.lifecycle).toBe('unlockable')
    const built = buildCollateralRelease({ ...args, lastBlockTimestamp: later.lastBlockTimestamp })
    expect((await push(built.coinSpends)).state.status).toBe('in-mempool')
    expect((await loadStoreCollateral(client, launcherId, { assetId, runner })).coins.find((c) => c.kind === 'vault')!.releasing).toBe(true)
    devnet.farmBlocks(1)
    const after = await loadStoreCollateral(client, launcherId, { assetId, runner })
    expect(after.coins.find((c) => c.kind === 'vault')!.lifecycle).toBe('released')
    expect((await client.getCoinRecordByName(built.watch.expectedChildId))?.coin.amount).toBe(1000n)
  })

  it('releases DIG-format collateral and the requirement is unmet again', async () => {
    const collateral = await loadStoreCollateral(client, launcherId, { assetId, runner })
    const view = storeCollateralView(collateral, { network: 'devnet', bytes: 25n * MIB, policy: DEFAULT_COLLATERAL_POLICY, summary: summarizeStoreCollateral(collateral.coins, { bytes: 25n * MIB, policy: DEFAULT_COLLATERAL_POLICY }) })
    const digView = view.coins.find((c) => c.kind === 'dig' && c.counted && c.lifecycle === 'active')!
    expect(digView.ownerAddress).toMatch(/^txch1/)
    const built = buildCollateralRelease({
      assetId,
      launcherId,
      collateral: collateralCoinFromView(digView)!,
      walletPublicKeys: [owner.publicKey],
      fee: 500n,
      ...(await walletCoins()),
      lastBlockTimestamp: collateral.lastBlockTimestamp,
    })
    const preview = previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes: built.walletPuzzleHashes, maxWalletOutflow: 500n, maxFee: 500n })
    expect(preview.fee).toBe(500n)
    expect((await push(built.coinSpends)).state.status).toBe('in-mempool')
    devnet.farmBlocks(1)
    const after = await loadStoreCollateral(client, launcherId, { assetId, runner })
    expect(after.coins.filter((c) => c.counted && c.lifecycle !== 'released')).toHaveLength(0)
    expect(summarizeStoreCollateral(after.coins, { bytes: 25n * MIB, policy: DEFAULT_COLLATERAL_POLICY })).toMatchObject({ locked: 0n, shortfall: 2500n, met: false })
    expect((await loadDigBalance(client, assetId, [owner.puzzleHash])).total).toBe(8_000n)
  })

  it('reads collateral of the older (Chialisp cat maker) generation too', async () => {
    const otherStore = sha256(utf8ToBytes('v1 store'))
    devnet.createDig(owner.puzzleHash, 700n)
    const { usable } = usableDigCoins(assetId, (await walletCoins()).digCoins)
    const coin = usable.find((c) => c.coin.amount === 700n)!
    const lock = lockCollateral({ assetId, launcherId: otherStore, amount: 700n, catCoins: [coin], generation: 'v1' })
    expect((await push(lock.coinSpends)).state.status).toBe('in-mempool')
    devnet.farmBlocks(1)
    const collateral = await loadStoreCollateral(client, otherStore, { assetId, runner })
    expect(collateral.coins).toHaveLength(1)
    expect(collateral.coins[0]).toMatchObject({ kind: 'dig', generation: 'v1', counted: true, amount: 700n, lifecycle: 'active' })
    // Another store's hint does not see it.
    expect((await loadStoreCollateral(client, launcherId, { assetId, runner })).coins.some((c) => c.amount === 700n)).toBe(false)
  })
})
