/**
 * The spend bundle id Chia reports (`SpendBundle.name()`): sha256 of the Streamable serialization
 * — u32 count, then per coin spend the coin (parent ‖ puzzle hash ‖ u64 amount) and the raw
 * serialized puzzle reveal and solution, then the 96-byte aggregated signature
 * (chia_rs `chia-protocol/src/spend_bundle.rs`, `coin_spend.rs`, `program.rs`).
 */
import { createHash } from 'node:crypto'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'

/** sha256 of the streamable bytes of `bundle`. */
export function spendBundleName(bundle: SpendBundle): Uint8Array {
  const h = createHash('sha256')
  const u32 = Buffer.alloc(4)
  u32.writeUInt32BE(bundle.coinSpends.length)
  h.update(u32)
  const u64 = Buffer.alloc(8)
  for (const s of bundle.coinSpends) {
    h.update(s.coin.parentCoinInfo).update(s.coin.puzzleHash)
    u64.writeBigUInt64BE(s.coin.amount)
    h.update(u64).update(s.puzzleReveal).update(s.solution)
  }
  h.update(bundle.aggregatedSignature)
  return new Uint8Array(h.digest())
}
