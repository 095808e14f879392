import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { fastSha256 } from '../clvm/operators/fast-sha256'

/** Below this total length the one-shot hasher wins (no per-call hasher objects, no concatenation). */
const FAST_LIMIT = 1024

/**
 * SHA-256 of the concatenation of the parts. Short messages (tree hashes, coin ids, curried
 * puzzle hashes: nearly every call) use the allocation-free one-shot `fastSha256`, about twice
 * as fast as @noble/hashes there; long ones use @noble/hashes. Both are tested equal.
 * @example sha256(utf8ToBytes('datastore'))
 */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  let total = 0
  for (let i = 0; i < parts.length; i++) total += parts[i].length
  if (total < FAST_LIMIT) return fastSha256(parts)
  if (parts.length === 1) return nobleSha256(parts[0])
  const h = nobleSha256.create()
  for (const p of parts) h.update(p)
  return h.digest()
}
