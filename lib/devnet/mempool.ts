/**
 * The devnet mempool: validated bundles with no coin in common, Chia's replace-by-fee rule
 * (chia-blockchain `chia/full_node/mempool_manager.py` `can_replace`: the new bundle spends a
 * superset of the conflicting coins, pays a higher fee per cost, and at least
 * MEMPOOL_MIN_FEE_INCREASE more in total), and the side caches Chia keeps for bundles whose
 * height lock is not reached yet (`_pending_cache`) or that conflict without out-bidding
 * (`_conflict_cache`); both answer push_tx with PENDING and are retried after every block.
 */
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import { MEMPOOL_MIN_FEE_INCREASE } from './devnet-constants'
import type { ValidatedBundle } from './validate-spend-bundle'

export interface MempoolItem {
  validated: ValidatedBundle
  nameHex: string
  removalIds: string[]
  heightAdded: number
}

export type AddResult = { status: 'SUCCESS'; replaced: MempoolItem[] } | { status: 'CONFLICT'; conflicts: MempoolItem[] }

export function mempoolItem(validated: ValidatedBundle, heightAdded: number): MempoolItem {
  return {
    validated,
    nameHex: bytesToHex(validated.name),
    removalIds: validated.removals.map((r) => bytesToHex(r.coinId)),
    heightAdded,
  }
}

export class Mempool {
  readonly items = new Map<string, MempoolItem>()
  private readonly byCoin = new Map<string, string>()
  /** Height-locked bundles (ASSERT_HEIGHT_* not reached). */
  readonly pending = new Map<string, MempoolItem>()
  /** Bundles that lost a replace-by-fee contest; retried when the mempool changes. */
  readonly conflicting = new Map<string, MempoolItem>()

  get totalCost(): bigint {
    let c = 0n
    for (const i of this.items.values()) c += i.validated.cost
    return c
  }
  get totalFees(): bigint {
    let f = 0n
    for (const i of this.items.values()) f += i.validated.fee
    return f
  }

  has(nameHex: string): boolean {
    return this.items.has(nameHex)
  }

  /** Items spending `coinIdHex`. */
  itemsSpending(coinIdHex: string): MempoolItem[] {
    const name = this.byCoin.get(coinIdHex)
    const item = name ? this.items.get(name) : undefined
    return item ? [item] : []
  }

  /** Adds `item`, replacing conflicting items when Chia's replace-by-fee rule allows it. */
  add(item: MempoolItem): AddResult {
    const conflicts = new Map<string, MempoolItem>()
    for (const id of item.removalIds) {
      const other = this.byCoin.get(id)
      if (other) conflicts.set(other, this.items.get(other)!)
    }
    if (conflicts.size > 0) {
      if (!canReplace([...conflicts.values()], item)) return { status: 'CONFLICT', conflicts: [...conflicts.values()] }
      for (const c of conflicts.values()) this.remove(c.nameHex)
    }
    this.items.set(item.nameHex, item)
    for (const id of item.removalIds) this.byCoin.set(id, item.nameHex)
    this.pending.delete(item.nameHex)
    this.conflicting.delete(item.nameHex)
    return { status: 'SUCCESS', replaced: [...conflicts.values()] }
  }

  remove(nameHex: string): MempoolItem | undefined {
    const item = this.items.get(nameHex)
    if (!item) return undefined
    this.items.delete(nameHex)
    for (const id of item.removalIds) if (this.byCoin.get(id) === nameHex) this.byCoin.delete(id)
    return item
  }

  clear(): void {
    this.items.clear()
    this.byCoin.clear()
    this.pending.clear()
    this.conflicting.clear()
  }

  /** Items by descending fee per cost, then by age (Chia's block-building order). */
  byFeeRate(): MempoolItem[] {
    return [...this.items.values()].sort((a, b) => {
      const l = a.validated.fee * b.validated.cost
      const r = b.validated.fee * a.validated.cost
      if (l !== r) return l > r ? -1 : 1
      return a.heightAdded - b.heightAdded
    })
  }
}

function canReplace(conflicts: MempoolItem[], item: MempoolItem): boolean {
  const removals = new Set(item.removalIds)
  let fees = 0n
  let cost = 0n
  for (const c of conflicts) {
    for (const id of c.removalIds) if (!removals.has(id)) return false
    fees += c.validated.fee
    cost += c.validated.cost
  }
  const { fee: newFee, cost: newCost } = item.validated
  // Strictly higher fee per cost: newFee/newCost > fees/cost.
  if (newFee * cost <= fees * newCost) return false
  return newFee >= fees + MEMPOOL_MIN_FEE_INCREASE
}
