/**
 * The transaction id Chia reports for a spend bundle (`SpendBundle.name()`, `tx_id` of
 * `get_mempool_item_by_tx_id`): sha256 of its Streamable bytes — u32 count of coin spends, each as
 * parent ‖ puzzle hash ‖ u64 amount ‖ raw puzzle reveal ‖ raw solution, then the 96-byte
 * signature (chia_rs `chia-protocol/src/spend_bundle.rs`, `coin_spend.rs`). Browser-safe.
 */
import { concatBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'

const u32 = (n: number) => {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, n)
  return b
}
const u64 = (n: bigint) => {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, n)
  return b
}

/**
 * The id of `bundle` as the full node names it.
 *
 * @example
 * const txId = spendBundleId({ coinSpends, aggregatedSignature })
 */
export function spendBundleId(bundle: SpendBundle): Bytes32 {
  return sha256(
    concatBytes(
      u32(bundle.coinSpends.length),
      ...bundle.coinSpends.flatMap((s) => [s.coin.parentCoinInfo, s.coin.puzzleHash, u64(s.coin.amount), s.puzzleReveal, s.solution]),
      bundle.aggregatedSignature,
    ),
  )
}
