/**
 * BIP-39 mnemonics as the Chia wallet uses them: 24 English words; seed = PBKDF2-HMAC-SHA512
 * (NFKD mnemonic, salt "mnemonic" ‖ passphrase, 2048 rounds); master key = KeyGen(seed).
 * Spec: chia-blockchain `chia/util/keychain.py` (`mnemonic_to_seed`, `generate_mnemonic`); BIP-39;
 * wallets.md Appendix B.
 */
import { entropyToMnemonic, mnemonicToSeedSync, validateMnemonic } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import { AppError } from '../errors/app-error'
import { secretKeyFromSeed } from './derive-keys'
import type { SecretKey } from './secret-key'

export class InvalidMnemonicError extends AppError {
  override name = 'InvalidMnemonicError' as const
  constructor({ wordCount }: { wordCount: number }) {
    // The words are secret: report only their count.
    super('The mnemonic is not a valid BIP-39 English phrase.', { details: `${wordCount} words; bad word or checksum` })
  }
}

export class InvalidEntropyError extends AppError {
  override name = 'InvalidEntropyError' as const
  constructor({ length }: { length: number }) {
    super('Mnemonic entropy must be 16, 20, 24, 28 or 32 bytes.', { details: `got ${length} bytes` })
  }
}

const normalize = (mnemonic: string): string => mnemonic.normalize('NFKD').trim().split(/\s+/).join(' ')

/**
 * A mnemonic from caller-supplied entropy (32 bytes → 24 words, Chia's default). Pass
 * `crypto.getRandomValues(new Uint8Array(32))` from the caller; this library takes no randomness itself.
 * @example generateMnemonic(crypto.getRandomValues(new Uint8Array(32))) // 'abandon … art'
 */
export function generateMnemonic(entropy: Uint8Array): string {
  if (![16, 20, 24, 28, 32].includes(entropy.length)) throw new InvalidEntropyError({ length: entropy.length })
  return entropyToMnemonic(entropy, wordlist)
}

/**
 * True if the phrase has valid English words and checksum.
 * @example isValidMnemonic('abandon abandon … art') // true
 */
export function isValidMnemonic(mnemonic: string): boolean {
  return validateMnemonic(normalize(mnemonic), wordlist)
}

/**
 * The 64-byte BIP-39 seed of a valid mnemonic; throws {@link InvalidMnemonicError} otherwise.
 * @example mnemonicToSeed('abandon abandon … art')
 */
export function mnemonicToSeed(mnemonic: string, passphrase = ''): Uint8Array {
  const m = normalize(mnemonic)
  if (!validateMnemonic(m, wordlist)) throw new InvalidMnemonicError({ wordCount: m === '' ? 0 : m.split(' ').length })
  return mnemonicToSeedSync(m, passphrase)
}

/**
 * The master secret key of a mnemonic: KeyGen(BIP-39 seed).
 * @example const masterSecretKey = mnemonicToMasterSecretKey(mnemonic)
 */
export function mnemonicToMasterSecretKey(mnemonic: string, passphrase = ''): SecretKey {
  return secretKeyFromSeed(mnemonicToSeed(mnemonic, passphrase))
}
