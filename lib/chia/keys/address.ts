/**
 * Chia addresses: bech32m (BIP-350) of a 32-byte puzzle hash, prefix `xch` (mainnet) or `txch`.
 * Spec: chia-blockchain `chia/util/bech32m.py` (encode_puzzle_hash / decode_puzzle_hash); BIP-350;
 * datalayer-protocol.md §2.3.
 */
import { bech32m } from '@scure/base'
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32 } from '../primitives/bytes'

export class InvalidAddressError extends AppError {
  override name = 'InvalidAddressError' as const
  constructor({ address, cause }: { address: string; cause?: unknown }) {
    super('Not a valid bech32m address.', {
      details: `got ${JSON.stringify(address.length > 100 ? `${address.slice(0, 100)}…` : address)}`,
      cause,
    })
  }
}

export class AddressPrefixMismatchError extends AppError {
  override name = 'AddressPrefixMismatchError' as const
  constructor({ expected, actual }: { expected: string; actual: string }) {
    super(`Address is for the wrong network: expected a ${expected} address.`, {
      details: `expected prefix ${expected}, got ${actual}`,
    })
  }
}

export class InvalidAddressLengthError extends AppError {
  override name = 'InvalidAddressLengthError' as const
  constructor({ address, length }: { address: string; length: number }) {
    super('Address does not encode a 32-byte puzzle hash.', { details: `${address} decodes to ${length} bytes` })
  }
}

/**
 * Encodes a puzzle hash as an address.
 * @example puzzleHashToAddress(puzzleHash, 'xch') // 'xch1pene8c3p…2zuk37'
 */
export function puzzleHashToAddress(puzzleHash: Bytes32, prefix: string): string {
  assertBytes32(puzzleHash, 'puzzleHash')
  return bech32m.encode(prefix, bech32m.toWords(puzzleHash), false)
}

/**
 * Decodes an address into its prefix and puzzle hash. Throws {@link InvalidAddressError} (bad
 * characters, mixed case, bech32 rather than bech32m checksum) or {@link InvalidAddressLengthError}.
 * @example decodeAddress('txch1pene…89mqsd') // { prefix: 'txch', puzzleHash }
 */
export function decodeAddress(address: string): { prefix: string; puzzleHash: Bytes32 } {
  let prefix: string
  let bytes: Uint8Array
  try {
    const decoded = bech32m.decode(address as `${string}1${string}`, false)
    prefix = decoded.prefix
    bytes = bech32m.fromWords(decoded.words)
  } catch (cause) {
    throw new InvalidAddressError({ address, cause })
  }
  if (bytes.length !== 32) throw new InvalidAddressLengthError({ address, length: bytes.length })
  return { prefix, puzzleHash: bytes }
}

/**
 * The puzzle hash of an address. Any prefix is accepted (like the driver) unless `expectedPrefix`
 * is given, in which case a different prefix throws {@link AddressPrefixMismatchError}.
 * @example bytesToHex(addressToPuzzleHash('xch1pene…2zuk37', 'xch')) // '0e6793e2…c193'
 */
export function addressToPuzzleHash(address: string, expectedPrefix?: string): Bytes32 {
  const { prefix, puzzleHash } = decodeAddress(address)
  if (expectedPrefix !== undefined && prefix !== expectedPrefix.toLowerCase()) {
    throw new AddressPrefixMismatchError({ expected: expectedPrefix, actual: prefix })
  }
  return puzzleHash
}
