/**
 * Constants of the embedded devnet. Consensus numbers are Chia mainnet's
 * (chia-blockchain `chia/consensus/default_constants.py`, `chia/full_node/mempool_manager.py`,
 * chia_rs `chia-consensus/src/gen/conditions.rs`); the genesis challenge is the devnet's own.
 */
import { sha256 } from '@/lib/chia/primitives/sha256'
import { utf8ToBytes } from '@/lib/chia/primitives/bytes'

/** sha256("DataLayer Studio devnet"): AGG_SIG_ME and friends sign with this on the devnet. */
export const DEVNET_GENESIS_CHALLENGE = sha256(utf8ToBytes('DataLayer Studio devnet'))
export const DEVNET_NETWORK_NAME = 'devnet'
export const DEVNET_ADDRESS_PREFIX = 'txch'
export const DEFAULT_DEVNET_PORT = 18555
export const DEFAULT_BLOCK_SECONDS = 3

/** MAX_BLOCK_COST_CLVM. */
export const MAX_BLOCK_COST = 11_000_000_000n
/** The mempool's per-bundle cap: half a block (`max_tx_clvm_cost`). */
export const MAX_TX_COST = MAX_BLOCK_COST / 2n
/** COST_PER_BYTE, charged on the serialized generator. */
export const COST_PER_BYTE = 12_000n
export const AGG_SIG_COST = 1_200_000n
export const CREATE_COIN_COST = 1_800_000n
/** SOFTFORK charges its first argument × 10000. */
export const SOFTFORK_COST_FACTOR = 10_000n
/** MEMPOOL_MIN_FEE_INCREASE for replace-by-fee. */
export const MEMPOOL_MIN_FEE_INCREASE = 10_000_000n
/** Messages and announcements are limited to 1024 bytes; 1024 announcements per bundle. */
export const MAX_MESSAGE_LENGTH = 1024
export const MAX_ANNOUNCEMENTS = 1024

/** Block rewards as on mainnet during the first three years (pool 7/8, farmer 1/8 of 2 XCH). */
export const POOL_REWARD = 1_750_000_000_000n
export const FARMER_REWARD = 250_000_000_000n
