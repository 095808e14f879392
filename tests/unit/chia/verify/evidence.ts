/** Builds `StoreEvidence` (records + spends, as a node returns them) from the driver's history chains. */
import { readFileSync } from 'node:fs'
import { bytesToHex, hexToBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord, CoinSpend } from '@/lib/chia/primitives/coin-spend'
import type { StoreEvidence } from '@/lib/chia/verify/verify-store-history'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- vector JSON is untyped
export type Json = any

export const driverVectors: Json = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

const coinIn = (c: Json): Coin => ({ parentCoinInfo: hexToBytes(c.parentCoinInfo), puzzleHash: hexToBytes(c.puzzleHash), amount: BigInt(c.amount) })
export const spendIn = (s: Json): CoinSpend => ({ coin: coinIn(s.coin), puzzleReveal: hexToBytes(s.puzzleReveal), solution: hexToBytes(s.solution) })

const record = (coin: Coin, confirmed: number, spent: number): CoinRecord => ({
  // A copy, as a node would return: tampering a record must not alter the spend's coin.
  coin: { ...coin, parentCoinInfo: coin.parentCoinInfo.slice(), puzzleHash: coin.puzzleHash.slice() },
  confirmedBlockIndex: confirmed,
  spentBlockIndex: spent,
  coinbase: false,
  timestamp: BigInt(1_700_000_000 + confirmed * 52),
})

/**
 * Evidence for a chain of spends: launcher spend first, then each store coin's spend. Generation k
 * is the coin spent by step k+1, plus the unspent `tip` coin when the chain does not end in a melt.
 */
export function evidenceFromSpends(spends: CoinSpend[], tip: Coin | undefined, roots?: Bytes32[]): StoreEvidence {
  const launcher = spends[0]
  const launcherId = coinId(launcher.coin)
  const coins = [...spends.slice(1).map((s) => s.coin), ...(tip ? [tip] : [])]
  return {
    launcherId,
    launcherRecord: record(launcher.coin, 10, 11),
    launcherSpend: launcher,
    generations: coins.map((coin, k) => {
      const spend = spends[k + 1]
      return {
        coinId: coinId(coin),
        ...(roots ? { rootHash: roots[k] } : {}),
        record: record(coin, 11 + k, spend ? 12 + k : 0),
        ...(spend ? { coinSpend: spend } : {}),
      }
    }),
  }
}

export function chainEvidence(name: string): StoreEvidence {
  const chain = driverVectors.history.chains[name]
  const spends: CoinSpend[] = chain.steps.map((s: Json) => spendIn(s.coinSpend))
  const tip = chain.meltedAtEnd ? undefined : coinIn(chain.latestStore.coin)
  const roots = (chain.rootHashHistory as string[]).map((h) => hexToBytes(h))
  return evidenceFromSpends(spends, tip, roots)
}

export const hex = bytesToHex
