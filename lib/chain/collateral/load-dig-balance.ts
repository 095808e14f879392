/**
 * A wallet's $DIG: unspent CAT2 coins of the DIG asset at the CAT-wrapped standard puzzle hashes
 * of the wallet's keys (PRODUCT.md §4 "Balance"). For public reads (any address) through a node;
 * a connected wallet can also list its coins itself (`Wallet.getSpendableCoins({ assetId })`).
 */
import { catPuzzleHash } from '@/lib/chia/cat/cat-puzzle'
import type { Bytes32 } from '@/lib/chia/primitives/bytes'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'

import type { ChainClient } from '../rpc-client'

export interface DigBalance {
  /** Base units (1 DIG = 1,000). */
  total: bigint
  coins: CoinRecord[]
}

/**
 * Sums the DIG coins held by these inner (standard) puzzle hashes.
 *
 * @example
 * const { total } = await loadDigBalance(client, assetId, [walletPuzzleHash])
 */
export async function loadDigBalance(client: ChainClient, assetId: Bytes32, innerPuzzleHashes: readonly Bytes32[]): Promise<DigBalance> {
  if (innerPuzzleHashes.length === 0) return { total: 0n, coins: [] }
  const records = await client.getCoinRecordsByPuzzleHashes(
    innerPuzzleHashes.map((ph) => catPuzzleHash(assetId, ph)),
    { includeSpentCoins: false },
  )
  const coins = records.filter((r) => r.spentBlockIndex === 0)
  return { total: coins.reduce((t, r) => t + r.coin.amount, 0n), coins }
}
