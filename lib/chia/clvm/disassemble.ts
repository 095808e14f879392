/**
 * Human-readable CLVM text for previews and the verification page (not a compiler round-trip).
 * Atoms render as small integers, quoted printable strings, or 0x-hex.
 */
import { bytesToHex } from '../primitives/bytes'
import { atomToBigint, bigintToAtom } from './int'
import type { Program } from './program'

function atomText(a: Uint8Array): string {
  if (a.length === 0) return '()'
  if (a.length <= 2) {
    const n = atomToBigint(a)
    const canonical = bigintToAtom(n)
    if (canonical.length === a.length) return n.toString()
  }
  if (a.length >= 2 && a.every((c) => c >= 0x20 && c < 0x7f && c !== 0x22)) {
    return `"${String.fromCharCode(...a)}"`
  }
  return `0x${bytesToHex(a)}`
}

/**
 * Renders a program as text.
 * @example disassemble(list([int(51), atom(ph), int(1)])) // '(51 0x… 1)'
 */
export function disassemble(program: Program): string {
  if (program.atom !== undefined) return atomText(program.atom)
  const parts: string[] = []
  let cur: Program = program
  while (cur.pair !== undefined) {
    parts.push(disassemble(cur.pair[0]))
    cur = cur.pair[1]
  }
  const tail = cur.atom!.length === 0 ? '' : ` . ${atomText(cur.atom!)}`
  return `(${parts.join(' ')}${tail})`
}
