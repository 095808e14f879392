/**
 * Reply envelopes differ per wallet (wallets.md §1 gotcha 4):
 * - Sage returns the bare result, and `null` when the user rejects (not an error);
 * - the Chia GUI wraps every result as `{ data: <camelCased RPC response> }`;
 * - Goby / CHIP-0002 providers return the bare result.
 */
import { WalletRejectedError } from './wallet-errors'

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Returns the payload of a wallet reply: `null`/`undefined` → `WalletRejectedError`,
 * `{ data }` (GUI) → `data`, anything else unchanged.
 */
export function unwrapWalletReply(method: string, raw: unknown): unknown {
  if (raw === null || raw === undefined) throw new WalletRejectedError({ method })
  if (isPlainObject(raw) && 'data' in raw) {
    const keys = Object.keys(raw)
    // The GUI envelope has only `data`; keep objects that merely contain a `data` field.
    if (keys.length === 1) {
      const inner = raw.data
      if (inner === null || inner === undefined) throw new WalletRejectedError({ method })
      return inner
    }
  }
  return raw
}
