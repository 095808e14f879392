/** Keys and coins shared by the preview and outbox tests: real BLS keys from a fixed phrase. */
import { mnemonicToMasterSecretKey } from '@/lib/chia/keys/mnemonic'
import { secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { masterSecretKeyToWalletSyntheticSecretKey } from '@/lib/chia/keys/synthetic-key'
import type { Coin } from '@/lib/chia/primitives/coin'

const PHRASE = `${'abandon '.repeat(11)}about`
const master = mnemonicToMasterSecretKey(PHRASE)

export const testKey = (index: number) => {
  const secretKey = masterSecretKeyToWalletSyntheticSecretKey(master, index)
  const publicKey = secretKeyToPublicKey(secretKey)
  return { secretKey, publicKey, puzzleHash: standardPuzzleHash(publicKey) }
}

export const walletCoin = (puzzleHash: Uint8Array, amount: bigint, seed: number): Coin => ({
  parentCoinInfo: new Uint8Array(32).fill(seed),
  puzzleHash,
  amount,
})
