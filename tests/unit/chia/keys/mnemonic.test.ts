import { describe, expect, it } from 'vitest'
import { masterToWalletHardened, masterToWalletUnhardened } from '@/lib/chia/keys/derive-keys'
import {
  generateMnemonic,
  InvalidEntropyError,
  InvalidMnemonicError,
  isValidMnemonic,
  mnemonicToMasterSecretKey,
  mnemonicToSeed,
} from '@/lib/chia/keys/mnemonic'
import { secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { syntheticPublicKey } from '@/lib/chia/keys/synthetic-key'
import { standardPuzzleHash } from '@/lib/chia/keys/standard-puzzle'
import { bytesToHex } from '@/lib/chia/primitives/bytes'

// Chia-Network/chips CHIP-0002 example.js (wallets.md §2c–2d, Appendix B): the example wallet's
// mnemonic, its getPublicKeys answer (index 0 hardened, index 0 unhardened) and its coin's puzzle hash.
const CHIP0002_MNEMONIC =
  'method private fence fish entry zero motion garden hurt cotton token earth carry today notable sight peanut remain finger stereo raccoon trade tube capital'

describe('mnemonic', () => {
  it('derives the CHIP-0002 example wallet keys from its mnemonic', () => {
    const msk = mnemonicToMasterSecretKey(CHIP0002_MNEMONIC)
    expect(bytesToHex(secretKeyToPublicKey(masterToWalletHardened(msk, 0)))).toBe(
      '858024f64b04a9abc6622a61e2c823b78a43d219c502719d12a78fd6cad5daa31f80254b1803689a9433960c609f9b92',
    )
    expect(bytesToHex(secretKeyToPublicKey(masterToWalletUnhardened(msk, 0)))).toBe(
      'b3b8e545bf3ad7c786579ee6e3f19eaed5531622b8c7a7e538d5c325a74a359586461919d97f8cb12c41c64722488aff',
    )
    const synthetic = syntheticPublicKey(secretKeyToPublicKey(masterToWalletHardened(msk, 0)))
    expect(bytesToHex(synthetic)).toBe(
      '931da5c511ac835cc96e76e1e03e4b3fc30808e4dafe0015c9bbe7afd5bfb138db8d18905edaaa77d69e5d581459932a',
    )
    expect(bytesToHex(standardPuzzleHash(synthetic))).toBe('302a133f2ae945154a1d657af6fa8c976794aa4c6c95e6e5a5aba72c68b06252')
  })

  it('BIP-39 seed of the all-zero entropy phrase with passphrase TREZOR (BIP-39 reference vector)', () => {
    const m = generateMnemonic(new Uint8Array(32))
    expect(m).toBe(`${'abandon '.repeat(23)}art`)
    expect(bytesToHex(mnemonicToSeed(m, 'TREZOR'))).toBe(
      'bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8',
    )
  })

  it('generates 24 words from 32 bytes of caller entropy and rejects bad input', () => {
    const m = generateMnemonic(new Uint8Array(32).fill(7))
    expect(m.split(' ')).toHaveLength(24)
    expect(isValidMnemonic(m)).toBe(true)
    expect(isValidMnemonic(`  ${m.toUpperCase().toLowerCase()}  `)).toBe(true)
    expect(() => generateMnemonic(new Uint8Array(15))).toThrow(InvalidEntropyError)
    const words = m.split(' ')
    words[0] = words[0] === 'abandon' ? 'ability' : 'abandon'
    expect(isValidMnemonic(words.join(' '))).toBe(false)
    expect(() => mnemonicToSeed(words.join(' '))).toThrow(InvalidMnemonicError)
    expect(() => mnemonicToMasterSecretKey('not a mnemonic')).toThrow(InvalidMnemonicError)
  })
})
