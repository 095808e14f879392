/**
 * The timestamp of the latest transaction block: what ASSERT_SECONDS_ABSOLUTE is checked against
 * when a spend is included in the next block. The peak itself may be a non-transaction block
 * (no timestamp), in which case its previous transaction block is asked for.
 */
import type { ChainClient } from '../rpc-client'

/**
 * Reads the peak and, when needed, its last transaction block.
 *
 * @example
 * const { timestamp, peakHeight } = await loadLastBlockTimestamp(client)
 */
export async function loadLastBlockTimestamp(client: ChainClient): Promise<{ timestamp: bigint; peakHeight: number }> {
  const { peak } = await client.getBlockchainState()
  if (!peak) return { timestamp: 0n, peakHeight: 0 }
  if (peak.timestamp !== undefined) return { timestamp: peak.timestamp, peakHeight: peak.height }
  const block = await client.getBlockRecordByHeight(peak.prevTransactionBlockHeight)
  return { timestamp: block.timestamp ?? 0n, peakHeight: peak.height }
}
