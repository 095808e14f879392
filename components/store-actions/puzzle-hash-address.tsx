'use client'

import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import { bytesToPrefixedHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { addressPrefix, type NetworkName } from '@/lib/chia/primitives/network'

/** `txch1abcdefgh…uvwxyz` from a full address. */
export const shortAddress = (address: string, head = 12, tail = 6): string => (address.length <= head + tail ? address : `${address.slice(0, head)}…${address.slice(-tail)}`)

/**
 * A puzzle hash shown as the address the user pasted (txch/xch per network), because a bare hash
 * is hard to recognise. The full address and the puzzle hash show on hover (title) and are kept
 * in `data-address` / `data-puzzle-hash`.
 */
export function PuzzleHashAddress({ puzzleHash, network, full = false }: { puzzleHash: string | Uint8Array; network: NetworkName; full?: boolean }) {
  const bytes = typeof puzzleHash === 'string' ? hexToBytes32(puzzleHash.replace(/^0x/, '')) : puzzleHash
  const hex = bytesToPrefixedHex(bytes)
  const address = puzzleHashToAddress(bytes, addressPrefix(network))
  return (
    <span className="font-mono text-xs" title={`${address}\npuzzle hash ${hex}`} data-puzzle-hash={hex} data-address={address}>
      {full ? address : shortAddress(address)}
    </span>
  )
}
