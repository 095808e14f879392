'use client'

/** The connected wallet's synthetic keys and their standard puzzle hashes (what roles are checked against). */
import useSWR from 'swr'

import { useWallet } from '@/hooks/use-wallet'
import { walletId } from '@/hooks/wallet-id'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex } from '@/lib/chia/primitives/bytes'

export interface WalletKey {
  publicKey: Uint8Array
  publicKeyHex: string
  puzzleHash: Uint8Array
  /** Hex, no prefix. */
  puzzleHashHex: string
}

/**
 * The wallet's keys (first 10), or `undefined` while loading / disconnected.
 * @example const { data: keys } = useWalletKeys()
 */
export function useWalletKeys() {
  const { wallet } = useWallet()
  return useSWR<WalletKey[]>(wallet ? ['wallet-keys', walletId(wallet)] : null, async () => {
    const keys = await wallet!.getPublicKeys({ limit: 10 })
    return keys.map((publicKey) => {
      const puzzleHash = standardPuzzleHash(publicKey)
      return { publicKey, publicKeyHex: bytesToHex(publicKey), puzzleHash, puzzleHashHex: bytesToHex(puzzleHash) }
    })
  })
}
