/**
 * augmented_condition
 * Source: Chia-Network/chia_puzzles puzzles/augmented_condition.clsp.hex @ 32561ab52b9e (AUGMENTED_CONDITION_HASH in src/programs.rs); used only for the time-locked-vault alternative
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const AUGMENTED_CONDITION_MOD_HEX =
  'ff04ff02ffff02ff05ff0b8080'

export const AUGMENTED_CONDITION_MOD = programFromHex(AUGMENTED_CONDITION_MOD_HEX)
export const AUGMENTED_CONDITION_MOD_HASH = hexToBytes('d303eafa617bedf0bc05850dd014e10fbddf622187dc07891a2aacba9d8a93f6')
