/**
 * settlement_payments
 * Source: Chia-Network/chia_puzzles puzzles/settlement_payments.clsp.hex @ 32561ab52b9e
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const SETTLEMENT_PAYMENTS_MOD_HEX =
  'ff02ffff01ff02ff0affff04ff02ffff04ff03ff80808080ffff04ffff01ffff333effff02ffff03ff05ffff01ff04ff' +
  'ff04ff0cffff04ffff02ff1effff04ff02ffff04ff09ff80808080ff808080ffff02ff16ffff04ff02ffff04ff19ffff' +
  '04ffff02ff0affff04ff02ffff04ff0dff80808080ff808080808080ff8080ff0180ffff02ffff03ff05ffff01ff02ff' +
  'ff03ffff15ff29ff8080ffff01ff04ffff04ff08ff0980ffff02ff16ffff04ff02ffff04ff0dffff04ff0bff80808080' +
  '8080ffff01ff088080ff0180ffff010b80ff0180ff02ffff03ffff07ff0580ffff01ff0bffff0102ffff02ff1effff04' +
  'ff02ffff04ff09ff80808080ffff02ff1effff04ff02ffff04ff0dff8080808080ffff01ff0bffff0101ff058080ff01' +
  '80ff018080'

export const SETTLEMENT_PAYMENTS_MOD = programFromHex(SETTLEMENT_PAYMENTS_MOD_HEX)
export const SETTLEMENT_PAYMENTS_MOD_HASH = hexToBytes('cfbfdeed5c4ca2de3d0bf520b9cb4bb7743a359bd2e6a188d19ce7dffc21d3e7')
