/**
 * Form input parsing shared by the mint and store action forms: each returns the value or a
 * message for the field, phrased for the person who typed it.
 */
import { decodeAddress } from '@/lib/chia/keys/address'
import { publicKeyFromBytes } from '@/lib/chia/keys/public-key'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { hexToBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { addressPrefix, type NetworkName } from '@/lib/chia/primitives/network'

import { parseXch } from './format-xch'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const ok = <T,>(value: T): Parsed<T> => ({ ok: true, value })
const bad = (error: string): Parsed<never> => ({ ok: false, error })

/** A 32-byte root hash in hex (optional 0x). */
export function parseRootHash(text: string): Parsed<Bytes32> {
  const h = text.trim().replace(/^0x/i, '')
  if (!/^[0-9a-fA-F]{64}$/.test(h)) return bad('A root hash is 64 hexadecimal characters (32 bytes), optionally starting with 0x.')
  return ok(hexToBytes(h))
}

/** A size in bytes: a whole number. */
export function parseByteCount(text: string): Parsed<bigint> {
  const t = text.trim().replace(/[,_\s]/g, '')
  if (!/^\d{1,20}$/.test(t)) return bad('Enter the size as a whole number of bytes, e.g. 1048576.')
  const v = BigInt(t)
  if (v > 18446744073709551615n) return bad('That is larger than the chain can record (2^64 − 1 bytes).')
  return ok(v)
}

/** An address on this network or a 32-byte puzzle hash. */
export function parseOwner(text: string, network: NetworkName): Parsed<Bytes32> {
  const t = text.trim()
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(t)) return ok(hexToBytes(t.replace(/^0x/i, '')))
  try {
    const { prefix, puzzleHash } = decodeAddress(t)
    if (prefix !== addressPrefix(network)) return bad(`That is a ${prefix} address; this app runs on ${network}, whose addresses start with ${addressPrefix(network)}1.`)
    return ok(puzzleHash)
  } catch {
    return bad(`Enter an address (${addressPrefix(network)}1…) or a 32-byte puzzle hash.`)
  }
}

/**
 * A delegate key: a 48-byte synthetic public key (its standard puzzle hash is the delegate), or
 * the address of that key's wallet (the same puzzle hash).
 */
export function parseDelegateKey(text: string, network: NetworkName): Parsed<Bytes32> {
  const t = text.trim()
  if (/^(0x)?[0-9a-fA-F]{96}$/.test(t)) {
    try {
      return ok(standardPuzzleHash(publicKeyFromBytes(hexToBytes(t.replace(/^0x/i, '')))))
    } catch {
      return bad('That is not a valid BLS public key.')
    }
  }
  if (/^(0x)?[0-9a-fA-F]+$/.test(t)) return bad('A public key is 96 hexadecimal characters (48 bytes).')
  const owner = parseOwner(t, network)
  return owner.ok ? owner : bad(`Paste a public key (96 hex characters) or the key’s address (${addressPrefix(network)}1…).`)
}

/** One delegate key per line (blank lines ignored); the first bad line's error. */
export function parseDelegateList(text: string, network: NetworkName): Parsed<Bytes32[]> {
  const out: Bytes32[] = []
  const lines = text.split(/\n/).map((l) => l.trim()).filter(Boolean)
  for (const [i, line] of lines.entries()) {
    const r = parseDelegateKey(line, network)
    if (!r.ok) return bad(lines.length > 1 ? `Line ${i + 1}: ${r.error}` : r.error)
    out.push(r.value)
  }
  return ok(out)
}

/** An oracle fee in mojos: even, 0 allowed. */
export function parseOracleFee(text: string): Parsed<bigint> {
  const t = text.trim().replace(/[,_\s]/g, '')
  if (!/^\d{1,20}$/.test(t)) return bad('Enter the oracle fee in mojos as a whole number (0 is allowed).')
  const v = BigInt(t)
  if (v % 2n !== 0n) return bad('The oracle fee must be even (an odd amount would be taken for the store’s own coin).')
  return ok(v)
}

/** A transaction fee typed in XCH. */
export function parseFee(text: string): Parsed<bigint> {
  const v = parseXch(text)
  if (v === undefined) return bad('Enter the fee in XCH, e.g. 0.0001 (at most 12 decimals).')
  return ok(v)
}
