/**
 * Turns an intent into unsigned spends on a given store state, with the prediction and the
 * spending limits the preview enforces. Pure: the wallet's keys and coins are parameters, the
 * builders are lib/chia's. Coins are chosen per key (a standard-puzzle spend is signed by one
 * key), from the key with enough XCH; the store spend itself is signed by the key holding the
 * needed role.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import type { DataStore } from '@/lib/chia/datastore/data-store'
import type { DelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { assertOracleFee } from '@/lib/chia/datastore/delegated-puzzle'
import { meltDataStore } from '@/lib/chia/datastore/melt-data-store'
import { mintDataStore } from '@/lib/chia/datastore/mint-data-store'
import { oracleSpend } from '@/lib/chia/datastore/oracle-spend'
import { selectCoins } from '@/lib/chia/datastore/select-coins'
import type { DataStoreSpender } from '@/lib/chia/datastore/spend-data-store'
import { updateDataStore } from '@/lib/chia/datastore/update-data-store'
import { updateDataStoreOwnership } from '@/lib/chia/datastore/update-data-store-ownership'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex, equalBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId, type Coin } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import type { PredictedStoreChange } from '@/lib/chain/preview/preview-store-change'

import type { DelegateIntent, IntentAction } from './intent-action'

export interface WalletKeyCoins {
  /** Synthetic public key. */
  publicKey: Uint8Array
  puzzleHash: Bytes32
  coins: Coin[]
}

export interface BuiltIntent {
  coinSpends: CoinSpend[]
  predicted: PredictedStoreChange
  launcherId: Bytes32
  /** The store coin spent (undefined for a mint). */
  baseCoinId?: Bytes32
  /** The store coin created (undefined for a melt). */
  expectedChildId?: Bytes32
  /** What the preview must not exceed. */
  maxWalletOutflow: bigint
  maxFee: bigint
  storePuzzleHashes: Bytes32[]
  /** The role the wallet signs the store spend with, when it signs one. */
  role?: DataStoreSpender['role']
}

export class MissingRoleError extends AppError {
  override name = 'MissingRoleError' as const
  constructor({ action, launcherId }: { action: string; launcherId: Bytes32 }) {
    super(`None of this wallet's keys may ${action} this store.`, { details: `store ${bytesToHex(launcherId)}` })
  }
}

export class NotEnoughXchError extends AppError {
  override name = 'NotEnoughXchError' as const
  readonly required: bigint
  constructor({ required, largestKeyTotal }: { required: bigint; largestKeyTotal: bigint }) {
    super('Your wallet does not have enough spendable XCH for this transaction.', {
      details: `needs ${required} mojos from one key; the best key holds ${largestKeyTotal} mojos`,
    })
    this.required = required
  }
}

/**
 * The lib/chia delegate for a delegate intent (validates the oracle fee: even, u64).
 * @example delegatedPuzzleFromIntent({ type: 'writer', innerPuzzleHash })
 */
export function delegatedPuzzleFromIntent(d: DelegateIntent): DelegatedPuzzle {
  if (d.type === 'oracle') return { type: 'oracle', oraclePuzzleHash: d.oraclePuzzleHash, oracleFee: assertOracleFee(d.oracleFee) }
  return { type: d.type, innerPuzzleHash: d.innerPuzzleHash }
}

/**
 * Picks coins worth at least `amount` from a single key (the one with the most XCH first).
 * @example const { key, coins } = pickCoins(walletKeys, fee + 1n)
 */
export function pickCoins(keys: readonly WalletKeyCoins[], amount: bigint): { key: WalletKeyCoins; coins: Coin[] } {
  const totals = keys.map((k) => ({ k, total: k.coins.reduce((t, c) => t + c.amount, 0n) })).sort((a, b) => (b.total > a.total ? 1 : b.total < a.total ? -1 : 0))
  const best = totals[0]
  if (!best || best.total < amount || best.k.coins.length === 0) throw new NotEnoughXchError({ required: amount, largestKeyTotal: best?.total ?? 0n })
  return { key: best.k, coins: selectCoins(best.k.coins, amount === 0n ? 1n : amount) }
}

/** The wallet key holding `role` on `store`, if any (the owner outranks admin outranks writer). */
export function roleKey(store: DataStore, keys: readonly WalletKeyCoins[], roles: readonly DataStoreSpender['role'][]): { role: DataStoreSpender['role']; key: WalletKeyCoins } | undefined {
  for (const role of roles) {
    for (const key of keys) {
      if (role === 'owner' && equalBytes(key.puzzleHash, store.ownerPuzzleHash)) return { role, key }
      if (role !== 'owner' && store.delegatedPuzzles.some((d) => d.type === role && equalBytes(d.innerPuzzleHash, key.puzzleHash))) return { role, key }
    }
  }
  return undefined
}

/**
 * Builds an intent on `store` (undefined for a mint) with the wallet's keys and coins.
 *
 * @example
 * const built = buildIntent({ kind: 'update', rootHash, fee: 0n }, store, walletKeys)
 * previewCoinSpends(built.coinSpends, { runner, walletPuzzleHashes, maxWalletOutflow: built.maxWalletOutflow })
 */
export function buildIntent(action: IntentAction, store: DataStore | undefined, keys: readonly WalletKeyCoins[]): BuiltIntent {
  if (action.kind === 'mint') {
    const { key, coins } = pickCoins(keys, action.fee + 1n)
    const m = mintDataStore({
      minterSyntheticKey: key.publicKey,
      coins,
      rootHash: action.rootHash,
      label: action.label,
      description: action.description,
      bytes: action.bytes,
      ownerPuzzleHash: action.ownerPuzzleHash,
      delegatedPuzzles: action.delegates.map(delegatedPuzzleFromIntent),
      fee: action.fee,
    })
    return {
      coinSpends: m.coinSpends,
      predicted: { kind: 'mint', launcherId: m.launcherId, next: m.next },
      launcherId: m.launcherId,
      expectedChildId: coinId(m.next.coin),
      maxWalletOutflow: action.fee + 1n,
      maxFee: action.fee,
      storePuzzleHashes: [m.next.coin.puzzleHash],
    }
  }
  if (!store) throw new MissingRoleError({ action: action.kind, launcherId: new Uint8Array(32) })
  const feePayment = () => {
    if (action.fee === 0n) return undefined
    const { key, coins } = pickCoins(keys, action.fee)
    return { syntheticKey: key.publicKey, coins, fee: action.fee }
  }
  const base = { launcherId: store.launcherId, baseCoinId: coinId(store.coin) }
  const done = (coinSpends: CoinSpend[], next: DataStore, maxWalletOutflow: bigint, maxFee: bigint, role?: DataStoreSpender['role']): BuiltIntent => ({
    ...base,
    coinSpends,
    predicted: { kind: 'update', before: store, next },
    expectedChildId: coinId(next.coin),
    maxWalletOutflow,
    maxFee,
    storePuzzleHashes: [store.coin.puzzleHash, next.coin.puzzleHash],
    ...(role ? { role } : {}),
  })

  switch (action.kind) {
    case 'update': {
      const who = roleKey(store, keys, ['owner', 'admin', 'writer'])
      if (!who) throw new MissingRoleError({ action: 'update', launcherId: store.launcherId })
      const r = updateDataStore({
        store,
        spender: { role: who.role, syntheticKey: who.key.publicKey },
        ...(action.rootHash ? { rootHash: action.rootHash } : {}),
        ...(action.label !== undefined ? { label: action.label } : {}),
        ...(action.description !== undefined ? { description: action.description } : {}),
        ...(action.bytes !== undefined ? { bytes: action.bytes } : {}),
        feePayment: feePayment(),
      })
      return done(r.coinSpends, r.next, action.fee, action.fee, who.role)
    }
    case 'ownership': {
      const changesOwner = action.newOwnerPuzzleHash !== undefined && !equalBytes(action.newOwnerPuzzleHash, store.ownerPuzzleHash)
      const who = roleKey(store, keys, changesOwner ? ['owner'] : ['owner', 'admin'])
      if (!who) throw new MissingRoleError({ action: changesOwner ? 'transfer' : 'change the delegates of', launcherId: store.launcherId })
      const r = updateDataStoreOwnership({
        store,
        spender: { role: who.role, syntheticKey: who.key.publicKey },
        newOwnerPuzzleHash: action.newOwnerPuzzleHash,
        newDelegatedPuzzles: action.delegates.map(delegatedPuzzleFromIntent),
        feePayment: feePayment(),
      })
      return done(r.coinSpends, r.next, action.fee, action.fee, who.role)
    }
    case 'oracle': {
      const oracle = store.delegatedPuzzles.find((d) => d.type === 'oracle')
      const oracleFee = oracle?.type === 'oracle' ? oracle.oracleFee : 0n
      const { key, coins } = pickCoins(keys, oracleFee + action.fee)
      const r = oracleSpend({ spenderSyntheticKey: key.publicKey, coins, store, fee: action.fee })
      return done(r.coinSpends, r.next, oracleFee + action.fee, action.fee)
    }
    case 'melt': {
      const who = roleKey(store, keys, ['owner'])
      if (!who) throw new MissingRoleError({ action: 'melt', launcherId: store.launcherId })
      const r = meltDataStore({ store, ownerSyntheticKey: who.key.publicKey, feePayment: feePayment() })
      return {
        ...base,
        coinSpends: r.coinSpends,
        predicted: { kind: 'melt', before: store },
        maxWalletOutflow: action.fee,
        // The melted mojo becomes part of the fee.
        maxFee: action.fee + 1n,
        storePuzzleHashes: [store.coin.puzzleHash],
        role: 'owner',
      }
    }
  }
}

/**
 * The wallet's keys with their coins grouped by standard puzzle hash.
 * @example walletKeyCoins(await wallet.getPublicKeys(), (await wallet.getSpendableCoins()).map((c) => c.coin))
 */
export function walletKeyCoins(publicKeys: readonly Uint8Array[], coins: readonly Coin[]): WalletKeyCoins[] {
  return publicKeys.map((publicKey) => {
    const puzzleHash = standardPuzzleHash(publicKey)
    return { publicKey, puzzleHash, coins: coins.filter((c) => equalBytes(c.puzzleHash, puzzleHash)) }
  })
}
