/**
 * CLVM binary serialization. Reading accepts back-references (0xfe) as produced by
 * chia_rs `node_to_bytes_backrefs`; writing never emits them (like the reference driver).
 * Spec: datalayer-protocol.md §1.1; chia_rs clvmr `serde/de_br.rs`, `serde/ser.rs`.
 */
import { AppError } from '../errors/app-error'
import { hexToBytes, bytesToHex } from '../primitives/bytes'
import { type KnownPrograms, knownProgramBytes } from './known-program-bytes'
import { type Program, atom, cons, NIL } from './program'

export class ClvmDecodeError extends AppError {
  override name = 'ClvmDecodeError' as const
  constructor(reason: string, offset: number) {
    super('Malformed CLVM bytes.', { details: `${reason} at byte ${offset}` })
  }
}

const CONS = 0xff
const BACKREF = 0xfe

/**
 * Serializes a program to bytes.
 * @example bytesToHex(programToBytes(list([int(1)]))) // 'ff0180'
 */
export function programToBytes(program: Program): Uint8Array {
  const w = new Writer()
  const stack: Program[] = [program]
  while (stack.length > 0) {
    const p = stack.pop()!
    if (p.pair !== undefined) {
      const known = knownProgramBytes(p)
      if (known !== undefined) {
        w.bytes(known)
        continue
      }
      w.byte(CONS)
      stack.push(p.pair[1], p.pair[0])
    } else {
      writeAtom(w, p.atom)
    }
  }
  return w.finish()
}

/**
 * Serialized size in bytes without allocating the output (used for cost accounting).
 * @example serializedLength(NIL) // 1
 */
export function serializedLength(program: Program): number {
  let n = 0
  const stack: Program[] = [program]
  while (stack.length > 0) {
    const p = stack.pop()!
    if (p.pair !== undefined) {
      n += 1
      stack.push(p.pair[1], p.pair[0])
    } else {
      const len = p.atom.length
      if (len === 0 || (len === 1 && p.atom[0] <= 0x7f)) n += 1
      else n += len + prefixLength(len)
    }
  }
  return n
}

function prefixLength(len: number): number {
  if (len < 0x40) return 1
  if (len < 0x2000) return 2
  if (len < 0x100000) return 3
  if (len < 0x8000000) return 4
  return 5
}

function writeAtom(w: Writer, a: Uint8Array): void {
  const len = a.length
  if (len === 0) return w.byte(0x80)
  if (len === 1 && a[0] <= 0x7f) return w.byte(a[0])
  if (len < 0x40) w.byte(0x80 | len)
  else if (len < 0x2000) w.bytes([0xc0 | (len >> 8), len & 0xff])
  else if (len < 0x100000) w.bytes([0xe0 | (len >> 16), (len >> 8) & 0xff, len & 0xff])
  else if (len < 0x8000000) w.bytes([0xf0 | (len >>> 24), (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff])
  else throw new AppError('CLVM atom too large to serialize.', { details: `${len} bytes` })
  w.bytes(a)
}

class Writer {
  private buf = new Uint8Array(256)
  private len = 0
  private ensure(n: number) {
    if (this.len + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }
  byte(b: number) {
    this.ensure(1)
    this.buf[this.len++] = b
  }
  bytes(b: ArrayLike<number>) {
    this.ensure(b.length)
    this.buf.set(b, this.len)
    this.len += b.length
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.len)
  }
}

const prefixKey = (bytes: Uint8Array, pos: number): number =>
  ((bytes[pos] << 24) | (bytes[pos + 1] << 16) | (bytes[pos + 2] << 8) | bytes[pos + 3]) >>> 0

function matchKnown(known: KnownPrograms, bytes: Uint8Array, pos: number): { program: Program; bytes: Uint8Array } | undefined {
  const candidates = known.byPrefix.get(prefixKey(bytes, pos))
  if (candidates === undefined) return undefined
  outer: for (const c of candidates) {
    const k = c.bytes
    if (pos + k.length > bytes.length) continue
    for (let i = 4; i < k.length; i++) if (bytes[pos + i] !== k[i]) continue outer
    return c
  }
  return undefined
}

/**
 * Parses one serialized program, which must use every byte. Accepts back-references. With
 * `known` (built by `knownPrograms`), any subtree serialized exactly like a known program is
 * returned as that program object (same structure, so the same value), without allocating it.
 * @example programFromBytes(hexToBytes('ff0180'))
 */
export function programFromBytes(bytes: Uint8Array, known?: KnownPrograms): Program {
  const { program, length } = readProgram(bytes, 0, known)
  if (length !== bytes.length) throw new ClvmDecodeError('trailing bytes after program', length)
  return program
}

/** Hex to program. @example programFromHex('ff0180') */
export const programFromHex = (hex: string): Program => programFromBytes(hexToBytes(hex))
/** Program to lowercase hex (no `0x`). @example programToHex(NIL) // '80' */
export const programToHex = (p: Program): string => bytesToHex(programToBytes(p))

/**
 * Parses one program starting at `offset`; returns it and the offset just past it.
 * @example readProgram(bytes, 0).length
 */
export function readProgram(bytes: Uint8Array, offset: number, known?: KnownPrograms): { program: Program; length: number } {
  let pos = offset
  // `values` is the parse stack as a CLVM list, so back-reference paths walk it like clvm_rs does.
  let values: Program = NIL
  const ops: number[] = [0] // 0 = parse a value, 1 = cons the two top values
  while (ops.length > 0) {
    const op = ops.pop()!
    if (op === 1) {
      const right = (values as { pair: [Program, Program] }).pair[0]
      values = (values as { pair: [Program, Program] }).pair[1]
      const left = (values as { pair: [Program, Program] }).pair[0]
      values = (values as { pair: [Program, Program] }).pair[1]
      values = cons(cons(left, right), values)
      continue
    }
    if (pos >= bytes.length) throw new ClvmDecodeError('unexpected end of input', pos)
    const b = bytes[pos++]
    if (b === CONS) {
      if (known !== undefined && pos + 4 <= bytes.length) {
        const hit = matchKnown(known, bytes, pos - 1)
        if (hit !== undefined) {
          values = cons(hit.program, values)
          pos += hit.bytes.length - 1
          continue
        }
      }
      ops.push(1, 0, 0)
    } else if (b === BACKREF) {
      const r = readAtom(bytes, pos)
      pos = r.next
      values = cons(traversePath(r.atom, values, pos), values)
    } else {
      const r = readAtomWithPrefix(b, bytes, pos)
      pos = r.next
      values = cons(atom(r.atom), values)
    }
  }
  return { program: (values as { pair: [Program, Program] }).pair[0], length: pos }
}

function readAtom(bytes: Uint8Array, pos: number): { atom: Uint8Array; next: number } {
  if (pos >= bytes.length) throw new ClvmDecodeError('unexpected end of input', pos)
  return readAtomWithPrefix(bytes[pos], bytes, pos + 1)
}

function readAtomWithPrefix(b: number, bytes: Uint8Array, pos: number): { atom: Uint8Array; next: number } {
  if (b === 0x80) return { atom: new Uint8Array(0), next: pos }
  if (b <= 0x7f) return { atom: new Uint8Array([b]), next: pos }
  let len: number
  let extra: number
  if ((b & 0xc0) === 0x80) {
    len = b & 0x3f
    extra = 0
  } else if ((b & 0xe0) === 0xc0) {
    len = b & 0x1f
    extra = 1
  } else if ((b & 0xf0) === 0xe0) {
    len = b & 0x0f
    extra = 2
  } else if ((b & 0xf8) === 0xf0) {
    len = b & 0x07
    extra = 3
  } else if ((b & 0xfc) === 0xf8) {
    len = b & 0x03
    extra = 4
  } else {
    throw new ClvmDecodeError(`invalid atom prefix 0x${b.toString(16)}`, pos - 1)
  }
  if (pos + extra > bytes.length) throw new ClvmDecodeError('unexpected end of input', pos)
  for (let i = 0; i < extra; i++) len = len * 256 + bytes[pos++]
  if (pos + len > bytes.length) throw new ClvmDecodeError(`atom of ${len} bytes runs past the end`, pos)
  return { atom: bytes.slice(pos, pos + len), next: pos + len }
}

function traversePath(path: Uint8Array, root: Program, pos: number): Program {
  let start = 0
  while (start < path.length && path[start] === 0) start++
  if (start >= path.length) return NIL
  let byteIdx = path.length - 1
  let mask = 0x01
  const msb = highBit(path[start])
  let cur = root
  while (byteIdx > start || mask < msb) {
    if (cur.pair === undefined) throw new ClvmDecodeError('back-reference path runs into an atom', pos)
    cur = path[byteIdx] & mask ? cur.pair[1] : cur.pair[0]
    if (mask === 0x80) {
      mask = 0x01
      byteIdx--
    } else {
      mask <<= 1
    }
  }
  return cur
}

function highBit(b: number): number {
  let m = 0x80
  while (!(b & m)) m >>= 1
  return m
}
