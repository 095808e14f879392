/**
 * DataLayer store metadata: `(root_hash . ITEMS)` with ITEMS a list of `(key . value)` pairs,
 * known keys "l" (label, UTF-8), "d" (description, UTF-8), "b" (bytes, u64) in that order.
 * The raw CLVM is kept (`program`) so keys we do not know (e.g. "sp" size proofs from newer SDKs)
 * survive every update byte for byte; the reference driver drops them (§10.2).
 * Source: chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/primitives/datalayer/datastore_info.rs
 * (DataStoreMetadata ToClvm/FromClvm); Chia reference wallet `(root . ())`. Spec: datalayer-protocol.md §4.1.
 */
import { atomToUnsigned } from '../clvm/int'
import { type Program, atom, cons, int, isAtom, list, programEquals, str } from '../clvm/program'
import { type Bytes32, assertBytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { MAX_COIN_AMOUNT } from '../primitives/coin'
import { InvalidMetadataError } from './data-store-errors'

export interface DataStoreMetadata {
  rootHash: Bytes32
  /** `''` and absent are different: `''` is encoded as `("l" . ())`. */
  label?: string
  description?: string
  bytes?: bigint
  /** The metadata CLVM exactly as curried into the store puzzle. */
  program: Program
}

/** Metadata fields a caller sets; `null` clears a field, `undefined` keeps it (in {@link updateMetadata}). */
export interface MetadataChanges {
  rootHash?: Bytes32
  label?: string | null
  description?: string | null
  bytes?: bigint | null
}

const KEY_LABEL = 0x6c
const KEY_DESCRIPTION = 0x64
const KEY_BYTES = 0x62
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

const isKnownKey = (key: Uint8Array) => key.length === 1 && (key[0] === KEY_LABEL || key[0] === KEY_DESCRIPTION || key[0] === KEY_BYTES)

const assertBytesValue = (bytes: bigint): bigint => {
  if (bytes < 0n || bytes > MAX_COIN_AMOUNT) throw new InvalidMetadataError({ reason: `bytes must be a u64, got ${bytes}` })
  return bytes
}

function knownItems(fields: { label?: string; description?: string; bytes?: bigint }): Program[] {
  const items: Program[] = []
  if (fields.label !== undefined) items.push(cons(str('l'), str(fields.label)))
  if (fields.description !== undefined) items.push(cons(str('d'), str(fields.description)))
  if (fields.bytes !== undefined) items.push(cons(str('b'), int(assertBytesValue(fields.bytes))))
  return items
}

/**
 * Metadata in the driver's canonical encoding (no unknown keys).
 * @example dataStoreMetadata({ rootHash, label: 'My store', bytes: 4096n })
 */
export function dataStoreMetadata(fields: { rootHash: Bytes32; label?: string; description?: string; bytes?: bigint }): DataStoreMetadata {
  const rootHash = assertBytes32(fields.rootHash, 'rootHash')
  const program = cons(atom(rootHash), list(knownItems(fields)))
  return withFields({ rootHash, program }, fields)
}

function withFields(
  base: { rootHash: Bytes32; program: Program },
  fields: { label?: string; description?: string; bytes?: bigint },
): DataStoreMetadata {
  const m: DataStoreMetadata = { rootHash: base.rootHash, program: base.program }
  if (fields.label !== undefined) m.label = fields.label
  if (fields.description !== undefined) m.description = fields.description
  if (fields.bytes !== undefined) m.bytes = fields.bytes
  return m
}

function decodeU64(value: Uint8Array): bigint {
  // clvm-traits `decode_number` for unsigned targets: a longer atom is accepted only when it
  // starts with a 0x00 padding byte, and then its last 8 bytes are read.
  let bytes = value
  if (bytes.length > 8 && bytes[0] === 0) bytes = bytes.slice(bytes.length - 8)
  if (bytes.length > 8) throw new InvalidMetadataError({ reason: `"b" is not a u64: 0x${bytesToHex(value)}` })
  return atomToUnsigned(bytes)
}

function decodeString(value: Program, key: string): string {
  if (!isAtom(value)) throw new InvalidMetadataError({ reason: `"${key}" is not an atom` })
  try {
    return strictUtf8.decode(value.atom)
  } catch {
    throw new InvalidMetadataError({ reason: `"${key}" is not UTF-8: 0x${bytesToHex(value.atom)}` })
  }
}

/** The `(key . value)` items of a metadata program, validated like the SDK's `Vec<(String, Raw)>`. */
function metadataItems(program: Program): { key: Uint8Array; item: Program; value: Program }[] {
  const out: { key: Uint8Array; item: Program; value: Program }[] = []
  let cur = program
  while (cur.pair) {
    const item = cur.pair[0]
    if (!item.pair) throw new InvalidMetadataError({ reason: 'a metadata item is not a (key . value) pair' })
    const key = item.pair[0]
    if (!isAtom(key)) throw new InvalidMetadataError({ reason: 'a metadata key is not an atom' })
    decodeString(key, 'key')
    out.push({ key: key.atom, item, value: item.pair[1] })
    cur = cur.pair[1]
  }
  if (cur.atom!.length !== 0) throw new InvalidMetadataError({ reason: 'metadata items do not end in nil' })
  return out
}

/**
 * Parses metadata CLVM; unknown keys are kept in `program` only. Throws {@link InvalidMetadataError}.
 * @example metadataFromProgram(nftStateLayer.parse(p)!.metadata).rootHash
 */
export function metadataFromProgram(program: Program): DataStoreMetadata {
  if (!program.pair) throw new InvalidMetadataError({ reason: 'metadata is not a pair' })
  const root = program.pair[0]
  if (!isAtom(root) || root.atom.length !== 32) throw new InvalidMetadataError({ reason: 'root hash is not a 32-byte atom' })
  const fields: { label?: string; description?: string; bytes?: bigint } = {}
  for (const { key, value } of metadataItems(program.pair[1])) {
    if (!isKnownKey(key)) continue
    if (key[0] === KEY_LABEL) fields.label = decodeString(value, 'l')
    else if (key[0] === KEY_DESCRIPTION) fields.description = decodeString(value, 'd')
    else {
      if (!isAtom(value)) throw new InvalidMetadataError({ reason: '"b" is not an atom' })
      fields.bytes = decodeU64(value.atom)
    }
  }
  return withFields({ rootHash: root.atom, program }, fields)
}

/**
 * Applies changes: `undefined` keeps a field's on-chain value, `null` removes it. Known items are
 * re-emitted in the canonical l, d, b order, followed by every unknown item byte for byte.
 * @example updateMetadata(store.metadata, { rootHash: newRoot }) // label, description, bytes, "sp" kept
 */
export function updateMetadata(current: DataStoreMetadata, changes: MetadataChanges): DataStoreMetadata {
  const pick = <T>(change: T | null | undefined, old: T | undefined): T | undefined =>
    change === undefined ? old : change === null ? undefined : change
  const fields = {
    label: pick(changes.label, current.label),
    description: pick(changes.description, current.description),
    bytes: pick(changes.bytes, current.bytes),
  }
  const rootHash = assertBytes32(changes.rootHash ?? current.rootHash, 'rootHash')
  const unknown = current.program.pair
    ? metadataItems(current.program.pair[1]).filter((i) => !isKnownKey(i.key)).map((i) => i.item)
    : []
  const program = cons(atom(rootHash), list([...knownItems(fields), ...unknown]))
  return withFields({ rootHash, program }, fields)
}

/**
 * Root-only metadata `(root)`, the Chia reference wallet's format.
 * @example rootOnlyMetadata(rootHash)
 */
export const rootOnlyMetadata = (rootHash: Bytes32): DataStoreMetadata => dataStoreMetadata({ rootHash })

/**
 * True when both metadata programs are byte-identical.
 * @example metadataEquals(a, b)
 */
export const metadataEquals = (a: DataStoreMetadata, b: DataStoreMetadata): boolean =>
  equalBytes(a.rootHash, b.rootHash) && programEquals(a.program, b.program)
