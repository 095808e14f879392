/**
 * default_hidden_puzzle — 
 * Source: chia_rs crates/chia-puzzles/src/puzzles/standard.rs DEFAULT_HIDDEN_PUZZLE = (=) ; used only to derive synthetic keys
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const DEFAULT_HIDDEN_PUZZLE_HEX =
  'ff0980'

export const DEFAULT_HIDDEN_PUZZLE = programFromHex(DEFAULT_HIDDEN_PUZZLE_HEX)
export const DEFAULT_HIDDEN_PUZZLE_HASH = hexToBytes('711d6c4e32c92e53179b199484cf8c897542bc57f2b22582799f9d657eec4699')
