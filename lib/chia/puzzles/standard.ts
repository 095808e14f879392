/**
 * p2_delegated_puzzle_or_hidden_puzzle — (original_public_key delegated_puzzle solution); driver always uses (() (q . conditions) ())
 * Source: Chia-Network/chia_puzzles puzzles/p2_delegated_puzzle_or_hidden_puzzle.clsp(.hex); STANDARD_PUZZLE in chia_rs crates/chia-puzzles/src/puzzles/standard.rs
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const STANDARD_MOD_HEX =
  'ff02ffff01ff02ffff03ff0bffff01ff02ffff03ffff09ff05ffff1dff0bffff1effff0bff0bffff02ff06ffff04ff02' +
  'ffff04ff17ff8080808080808080ffff01ff02ff17ff2f80ffff01ff088080ff0180ffff01ff04ffff04ff04ffff04ff' +
  '05ffff04ffff02ff06ffff04ff02ffff04ff17ff80808080ff80808080ffff02ff17ff2f808080ff0180ffff04ffff01' +
  'ff32ff02ffff03ffff07ff0580ffff01ff0bffff0102ffff02ff06ffff04ff02ffff04ff09ff80808080ffff02ff06ff' +
  'ff04ff02ffff04ff0dff8080808080ffff01ff0bffff0101ff058080ff0180ff018080'

export const STANDARD_MOD = programFromHex(STANDARD_MOD_HEX)
export const STANDARD_MOD_HASH = hexToBytes('e9aaa49f45bad5c889b86ee3341550c155cfdd10c3a6757de618d20612fffd52')
