import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  deriveHardened,
  deriveUnhardenedPublicKey,
  deriveUnhardenedSecretKey,
  InvalidDerivationIndexError,
  masterPublicKeyToWalletUnhardened,
  masterToWalletHardened,
  masterToWalletUnhardened,
  SeedTooShortError,
  secretKeyFromSeed,
} from '@/lib/chia/keys/derive-keys'
import { secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

// chia_rs crates/chia-bls/src/secret_key.rs tests (generated with chia's keychain / blspy).
const KEYGEN = [
  [
    'fc795be0c3f18c50dddb34e72179dc597d64055497ecc1e69e2e56a5409651bc139aae8070d4df0ea14d8d2a518a9a00bb1cc6e92e053fe34051f6821df9164c',
    '52d75c4707e39595b27314547f9723e5530c01198af3fc5849d9a7af65631efb',
  ],
  [
    'b873212f885ccffbf4692afcb84bc2e55886de2dfa07d90f5c3c239abc31c0a6ce047e30fd8bf6a281e71389aa82d73df74c7bbfb3b06b4639a5cee775cccd3c',
    '35d65c35d926f62ba2dd128754ddb556edb4e2c926237ab9e02a23e7b3533613',
  ],
  [
    '3e066d7dee2dbf8fcd3fe240a3975658ca118a8f6f4ca81cf99104944604b05a5090a79d99e545704b914ca0397fedb82fd00fd6a72098703709c891a065ee49',
    '59095c391107936599b7ee6f09067979b321932bd62e23c7f53ed5fb19f851f6',
  ],
]
const PARENT = hexToBytes('52d75c4707e39595b27314547f9723e5530c01198af3fc5849d9a7af65631efb')
const UNHARDENED = [
  '399638f99d446500f3c3a363f24c2b0634ad7caf646f503455093f35f29290bd',
  '3dcb4098ad925d8940e2f516d2d5a4dbab393db928a8c6cb06b93066a09a843a',
  '13115c8fb68a3d667938dac2ffc6b867a4a0f216bbb228aa43d6bdde14245575',
  '52e7e9f2fb51f2c5705aea8e11ac82737b95e664ae578f015af22031d956f92b',
]
const HARDENED = [
  '05eccb2d70e814f51a30d8b9965505605c677afa97228fa2419db583a8121db9',
  '612ae96bdce2e9bc01693ac579918fbb559e04ec365cce9b66bb80e328f62c46',
  '5df14a0a34fd6c30a80136d4103f0a93422ce82d5c537bebbecbc56e19fee5b9',
  '3ea55db88d9a6bf5f1d9c9de072e3c9a56b13f4156d72fca7880cd39b4bd4fdc',
]

describe('derive keys', () => {
  it('KeyGen(seed) matches the chia_rs vectors (EIP-2333 with the raw salt)', () => {
    for (const [seed, sk] of KEYGEN) expect(bytesToHex(secretKeyFromSeed(hexToBytes(seed)))).toBe(sk)
    expect(() => secretKeyFromSeed(new Uint8Array(31))).toThrow(SeedTooShortError)
  })

  it('unhardened children match the chia_rs vectors on both the secret and the public side', () => {
    const parentPk = secretKeyToPublicKey(PARENT)
    UNHARDENED.forEach((hex, i) => {
      const child = deriveUnhardenedSecretKey(PARENT, i)
      expect(bytesToHex(child)).toBe(hex)
      expect(bytesToHex(deriveUnhardenedPublicKey(parentPk, i))).toBe(bytesToHex(secretKeyToPublicKey(child)))
    })
  })

  it('hardened (Lamport) children match the chia_rs vectors', () => {
    HARDENED.forEach((hex, i) => expect(bytesToHex(deriveHardened(PARENT, i))).toBe(hex))
  })

  it('walks m/12381/8444/2/index on both sides; hardened differs from unhardened', () => {
    for (const k of Object.values(vectors.keys) as Record<string, string>[]) {
      const msk = hexToBytes(k.masterSecretKey)
      const mpk = hexToBytes(k.masterPublicKey)
      for (const index of [0, 7]) {
        const sk = masterToWalletUnhardened(msk, index)
        expect(bytesToHex(masterPublicKeyToWalletUnhardened(mpk, index))).toBe(bytesToHex(secretKeyToPublicKey(sk)))
      }
    }
    const msk = hexToBytes(vectors.keys.owner.masterSecretKey)
    expect(bytesToHex(masterToWalletHardened(msk, 0))).not.toBe(bytesToHex(masterToWalletUnhardened(msk, 0)))
    expect(bytesToHex(masterToWalletHardened(msk, 0))).toBe(
      bytesToHex(deriveHardened(deriveHardened(deriveHardened(deriveHardened(msk, 12381), 8444), 2), 0)),
    )
  })

  it('rejects indexes outside u32', () => {
    expect(() => deriveUnhardenedSecretKey(PARENT, -1)).toThrow(InvalidDerivationIndexError)
    expect(() => deriveHardened(PARENT, 2 ** 32)).toThrow(InvalidDerivationIndexError)
    expect(() => deriveUnhardenedSecretKey(PARENT, 1.5)).toThrow(InvalidDerivationIndexError)
    expect(bytesToHex(deriveUnhardenedSecretKey(PARENT, 0xffffffff))).toHaveLength(64)
  })
})
