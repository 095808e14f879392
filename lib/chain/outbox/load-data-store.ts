/**
 * The spendable state of a store, fresh from the chain: its unspent tip coin, rebuilt from the
 * spend that created it (lib/chia `readDataStoreSpend`, which checks the rebuilt puzzle hash
 * against the coin), with the lineage proof the next spend needs. Three dependent reads: the tip
 * record, its parent's record (for the spent height), the parent's puzzle and solution.
 */
import { AppError } from '@/lib/chia/errors/app-error'
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import type { DataStore } from '@/lib/chia/datastore/data-store'
import { readDataStoreSpend } from '@/lib/chia/datastore/data-store-from-spend'
import type { DelegatedPuzzle } from '@/lib/chia/datastore/delegated-puzzle'
import { bytesToHex, equalBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import type { ChainClient } from '@/lib/chain/rpc-client'

export class StoreTipUnavailableError extends AppError {
  override name = 'StoreTipUnavailableError' as const
  constructor({ tipCoinId, reason }: { tipCoinId: Bytes32; reason: string }) {
    super('The store’s current coin could not be loaded from the chain.', { details: `${bytesToHex(tipCoinId)}: ${reason}` })
  }
}

export class StoreAlreadySpentError extends AppError {
  override name = 'StoreAlreadySpentError' as const
  constructor({ tipCoinId, spentHeight }: { tipCoinId: Bytes32; spentHeight: number }) {
    super('The store moved on since this page loaded; reload its latest state.', { details: `${bytesToHex(tipCoinId)} spent at ${spentHeight}` })
  }
}

/**
 * Loads the store whose unspent coin is `tipCoinId`. `parentDelegatedPuzzles` are the delegates
 * before the tip's creating spend (the current ones work: a spend that does not re-hint keeps them).
 *
 * @example
 * const store = await loadDataStore(client, hexToBytes32(view.current.coinId), delegates, createTsRunner())
 */
export async function loadDataStore(
  client: Pick<ChainClient, 'getCoinRecordByName' | 'getPuzzleAndSolution'>,
  tipCoinId: Bytes32,
  parentDelegatedPuzzles: readonly DelegatedPuzzle[],
  runner: ClvmRunner,
): Promise<DataStore> {
  const tip = await client.getCoinRecordByName(tipCoinId)
  if (!tip) throw new StoreTipUnavailableError({ tipCoinId, reason: 'no coin record' })
  if (tip.spentBlockIndex > 0) throw new StoreAlreadySpentError({ tipCoinId, spentHeight: tip.spentBlockIndex })
  const parent = await client.getCoinRecordByName(tip.coin.parentCoinInfo)
  if (!parent || parent.spentBlockIndex === 0) throw new StoreTipUnavailableError({ tipCoinId, reason: 'parent coin is not spent' })
  const spend = await client.getPuzzleAndSolution(coinId(parent.coin), parent.spentBlockIndex)
  const info = readDataStoreSpend(spend, parentDelegatedPuzzles, runner)
  if (!info?.store) throw new StoreTipUnavailableError({ tipCoinId, reason: 'parent spend does not create a store' })
  if (!equalBytes(coinId(info.store.coin), tipCoinId)) throw new StoreTipUnavailableError({ tipCoinId, reason: 'rebuilt store coin differs' })
  return info.store
}
