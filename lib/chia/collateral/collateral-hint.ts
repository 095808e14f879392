/**
 * The per-store hint ("morph") under which DIG collateral coins are indexed.
 * Store: `sha256tree((launcherId . "DIG_STORE_COLLATERAL"))`.
 * Mirror (DataLayer-Driver 3.0.0–5.x `morph_store_launcher_id_for_mirror`):
 * `sha256tree((int(launcherId) + offset . "DIG_STORE_MIRROR_COLLATERAL"))`, the launcher id read as a
 * signed big-endian CLVM integer and re-encoded minimally.
 * Source: DIG-Network/DataLayer-Driver `src/dig_collateral_coin.rs` @ 7040fc11; dig-collateral.md §1.4, §2.4.
 */
import { atomToBigint, bigintToAtom } from '../clvm/int'
import { atomHash, pairHash } from '../clvm/tree-hash'
import { type Bytes32, assertBytes32, utf8ToBytes } from '../primitives/bytes'

const STORE_COLLATERAL_TAG_HASH = atomHash(utf8ToBytes('DIG_STORE_COLLATERAL'))
const MIRROR_COLLATERAL_TAG_HASH = atomHash(utf8ToBytes('DIG_STORE_MIRROR_COLLATERAL'))

/**
 * The hint (first memo) of a store's DIG collateral coins.
 * @example bytesToHex(collateralHint(hexToBytes32('11'.repeat(32)))) // 'b6db0f4a…e822'
 */
export function collateralHint(launcherId: Bytes32): Bytes32 {
  return pairHash(atomHash(assertBytes32(launcherId, 'launcherId')), STORE_COLLATERAL_TAG_HASH)
}

/**
 * The two-term mirror-collateral hint of DataLayer-Driver 3.0.0–5.x (removed in 6.0.0; current
 * mirrors live in dig-mirror-coin). Kept for reading older coins.
 * @example mirrorCollateralHint(launcherId, 7n)
 */
export function mirrorCollateralHint(launcherId: Bytes32, offset: bigint): Bytes32 {
  const value = atomToBigint(assertBytes32(launcherId, 'launcherId')) + offset
  return pairHash(atomHash(bigintToAtom(value)), MIRROR_COLLATERAL_TAG_HASH)
}
