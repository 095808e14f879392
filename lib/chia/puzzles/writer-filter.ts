/**
 * writer_filter — (inner_solution)
 * Source: DIG-Network/DataLayer-Driver puzzles/writer_filter.clsp(.hex); WRITER_FILTER_PUZZLE in chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/layers/datalayer/writer_layer.rs (HEAD name WRITER_LAYER_PUZZLE)
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const WRITER_FILTER_MOD_HEX =
  'ff02ffff01ff02ff02ffff04ff02ffff04ffff02ff05ff0b80ff80808080ffff04ffff01ff02ffff03ff05ffff01ff02' +
  'ffff03ffff09ff11ffff0181f380ffff01ff0880ffff01ff04ff09ffff02ff02ffff04ff02ffff04ff0dff8080808080' +
  '80ff0180ff8080ff0180ff018080'

export const WRITER_FILTER_MOD = programFromHex(WRITER_FILTER_MOD_HEX)
export const WRITER_FILTER_MOD_HASH = hexToBytes('407f70ea751c25052708219ae148b45db2f61af2287da53d600b2486f12b3ca6')
