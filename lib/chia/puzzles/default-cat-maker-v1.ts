/**
 * default_cat_maker_v1
 * Source: xch-dev/chia-wallet-sdk crates/chia-sdk-types/src/puzzles/action_layer/cat_makers/default.rs DEFAULT_CAT_MAKER_PUZZLE, tags 0.28.0..0.34.0 (283 bytes, Chialisp)
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const DEFAULT_CAT_MAKER_V1_MOD_HEX =
  'ff02ffff01ff0bff16ffff0bff04ffff0bff04ff1aff0580ffff0bff04ffff0bff1effff0bff04ffff0bff04ff1affff' +
  '0bffff0101ff058080ffff0bff04ffff0bff1effff0bff04ffff0bff04ff1aff0b80ffff0bff04ffff0bff1effff0bff' +
  '04ffff0bff04ff1aff1780ffff0bff04ff1aff12808080ff12808080ff12808080ff12808080ffff04ffff01ff02ffff' +
  'a04bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459aa09dcf97a184f32623d11a73124ceb' +
  '99a5709b083721e878a16d78f596718ba7b2ffa102a12871fee210fb8619291eaea194581cbd2531e4b23759d225f680' +
  '6923f63222a102a8d5dd63fba471ebcb1f3e8f7c1e1879b7152a6e7298a91ce119a63400ade7c5ff018080'

export const DEFAULT_CAT_MAKER_V1_MOD = programFromHex(DEFAULT_CAT_MAKER_V1_MOD_HEX)
export const DEFAULT_CAT_MAKER_V1_MOD_HASH = hexToBytes('0370e9c0343398cbe3487fb93d4aa24357005cdd67894e1cbae14772e778a75a')
