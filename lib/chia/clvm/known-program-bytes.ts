/**
 * The serializations of "known" programs (puzzle modules that parsers expect), shared by the
 * reader, which interns them (`programFromBytes(bytes, known)`), and the writer, which copies
 * them in one piece. Tables are built by `knownPrograms` (known-programs.ts). Kept apart from
 * serialize.ts so that the table builder can use the serializer without an import cycle.
 */
import type { Program } from './program'

/** A table of programs that readers intern, indexed by their first four serialized bytes. */
export interface KnownPrograms {
  readonly byPrefix: ReadonlyMap<number, readonly { program: Program; bytes: Uint8Array }[]>
}

const serialized = new WeakMap<Program, Uint8Array>()

/**
 * The serialization of `program` if it is in a known-program table, else `undefined`.
 * @example knownProgramBytes(SINGLETON_MOD) // Uint8Array after knownPrograms([SINGLETON_MOD])
 */
export const knownProgramBytes = (program: Program): Uint8Array | undefined => serialized.get(program)

/**
 * Records the serialization of a known program (programs are immutable, so it never goes stale).
 * @example registerKnownProgramBytes(SINGLETON_MOD, programToBytes(SINGLETON_MOD))
 */
export function registerKnownProgramBytes(program: Program, bytes: Uint8Array): void {
  serialized.set(program, bytes)
}
