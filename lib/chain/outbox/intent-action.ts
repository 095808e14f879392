/**
 * What the user (or a tool) wants done to a store — the part of an outbox entry that survives a
 * rebuild. Only intent lives here, never coins or signatures: building on the latest store state
 * turns an action into spends. Metadata fields follow lib/chia's convention: `undefined` keeps
 * the on-chain value, `null` clears it.
 */
import type { Bytes32 } from '@/lib/chia/primitives/bytes'

export type DelegateIntent =
  | { type: 'admin' | 'writer'; innerPuzzleHash: Bytes32 }
  | { type: 'oracle'; oraclePuzzleHash: Bytes32; oracleFee: bigint }

export type IntentAction =
  | {
      kind: 'mint'
      rootHash: Bytes32
      label?: string
      description?: string
      bytes?: bigint
      ownerPuzzleHash: Bytes32
      delegates: DelegateIntent[]
      fee: bigint
    }
  | {
      kind: 'update'
      rootHash?: Bytes32
      label?: string | null
      description?: string | null
      bytes?: bigint | null
      fee: bigint
    }
  | { kind: 'ownership'; newOwnerPuzzleHash?: Bytes32; delegates: DelegateIntent[]; fee: bigint }
  | { kind: 'oracle'; fee: bigint }
  | { kind: 'melt'; fee: bigint }

export type IntentKind = IntentAction['kind']

/** Short human names for the tracker and the outbox list. */
export const INTENT_KIND_LABELS: Record<IntentKind, string> = {
  mint: 'Mint store',
  update: 'Update metadata',
  ownership: 'Change owner or delegates',
  oracle: 'Oracle spend',
  melt: 'Melt store',
}
