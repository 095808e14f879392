/**
 * ECDSA verification operators `secp256k1_verify` (opcode 0x13d61f00) and `secp256r1_verify`
 * (opcode 0x1c3a8f00) over pre-hashed 32-byte messages, via @noble/curves.
 * Semantics, error messages and costs: clvm_rs 0.7.0 `src/secp_ops.rs`
 * (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/secp_ops.rs); CHIP-0011.
 */
import { p256 } from '@noble/curves/nist.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { SECP256K1_VERIFY_COST, SECP256R1_VERIFY_COST } from '../costs'
import { type Program, NIL } from '../program'
import { type Reduction, atomArg, checkCost, getArgs, raise } from './op-utils'

type Ecdsa = typeof secp256k1

/**
 * RustCrypto `VerifyingKey::from_sec1_bytes`: compressed (02/03, 33 bytes), uncompressed (04, 65
 * bytes) or compact (05, 33 bytes: x only); never the identity. k256 decompacts to the even y,
 * p256 (primeorder) to y = min(y, p - y), as measured against clvm_rs.
 * Returns the key in compressed form.
 */
function sec1PublicKey(curve: Ecdsa, pk: Uint8Array, compact: 'even' | 'min'): Uint8Array | undefined {
  try {
    if (pk.length === 33 && pk[0] === 0x05) {
      const even = Uint8Array.from(pk)
      even[0] = 0x02
      const point = curve.Point.fromBytes(even)
      if (compact === 'even') return point.toBytes(true)
      const { y } = point.toAffine()
      const p = curve.Point.Fp.ORDER
      return (y > p - y ? point.negate() : point).toBytes(true)
    }
    if (pk.length !== 33 && pk.length !== 65) return undefined
    const point = curve.Point.fromBytes(pk)
    point.assertValidity()
    return point.is0() ? undefined : point.toBytes(true)
  } catch {
    return undefined
  }
}

function verifyOp(curve: Ecdsa, compact: 'even' | 'min', name: string, baseCost: number, args: Program, maxCost: number): Reduction {
  checkCost(baseCost, maxCost)
  const [pkn, msgn, sign] = getArgs(args, 3, name)
  const pk = atomArg(pkn, `${name} pubkey`)
  const key = sec1PublicKey(curve, pk, compact)
  if (key === undefined) raise(`${name} pubkey is not valid`, args)
  const msg = atomArg(msgn, `${name} msg`)
  if (msg.length !== 32) raise(`${name} message digest is not 32 bytes`, args)
  const sig = atomArg(sign, `${name} sig`)
  // r and s must both be in [1, n).
  let validSig = sig.length === 64
  if (validSig) {
    try {
      const s = curve.Signature.fromBytes(sig, 'compact')
      validSig = s.r > 0n && s.s > 0n
    } catch {
      validSig = false
    }
  }
  if (!validSig) raise(`${name} sig is not valid`, args)
  // RustCrypto's `verify_prehash` accepts high-S signatures, so noble must not enforce low-S.
  if (!curve.verify(sig, msg, key, { prehash: false, lowS: false, format: 'compact' })) raise(`${name} failed`, args)
  return { cost: baseCost, value: NIL }
}

/**
 * `(secp256k1_verify pubkey msg_digest sig)`: nil on success, else "secp256k1_verify failed".
 * @example opSecp256k1Verify(list([atom(pk), atom(digest), atom(sig)]), max)
 */
export const opSecp256k1Verify = (args: Program, maxCost: number): Reduction =>
  verifyOp(secp256k1, 'even', 'secp256k1_verify', SECP256K1_VERIFY_COST, args, maxCost)

/**
 * `(secp256r1_verify pubkey msg_digest sig)`: nil on success, else "secp256r1_verify failed".
 * @example opSecp256r1Verify(list([atom(pk), atom(digest), atom(sig)]), max)
 */
export const opSecp256r1Verify = (args: Program, maxCost: number): Reduction =>
  verifyOp(p256 as unknown as Ecdsa, 'min', 'secp256r1_verify', SECP256R1_VERIFY_COST, args, maxCost)
