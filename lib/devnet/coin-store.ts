/**
 * The devnet's coin set: coin records (chia-protocol `coin_record.rs`) with indexes by puzzle hash,
 * hint and parent, like chia-blockchain `chia/full_node/coin_store.py` + `hint_store.py`.
 * Height filters follow coin_store.py: start inclusive, end exclusive, on the confirmation height.
 */
import { type Bytes32, bytesToHex } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import type { CoinRecord } from '@/lib/chia/primitives/coin-spend'

export interface StoredCoinRecord extends CoinRecord {
  coinId: Bytes32
  hint?: Bytes32
}

export interface CoinQuery {
  includeSpentCoins?: boolean
  startHeight?: number
  endHeight?: number
}

export class CoinStore {
  private readonly records = new Map<string, StoredCoinRecord>()
  private readonly byPuzzleHash = new Map<string, Set<string>>()
  private readonly byHint = new Map<string, Set<string>>()
  private readonly byParent = new Map<string, Set<string>>()

  get size(): number {
    return this.records.size
  }

  get(coinIdHex: string): StoredCoinRecord | undefined {
    return this.records.get(coinIdHex)
  }

  all(): StoredCoinRecord[] {
    return [...this.records.values()]
  }

  add(record: StoredCoinRecord): void {
    const id = bytesToHex(record.coinId)
    this.records.set(id, record)
    index(this.byPuzzleHash, bytesToHex(record.coin.puzzleHash), id)
    index(this.byParent, bytesToHex(record.coin.parentCoinInfo), id)
    if (record.hint) index(this.byHint, bytesToHex(record.hint), id)
  }

  markSpent(coinIdHex: string, height: number): void {
    const r = this.records.get(coinIdHex)
    if (r) r.spentBlockIndex = height
  }

  /** Undo every block above `height`: drop coins confirmed later, unspend coins spent later. */
  rollbackTo(height: number): void {
    for (const [id, r] of this.records) {
      if (r.confirmedBlockIndex > height) {
        this.records.delete(id)
        unindex(this.byPuzzleHash, bytesToHex(r.coin.puzzleHash), id)
        unindex(this.byParent, bytesToHex(r.coin.parentCoinInfo), id)
        if (r.hint) unindex(this.byHint, bytesToHex(r.hint), id)
      } else if (r.spentBlockIndex > height) {
        r.spentBlockIndex = 0
      }
    }
  }

  byNames(ids: readonly string[], q: CoinQuery): StoredCoinRecord[] {
    return this.filter(ids, q)
  }
  byPuzzleHashes(phs: readonly string[], q: CoinQuery): StoredCoinRecord[] {
    return this.filter(phs.flatMap((p) => [...(this.byPuzzleHash.get(p) ?? [])]), q)
  }
  byHints(hints: readonly string[], q: CoinQuery): StoredCoinRecord[] {
    return this.filter(hints.flatMap((h) => [...(this.byHint.get(h) ?? [])]), q)
  }
  byParentIds(parents: readonly string[], q: CoinQuery): StoredCoinRecord[] {
    return this.filter(parents.flatMap((p) => [...(this.byParent.get(p) ?? [])]), q)
  }

  private filter(ids: readonly string[], q: CoinQuery): StoredCoinRecord[] {
    const seen = new Set<string>()
    const out: StoredCoinRecord[] = []
    const start = q.startHeight ?? 0
    const end = q.endHeight ?? 2 ** 32
    for (const id of ids) {
      if (seen.has(id)) continue
      seen.add(id)
      const r = this.records.get(id)
      if (!r) continue
      if (!q.includeSpentCoins && r.spentBlockIndex > 0) continue
      if (r.confirmedBlockIndex < start || r.confirmedBlockIndex >= end) continue
      out.push(r)
    }
    return out.sort((a, b) => a.confirmedBlockIndex - b.confirmedBlockIndex)
  }
}

function index(map: Map<string, Set<string>>, key: string, id: string): void {
  let s = map.get(key)
  if (!s) map.set(key, (s = new Set()))
  s.add(id)
}
function unindex(map: Map<string, Set<string>>, key: string, id: string): void {
  const s = map.get(key)
  if (!s) return
  s.delete(id)
  if (s.size === 0) map.delete(key)
}

export type { Coin }
