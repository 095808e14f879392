/**
 * default_cat_maker_rue
 * Source: xch-dev/chia-wallet-sdk same path, a later version read from the upstream source (217 bytes, comment '// Rue'); per DIG-Network/dig-mirror-coin tests/golden_vectors.rs it shipped with the chia 0.36 / chia-wallet-sdk 0.36 line
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const DEFAULT_CAT_MAKER_RUE_MOD_HEX =
  'ff02ffff01ff0bffff0102ffff0bffff0182010280ffff0bffff0102ffff0bffff0102ffff0bffff0182010180ff0580' +
  'ffff0bffff0102ffff02ff02ffff04ff02ffff04ffff0bffff0101ff0580ffff04ff0bffff04ff17ff808080808080ff' +
  'ff0bffff010180808080ffff04ffff01ff02ffff03ff03ffff01ff0bffff0102ffff0bffff0182010480ffff0bffff01' +
  '02ffff0bffff0102ffff0bffff0182010180ff0580ffff0bffff0102ffff02ff02ffff04ff02ff078080ffff0bffff01' +
  '0180808080ffff01ff0bffff018201018080ff0180ff018080'

export const DEFAULT_CAT_MAKER_RUE_MOD = programFromHex(DEFAULT_CAT_MAKER_RUE_MOD_HEX)
export const DEFAULT_CAT_MAKER_RUE_MOD_HASH = hexToBytes('d6693f7aacfeb7e6901cd71a00f5e4b318d73234fbffd5b4d84da2c1371b3181')
