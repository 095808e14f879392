/**
 * delegation_layer — (merkle_proof puzzle_reveal puzzle_solution); merkle_proof = () for the owner, else (path . proof_hashes)
 * Source: DIG-Network/DataLayer-Driver puzzles/delegation_layer.clsp(.hex); DELEGATION_LAYER_PUZZLE in xch-dev/chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/layers/datalayer/delegation_layer.rs (HEAD: crates/chia-sdk-types/src/puzzles/datalayer/delegation_layer.rs)
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const DELEGATION_LAYER_MOD_HEX =
  'ff02ffff01ff02ff12ffff04ff02ffff04ff05ffff04ff0bffff04ff17ffff04ff2fffff04ff5fffff04ffff02ff81bf' +
  'ff82017f80ffff04ffff02ff16ffff04ff02ffff04ff81bfff80808080ff80808080808080808080ffff04ffff01ffff' +
  'ff3381f3ff02ffffa04bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459aa09dcf97a184f3' +
  '2623d11a73124ceb99a5709b083721e878a16d78f596718ba7b2ffa102a12871fee210fb8619291eaea194581cbd2531' +
  'e4b23759d225f6806923f63222a102a8d5dd63fba471ebcb1f3e8f7c1e1879b7152a6e7298a91ce119a63400ade7c5ff' +
  'ffff02ffff03ffff09ff82017fff1780ffff0181bfffff01ff02ffff03ffff09ff2fffff02ff1effff04ff02ffff04ff' +
  'ff0bffff0101ff82017f80ffff04ff5fff808080808080ffff01ff02ff1affff04ff02ffff04ff05ffff04ff0bffff04' +
  'ff17ffff04ff81bfffff04ffff04ff2fffff04ff0bff808080ff8080808080808080ffff01ff088080ff018080ff0180' +
  'ff02ffff03ff2fffff01ff02ffff03ffff09ff818fff1880ffff01ff02ff1affff04ff02ffff04ff05ffff04ff0bffff' +
  '04ff17ffff04ff6fffff04ff81cfff8080808080808080ffff01ff04ffff02ffff03ffff02ffff03ffff09ff818fffff' +
  '0181e880ffff01ff22ffff09ff820acfff8080ffff09ff8214cfffff01a057bfd1cb0adda3d94315053fda723f202832' +
  '0faa8338225d99f629e3d46d43a98080ffff01ff010180ff0180ffff014fffff01ff088080ff0180ffff02ff1affff04' +
  'ff02ffff04ff05ffff04ff0bffff04ff17ffff04ff6fffff04ff5fff80808080808080808080ff0180ffff01ff04ffff' +
  '04ff10ffff04ffff0bff5cffff0bff14ffff0bff14ff6cff0580ffff0bff14ffff0bff7cffff0bff14ffff0bff14ff6c' +
  'ffff0bffff0101ff058080ffff0bff14ffff0bff7cffff0bff14ffff0bff14ff6cffff0bffff0101ff0b8080ffff0bff' +
  '14ffff0bff7cffff0bff14ffff0bff14ff6cffff0bffff0101ff178080ffff0bff14ffff0bff7cffff0bff14ffff0bff' +
  '14ff6cffff0bffff0101ff819f8080ffff0bff14ff6cff4c808080ff4c808080ff4c808080ff4c808080ff4c808080ff' +
  'ff04ffff0101ffff04ff81dfff8080808080ff808080ff0180ffff02ffff03ffff07ff0580ffff01ff0bffff0102ffff' +
  '02ff16ffff04ff02ffff04ff09ff80808080ffff02ff16ffff04ff02ffff04ff0dff8080808080ffff01ff0bffff0101' +
  'ff058080ff0180ff02ffff03ff1bffff01ff02ff1effff04ff02ffff04ffff02ffff03ffff18ffff0101ff1380ffff01' +
  'ff0bffff0102ff2bff0580ffff01ff0bffff0102ff05ff2b8080ff0180ffff04ffff04ffff17ff13ffff0181ff80ff3b' +
  '80ff8080808080ffff010580ff0180ff018080'

export const DELEGATION_LAYER_MOD = programFromHex(DELEGATION_LAYER_MOD_HEX)
export const DELEGATION_LAYER_MOD_HASH = hexToBytes('c3b249466cb15c51e5abb5c54ef5077c1624ae2e6a0f8f7a3fa197a943a5d62e')
