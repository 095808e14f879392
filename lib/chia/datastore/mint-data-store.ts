/**
 * Mint a store, byte-for-byte like the reference driver's `mintStore` (DataLayer-Driver
 * src/wallet.rs mint_store; chia-wallet-sdk 0.13.0 datastore_launcher.rs, launcher.rs):
 * the lead coin creates the launcher (hinted sha256("datastore")), asserts its announcement and
 * takes change; other coins assert the lead with ASSERT_CONCURRENT_SPEND; the fee is implicit.
 * Spend order: other coins, launcher, lead. Spec: datalayer-protocol.md §6.1, §5.3.
 */
import { type Program, atom, list } from '../clvm/program'
import { programToBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { launcherCoin, launcherLayer } from '../layers/launcher'
import { eveProof } from '../layers/lineage-proof'
import { singletonPuzzleHash } from '../layers/singleton-layer'
import { standardCoinSpend } from '../layers/standard-layer'
import { type Bytes32, assertBytes32, utf8ToBytes } from '../primitives/bytes'
import { type Coin, assertAmount, coinAnnouncementId, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { sha256 } from '../primitives/sha256'
import { SINGLETON_LAUNCHER, SINGLETON_LAUNCHER_HASH } from '../puzzles/singleton-launcher'
import { assertCoinAnnouncementCondition, assertConcurrentSpendCondition, createCoinCondition } from './conditions'
import { type DataStore, dataStoreInnerPuzzleHash, dataStoreStateLayerHash } from './data-store'
import { type DataStoreMetadata, dataStoreMetadata } from './data-store-metadata'
import { type DelegatedPuzzle, delegatedPuzzleToMemos } from './delegated-puzzle'
import { assertWalletCoins } from './assert-wallet-coins'

/** sha256("datastore"): the hint on every launcher the driver creates (`Peer.lookUpPossibleLaunchers`). */
export const DATASTORE_LAUNCHER_HINT: Bytes32 = sha256(utf8ToBytes('datastore'))

export interface MintDataStoreParams {
  /** Synthetic key of the wallet paying for the mint (its coins are `coins`). */
  minterSyntheticKey: Uint8Array
  /** Coins to spend; the first is the lead coin and becomes the launcher's parent. */
  coins: readonly Coin[]
  /** Initial root; defaults to 32 zero bytes. Ignored when `metadata` is given. */
  rootHash?: Bytes32
  label?: string
  description?: string
  bytes?: bigint
  /** Full metadata (e.g. with extra keys); overrides rootHash/label/description/bytes. */
  metadata?: DataStoreMetadata
  ownerPuzzleHash: Bytes32
  delegatedPuzzles?: readonly DelegatedPuzzle[]
  fee?: bigint
}

export interface MintDataStoreResult {
  coinSpends: CoinSpend[]
  /** The eve store (the launcher's child). */
  next: DataStore
  launcherId: Bytes32
}

/**
 * Memos `(launcherId ownerPuzzleHash [type ph [fee]]…)` that let `from_spend` rebuild a store's
 * owner and delegates (`DataStore::get_recreation_memos`).
 * @example recreationMemos(launcherId, ownerPuzzleHash, delegatedPuzzles)
 */
export const recreationMemos = (launcherId: Bytes32, ownerPuzzleHash: Bytes32, delegatedPuzzles: readonly DelegatedPuzzle[]): Uint8Array[] => [
  launcherId,
  ownerPuzzleHash,
  ...delegatedPuzzles.flatMap(delegatedPuzzleToMemos),
]

/**
 * Builds the unsigned spends that mint a store, and the eve store they create.
 * @example const { coinSpends, next, launcherId } = mintDataStore({ minterSyntheticKey, coins, ownerPuzzleHash, label: 'docs' })
 */
export function mintDataStore(params: MintDataStoreParams): MintDataStoreResult {
  const fee = assertAmount(params.fee ?? 0n, 'fee')
  const { puzzleHash: minterPuzzleHash, total } = assertWalletCoins(params.coins, params.minterSyntheticKey, fee + 1n)
  const ownerPuzzleHash = assertBytes32(params.ownerPuzzleHash, 'ownerPuzzleHash')
  const delegatedPuzzles = [...(params.delegatedPuzzles ?? [])]
  const metadata =
    params.metadata ??
    dataStoreMetadata({
      rootHash: params.rootHash ?? new Uint8Array(32),
      label: params.label,
      description: params.description,
      bytes: params.bytes,
    })

  const lead = params.coins[0]
  const leadId = coinId(lead)
  const launcher = launcherCoin(leadId, 1n)
  const launcherId = coinId(launcher)
  const state = { launcherId, metadata, ownerPuzzleHash, delegatedPuzzles }
  const innerPuzzleHash = dataStoreInnerPuzzleHash(state)
  const evePuzzleHash = singletonPuzzleHash(launcherId, dataStoreStateLayerHash(state))

  // DlLauncherKvList: (METADATA inner_puzzle_hash . memos), memos only with delegation.
  const memos = delegatedPuzzles.length === 0 ? [] : recreationMemos(launcherId, ownerPuzzleHash, delegatedPuzzles).slice(1)
  const keyValueList: Program = list([metadata.program, atom(innerPuzzleHash), ...memos.map(atom)])
  const launcherSolution = launcherLayer.constructSolution({ singletonPuzzleHash: evePuzzleHash, amount: 1n, keyValueList })

  const leadConditions: Program[] = [
    createCoinCondition(SINGLETON_LAUNCHER_HASH, 1n, [DATASTORE_LAUNCHER_HINT]),
    assertCoinAnnouncementCondition(coinAnnouncementId(launcherId, treeHash(launcherSolution))),
  ]
  const change = total - fee - 1n
  if (change > 0n) leadConditions.push(createCoinCondition(minterPuzzleHash, change, [minterPuzzleHash]))

  const coinSpends: CoinSpend[] = params.coins
    .slice(1)
    .map((coin) => standardCoinSpend(coin, params.minterSyntheticKey, [assertConcurrentSpendCondition(leadId)]))
  coinSpends.push({ coin: launcher, puzzleReveal: programToBytes(SINGLETON_LAUNCHER), solution: programToBytes(launcherSolution) })
  coinSpends.push(standardCoinSpend(lead, params.minterSyntheticKey, leadConditions))

  const next: DataStore = {
    coin: { parentCoinInfo: launcherId, puzzleHash: evePuzzleHash, amount: 1n },
    launcherId,
    proof: eveProof(launcher),
    metadata,
    ownerPuzzleHash,
    delegatedPuzzles,
  }
  return { coinSpends, next, launcherId }
}
