/**
 * singleton_launcher — (singleton_full_puzzle_hash amount key_value_list) -> conditions ((51 singleton_full_puzzle_hash amount) (60 sha256tree(solution)))
 * Source: Chia-Network/chia_puzzles puzzles/singleton_launcher.clsp(.hex); SINGLETON_LAUNCHER_PUZZLE in chia_rs crates/chia-puzzles/src/puzzles/singleton.rs
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const SINGLETON_LAUNCHER_HEX =
  'ff02ffff01ff04ffff04ff04ffff04ff05ffff04ff0bff80808080ffff04ffff04ff0affff04ffff02ff0effff04ff02' +
  'ffff04ffff04ff05ffff04ff0bffff04ff17ff80808080ff80808080ff808080ff808080ffff04ffff01ff33ff3cff02' +
  'ffff03ffff07ff0580ffff01ff0bffff0102ffff02ff0effff04ff02ffff04ff09ff80808080ffff02ff0effff04ff02' +
  'ffff04ff0dff8080808080ffff01ff0bffff0101ff058080ff0180ff018080'

export const SINGLETON_LAUNCHER = programFromHex(SINGLETON_LAUNCHER_HEX)
export const SINGLETON_LAUNCHER_HASH = hexToBytes('eff07522495060c066f66f32acc2a77e3a3e737aca8baea4d1a64ea4cdc13da9')
