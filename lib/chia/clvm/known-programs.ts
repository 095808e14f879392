/**
 * Known-program tables: a parser that expects certain puzzle modules (a store spend reveals the
 * singleton, NFT state, delegation, writer and standard modules, 3 KB of CLVM) reads them as the
 * module constants themselves instead of allocating a fresh copy per spend. Same structure means
 * the same value, so every result is unchanged; hashes are already memoized on the constants and
 * layer parsing matches them by identity. Spec: CLVM serialization, datalayer-protocol.md §1.1.
 */
import { type KnownPrograms, registerKnownProgramBytes } from './known-program-bytes'
import type { Program } from './program'
import { programToBytes } from './serialize'

/**
 * Builds a table of (pair) programs to intern when reading: a subtree serialized byte for byte
 * like one of them is returned as that very program object.
 * @example const table = knownPrograms([SINGLETON_MOD, NFT_STATE_LAYER_MOD]); programFromBytes(coinSpend.puzzleReveal, table)
 */
export function knownPrograms(programs: readonly Program[]): KnownPrograms {
  const byPrefix = new Map<number, { program: Program; bytes: Uint8Array }[]>()
  for (const program of programs) {
    if (program.pair === undefined) continue
    const bytes = programToBytes(program)
    if (bytes.length < 4) continue
    registerKnownProgramBytes(program, bytes)
    const key = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0
    const list = byPrefix.get(key) ?? []
    list.push({ program, bytes })
    byPrefix.set(key, list)
  }
  return { byPrefix }
}
