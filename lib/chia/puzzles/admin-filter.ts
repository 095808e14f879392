/**
 * admin_filter (legacy) — curried with INNER_PUZZLE; solution (inner_solution). Passes the admin's
 * conditions through but raises on any CREATE_COIN (so an admin cannot remove the owner's layer),
 * on opcode -113, and on a -24 whose updater solution has a non-nil second element
 * (behaviour pinned by tests/unit/chia/admin-filter.test.ts).
 * Source: admin_filter.clsp "for DataLayer.storage by yakuhito", shipped as ADMIN_FILTER_PUZZLE in
 * the early chip-0035 DataStore driver (`src/puzzles.rs`). NOT used by
 * `@dignetwork/datalayer-driver@0.1.29` / chia-wallet-sdk 0.13: there an admin's delegated-puzzle
 * leaf is the admin inner puzzle hash itself (vector `delegatedPuzzles.admin.merkleLeaf`). Kept so
 * stores delegated by that early driver can be recognised.
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const ADMIN_FILTER_MOD_HEX =
  'ff02ffff01ff02ff06ffff04ff02ffff04ffff02ff05ff0b80ff80808080ffff04ffff01ff33ff02ffff03ff05ffff01' +
  'ff02ffff03ffff21ffff09ff11ff0480ffff09ff11ffff01818f80ffff02ffff03ffff09ff11ffff0181e880ffff01ff' +
  '20ffff09ff820159ff808080ff8080ff018080ffff01ff0880ffff01ff04ff09ffff02ff06ffff04ff02ffff04ff0dff' +
  '808080808080ff0180ff8080ff0180ff018080'

export const ADMIN_FILTER_MOD = programFromHex(ADMIN_FILTER_MOD_HEX)
export const ADMIN_FILTER_MOD_HASH = hexToBytes('ae2d0ca2e3a95223f9e79937a903e3411d3024136fbc716d14e74f0c4661817b')
