/**
 * dl_metadata_updater — (CURRENT_METADATA CURRENT_UPDATER_PH updater_solution) -> returns updater_solution (the 3rd argument, path 11 = 0b)
 * Source: chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/layers/datalayer.rs DL_METADATA_UPDATER_PUZZLE (= ACS_MU = Program.to(11) in Chia-Network/chia-blockchain chia/wallet/db_wallet/db_wallet_puzzles.py)
 * Tree hash and bytes are protocol data, checked in tests/unit/chia/puzzles.test.ts.
 */
import { programFromHex } from '../clvm/serialize'
import { hexToBytes } from '../primitives/bytes'

export const DL_METADATA_UPDATER_HEX =
  '0b'

export const DL_METADATA_UPDATER = programFromHex(DL_METADATA_UPDATER_HEX)
export const DL_METADATA_UPDATER_HASH = hexToBytes('57bfd1cb0adda3d94315053fda723f2028320faa8338225d99f629e3d46d43a9')
