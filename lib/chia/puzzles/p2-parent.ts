/**
 * p2_parent
 * Source: xch-dev/chia-wallet-sdk crates/chia-sdk-types/src/puzzles/p2_parent.rs P2_PARENT_PUZZLE, tags 0.30.0..0.34.0 and main e077191e (unchanged since #306, 010a5e93)
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const P2_PARENT_MOD_HEX =
  'ff02ffff01ff04ffff04ff04ffff04ffff30ff0bffff02ff05ffff04ffff02ff06ffff04ff02ffff04ff2fff80808080' +
  'ff7f8080ff1780ff808080ffff02ff2fff5f8080ffff04ffff01ff47ff02ffff03ffff07ff0580ffff01ff0bffff0102' +
  'ffff02ff06ffff04ff02ffff04ff09ff80808080ffff02ff06ffff04ff02ffff04ff0dff8080808080ffff01ff0bffff' +
  '0101ff058080ff0180ff018080'

export const P2_PARENT_MOD = programFromHex(P2_PARENT_MOD_HEX)
export const P2_PARENT_MOD_HASH = hexToBytes('638181aa0cd6ea9f042a69e578690513385e8531b361ffc26f03cc35f51018c2')
