/**
 * XCH coins for a fee, all from one key (a standard spend is signed by one key): the wallet's
 * coins are grouped by the synthetic key read from their puzzle reveals, and the key with the most
 * XCH pays, using lib/chia's reference coin selection.
 */
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import type { StandardCoin } from '@/lib/chia/cat/standard-cat-coin'
import { selectCoins } from '@/lib/chia/datastore/select-coins'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { standardLayer } from '@/lib/chia/layers/standard-layer'
import { type Bytes32, bytesToHex } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'

import { type WalletCoinInput, NotEnoughXchForFeeError } from './collateral-action'

/**
 * Standard XCH coins covering `fee`, or none when the fee is 0.
 *
 * @example
 * const feeCoins = pickFeeCoins(await wallet.getSpendableCoins(), 1_000_000n)
 */
export function pickFeeCoins(xchCoins: readonly WalletCoinInput[], fee: bigint): StandardCoin[] {
  if (fee <= 0n) return []
  const byKey = new Map<string, StandardCoin[]>()
  for (const c of xchCoins) {
    let key: Uint8Array | undefined
    try {
      key = standardLayer.parse(programFromBytes(c.puzzleReveal))
    } catch {
      key = undefined
    }
    if (!key) continue
    const k = bytesToHex(key)
    byKey.set(k, [...(byKey.get(k) ?? []), { coin: c.coin, syntheticPublicKey: key }])
  }
  const ranked = [...byKey.values()]
    .map((coins) => ({ coins, total: coins.reduce((t, c) => t + c.coin.amount, 0n) }))
    .sort((a, b) => (a.total === b.total ? 0 : a.total > b.total ? -1 : 1))
  const best = ranked[0]
  if (!best || best.total < fee) throw new NotEnoughXchForFeeError({ fee, largestKeyTotal: best?.total ?? 0n })
  const chosen = selectCoins(best.coins.map((c) => c.coin), fee)
  const byId = new Map(best.coins.map((c) => [bytesToHex(coinId(c.coin)), c]))
  return chosen.map((coin) => byId.get(bytesToHex(coinId(coin)))!)
}

/**
 * The wallet puzzle hashes a collateral action involves: `puzzleHash` (the locker's) first, then
 * the fee coins' standard puzzle hashes, each once.
 *
 * @example
 * const walletPuzzleHashes = walletPuzzleHashesWithFee(lockerPuzzleHash, feeCoins)
 */
export const walletPuzzleHashesWithFee = (puzzleHash: Bytes32, feeCoins: readonly StandardCoin[]): Bytes32[] => [
  ...new Map([puzzleHash, ...feeCoins.map((c) => standardPuzzleHash(c.syntheticPublicKey))].map((h) => [bytesToHex(h), h])).values(),
]
