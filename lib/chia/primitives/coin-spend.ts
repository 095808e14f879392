import type { Bytes32 } from './bytes'
import type { Coin } from './coin'

/** A coin with the serialized puzzle reveal and solution that spend it. */
export interface CoinSpend {
  coin: Coin
  puzzleReveal: Uint8Array
  solution: Uint8Array
}

/** Coin spends plus the 96-byte aggregated BLS signature. */
export interface SpendBundle {
  coinSpends: CoinSpend[]
  aggregatedSignature: Uint8Array
}

/** A full node's coin record (chia-protocol `coin_record.rs`), with heights 0 meaning "not spent". */
export interface CoinRecord {
  coin: Coin
  confirmedBlockIndex: number
  spentBlockIndex: number
  coinbase: boolean
  timestamp: bigint
}

export type { Bytes32 }
