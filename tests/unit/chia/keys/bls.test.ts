import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  AUG_SCHEME_DST,
  blsAggregate,
  blsAggregateVerify,
  blsSign,
  blsVerify,
  INFINITY_SIGNATURE,
  InvalidSignatureError,
  signatureToPoint,
} from '@/lib/chia/keys/bls'
import { addPublicKeys, INFINITY_PUBLIC_KEY, InvalidPublicKeyError, isInfinityPublicKey, publicKeyFingerprint, publicKeyFromBytes } from '@/lib/chia/keys/public-key'
import { scalarToSecretKey, SecretKeyGroupOrderError, secretKeyFromBytes, secretKeyToPublicKey } from '@/lib/chia/keys/secret-key'
import { signedMessageDigest } from '@/lib/chia/keys/sign-message'
import { bytesToHex, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { sha256 } from '@/lib/chia/primitives/sha256'

const vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'),
)

// chia_rs crates/chia-bls/src/secret_key.rs test_public_key (generated with blspy).
const SK_PK = [
  ['5aac8405befe4cb3748a67177c56df26355f1f98d979afdb0b2f97858d2f71c3', 'b9de000821a610ef644d160c810e35113742ff498002c2deccd8f1a349e423047e9b3fc17ebfc733dbee8fd902ba2961'],
  ['23f1fb291d3bd7434282578b842d5ea4785994bb89bd2c94896d1b4be6c70ba2', '96f304a5885e67abdeab5e1ed0576780a1368777ea7760124834529e8694a1837a20ffea107b9769c4f92a1f6c167e69'],
  ['2bc1d6d6efe58d365c29ccb7ad12c8457c0eec70a29003073692ac4cb1cd7ba2', 'b10568446def64b17fc9b6d614ae036deaac3f2d654e12e45ea04b19208246e0d760e8826426e97f9f0666b7ce340d75'],
  ['2bfc8672d859700e30aa6c8edc24a8ce9e6dc53bb1ef936f82de722847d05b9e', '9641472acbd6af7e5313d2500791b87117612af43eef929cf7975aaaa5a203a32698a8ef53763a84d90ad3f00b86ad66'],
  ['3311f883dad1e39c52bf82d5870d05371c0b1200576287b5160808f55568151b', '928ea102b5a3e3efe4f4c240d3458a568dfeb505e02901a85ed70a384944b0c08c703a35245322709921b8f2b7f5e54a'],
]

describe('secret and public keys', () => {
  it('derives the public key of every vector key (driver keys and chia_rs vectors)', () => {
    for (const k of Object.values(vectors.keys) as Record<string, string>[]) {
      expect(bytesToHex(secretKeyToPublicKey(hexToBytes(k.masterSecretKey)))).toBe(k.masterPublicKey)
      expect(bytesToHex(secretKeyToPublicKey(hexToBytes(k.syntheticSecretKey)))).toBe(k.syntheticPublicKey)
    }
    for (const [sk, pk] of SK_PK) expect(bytesToHex(secretKeyToPublicKey(secretKeyFromBytes(hexToBytes(sk))))).toBe(pk)
  })

  it('rejects secret keys at or above the group order and of the wrong length, accepts zero', () => {
    expect(() => secretKeyFromBytes(hexToBytes('73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001'))).toThrow(
      SecretKeyGroupOrderError,
    )
    expect(() => secretKeyFromBytes(new Uint8Array(31))).toThrow(/32 bytes/)
    expect(bytesToHex(secretKeyToPublicKey(secretKeyFromBytes(new Uint8Array(32))))).toBe(bytesToHex(INFINITY_PUBLIC_KEY))
    expect(bytesToHex(scalarToSecretKey(-1n))).toBe('73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000')
  })

  it('validates public keys like chia_rs PublicKey::from_bytes', () => {
    expect(isInfinityPublicKey(publicKeyFromBytes(hexToBytes(`c0${'00'.repeat(47)}`)))).toBe(true)
    // chia_rs public_key.rs test_from_bytes_failures: non-canonical infinity encodings.
    for (const bad of [`c0${'00'.repeat(46)}01`, `c080${'00'.repeat(46)}`, `80${'00'.repeat(47)}`, `40${'00'.repeat(47)}`]) {
      expect(() => publicKeyFromBytes(hexToBytes(bad))).toThrow(InvalidPublicKeyError)
    }
    // chia_rs test_get_fingerprint
    expect(publicKeyFingerprint(hexToBytes('997cc43ed8788f841fcf3071f6f212b89ba494b6ebaf1bda88c3f9de9d968a61f3b7284a5ee13889399ca71a026549a2'))).toBe(
      651_010_559,
    )
    // chia_rs test_aggregate_pubkey: pk + pk and pk + pk + pk
    const pk = secretKeyToPublicKey(hexToBytes('52d75c4707e39595b27314547f9723e5530c01198af3fc5849d9a7af65631efb'))
    expect(bytesToHex(addPublicKeys(pk, pk))).toBe(
      'b1b8033286299e7f238aede0d3fea48d133a1e233139085f72c102c2e6cc1f8a4ea64ed2838c10bbd2ef8f78ef271bf3',
    )
    expect(bytesToHex(addPublicKeys(pk, pk, pk))).toBe(
      'a8bc2047d90c04a12e8c38050ec0feb4417b4d5689165cd2cea8a7903aad1778e36548a46d427b5ec571364515e456d6',
    )
  })
})

describe('AugSchemeMPL', () => {
  it('uses the AUG ciphersuite DST', () => {
    expect(AUG_SCHEME_DST).toBe('BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_AUG_')
  })

  it('reproduces the driver signatures of signedMessages byte for byte', () => {
    for (const v of vectors.signedMessages) {
      const digest = signedMessageDigest(hexToBytes(v.message))
      expect(bytesToHex(digest)).toBe(v.signedDigest)
      const sig = blsSign(hexToBytes(v.privateKey), digest)
      expect(bytesToHex(sig)).toBe(v.signature)
      expect(blsVerify(hexToBytes(v.publicKey), digest, sig)).toBe(true)
    }
  })

  it('rejects a tampered message, a wrong key and garbage signatures', () => {
    const v = vectors.signedMessages[0]
    const digest = hexToBytes(v.signedDigest)
    const sig = hexToBytes(v.signature)
    const other = new Uint8Array(digest)
    other[0] ^= 1
    expect(blsVerify(hexToBytes(v.publicKey), other, sig)).toBe(false)
    expect(blsVerify(hexToBytes(vectors.keys.admin.syntheticPublicKey), digest, sig)).toBe(false)
    expect(blsVerify(INFINITY_PUBLIC_KEY, digest, INFINITY_SIGNATURE)).toBe(false)
    const bad = new Uint8Array(sig)
    bad[50] ^= 0xff
    expect(blsVerify(hexToBytes(v.publicKey), digest, bad)).toBe(false)
    expect(() => signatureToPoint(new Uint8Array(96))).toThrow(InvalidSignatureError)
  })

  it('aggregates and aggregate-verifies; the order of pairs does not matter, swapped messages fail', () => {
    const keys = ['owner', 'admin', 'writer'].map((l) => hexToBytes(vectors.keys[l].syntheticSecretKey))
    const msgs = ['a', 'b', 'c'].map((m) => sha256(utf8ToBytes(m)))
    const sigs = keys.map((sk, i) => blsSign(sk, msgs[i]))
    const agg = blsAggregate(sigs)
    const pairs = keys.map((sk, i) => ({ publicKey: secretKeyToPublicKey(sk), message: msgs[i] }))
    expect(blsAggregateVerify(pairs, agg)).toBe(true)
    expect(blsAggregateVerify([...pairs].reverse(), agg)).toBe(true)
    expect(bytesToHex(blsAggregate([sigs[2], sigs[0], sigs[1]]))).toBe(bytesToHex(agg))
    const swapped = [{ ...pairs[0], message: msgs[1] }, { ...pairs[1], message: msgs[0] }, pairs[2]]
    expect(blsAggregateVerify(swapped, agg)).toBe(false)
    expect(blsAggregateVerify(pairs.slice(0, 2), agg)).toBe(false)
    // Same message under two keys is fine in the augmented scheme.
    const same = [blsSign(keys[0], msgs[0]), blsSign(keys[1], msgs[0])]
    expect(
      blsAggregateVerify(
        [
          { publicKey: pairs[0].publicKey, message: msgs[0] },
          { publicKey: pairs[1].publicKey, message: msgs[0] },
        ],
        blsAggregate(same),
      ),
    ).toBe(true)
  })

  it('treats the empty aggregate as the identity', () => {
    expect(bytesToHex(blsAggregate([]))).toBe(`c0${'00'.repeat(95)}`)
    expect(bytesToHex(INFINITY_SIGNATURE)).toBe(`c0${'00'.repeat(95)}`)
    expect(blsAggregateVerify([], INFINITY_SIGNATURE)).toBe(true)
    expect(blsAggregateVerify([], hexToBytes(vectors.signedMessages[0].signature))).toBe(false)
  })
})
