/**
 * Opcode → operator dispatch of the Chia dialect with flags ENABLE_BLS_OPS_OUTSIDE_GUARD (0x20)
 * and ENABLE_FIXED_DIV (0x80): the 2024 hard-fork rules the mempool and consensus use today.
 * Source: clvm_rs 0.7.0 `src/chia_dialect.rs`
 * (https://github.com/Chia-Network/clvm_rs/blob/0.7.0/src/chia_dialect.rs).
 * Opcodes 1 (q), 2 (a) and 36 (softfork) are handled by the evaluator itself.
 */
import { opAdd, opAsh, opDiv, opDivmod, opGr, opLogand, opLogior, opLognot, opLogxor, opLsh, opMod, opModpow, opMultiply, opSubtract } from './arithmetic-operators'
import {
  opBlsPairingIdentity,
  opBlsVerify,
  opG1Map,
  opG1Multiply,
  opG1Negate,
  opG1Subtract,
  opG2Add,
  opG2Map,
  opG2Multiply,
  opG2Negate,
  opG2Subtract,
  opPointAdd,
  opPubkeyForExp,
} from './bls-operators'
import { opAll, opAny, opNot } from './bool-operators'
import { opCoinid, opConcat, opGrBytes, opSha256, opStrlen, opSubstr } from './byte-operators'
import { opCons, opEq, opFirst, opIf, opListp, opRaise, opRest } from './core-operators'
import type { Operator } from './op-utils'
import { opSecp256k1Verify, opSecp256r1Verify } from './secp-operators'

/**
 * Operators indexed by their one-byte opcode; `undefined` means unknown.
 * @example OPERATOR_TABLE[16] === opAdd
 */
export const OPERATOR_TABLE: ReadonlyArray<Operator | undefined> = (() => {
  const t: Array<Operator | undefined> = new Array(128).fill(undefined)
  t[3] = opIf
  t[4] = opCons
  t[5] = opFirst
  t[6] = opRest
  t[7] = opListp
  t[8] = opRaise
  t[9] = opEq
  t[10] = opGrBytes
  t[11] = opSha256
  t[12] = opSubstr
  t[13] = opStrlen
  t[14] = opConcat
  t[16] = opAdd
  t[17] = opSubtract
  t[18] = opMultiply
  t[19] = opDiv
  t[20] = opDivmod
  t[21] = opGr
  t[22] = opAsh
  t[23] = opLsh
  t[24] = opLogand
  t[25] = opLogior
  t[26] = opLogxor
  t[27] = opLognot
  t[29] = opPointAdd
  t[30] = opPubkeyForExp
  t[32] = opNot
  t[33] = opAny
  t[34] = opAll
  // CHIP-0011 (available outside the softfork guard since the 2024 hard fork)
  t[48] = opCoinid
  t[49] = opG1Subtract
  t[50] = opG1Multiply
  t[51] = opG1Negate
  t[52] = opG2Add
  t[53] = opG2Subtract
  t[54] = opG2Multiply
  t[55] = opG2Negate
  t[56] = opG1Map
  t[57] = opG2Map
  t[58] = opBlsPairingIdentity
  t[59] = opBlsVerify
  t[60] = opModpow
  t[61] = opMod
  return t
})()

/**
 * The operator for a 4-byte opcode (the secp256 verifiers), or undefined.
 * @example wideOperator(Uint8Array.of(0x13, 0xd6, 0x1f, 0x00)) === opSecp256k1Verify
 */
export function wideOperator(op: Uint8Array): Operator | undefined {
  if (op[2] !== 0x1f && op[2] !== 0x8f) return undefined
  if (op[0] === 0x13 && op[1] === 0xd6 && op[2] === 0x1f && op[3] === 0x00) return opSecp256k1Verify
  if (op[0] === 0x1c && op[1] === 0x3a && op[2] === 0x8f && op[3] === 0x00) return opSecp256r1Verify
  return undefined
}
