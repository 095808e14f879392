/**
 * $DIG on mainnet: a CAT2 with 3 decimals (1 DIG = 1,000 base units).
 * Source: dig-collateral.md (header); DIG-Network/DataLayer-Driver `src/lib.rs` @ 029aa5f7 `DIG_ASSET_ID`.
 * Other networks (the devnet faucet's test CAT) pass their own asset id to every function.
 */
import { type Bytes32, hexToBytes32 } from '../primitives/bytes'

export const DIG_MAINNET_ASSET_ID: Bytes32 = hexToBytes32(
  'a406d3a9de984d03c9591c10d917593b434d5263cabe2b42f6b367df16832f81',
)

/** Base units per DIG (3 decimals). */
export const DIG_BASE_UNITS_PER_DIG = 1000n

/** DataLayer-Driver `DIG_MIN_HEIGHT`: no DIG collateral exists below this mainnet height (§3 step 2). */
export const DIG_MIN_HEIGHT = 5_777_842
