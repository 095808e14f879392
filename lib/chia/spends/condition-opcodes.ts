/**
 * Condition opcodes, as in chia_rs `chia-consensus/src/gen/opcodes.rs` and chia-blockchain
 * `chia/types/condition_opcodes.py`.
 */
export const ConditionOpcode = {
  REMARK: 1,
  AGG_SIG_PARENT: 43,
  AGG_SIG_PUZZLE: 44,
  AGG_SIG_AMOUNT: 45,
  AGG_SIG_PUZZLE_AMOUNT: 46,
  AGG_SIG_PARENT_AMOUNT: 47,
  AGG_SIG_PARENT_PUZZLE: 48,
  AGG_SIG_UNSAFE: 49,
  AGG_SIG_ME: 50,
  CREATE_COIN: 51,
  RESERVE_FEE: 52,
  CREATE_COIN_ANNOUNCEMENT: 60,
  ASSERT_COIN_ANNOUNCEMENT: 61,
  CREATE_PUZZLE_ANNOUNCEMENT: 62,
  ASSERT_PUZZLE_ANNOUNCEMENT: 63,
  ASSERT_CONCURRENT_SPEND: 64,
  ASSERT_CONCURRENT_PUZZLE: 65,
  SEND_MESSAGE: 66,
  RECEIVE_MESSAGE: 67,
  ASSERT_MY_COIN_ID: 70,
  ASSERT_MY_PARENT_ID: 71,
  ASSERT_MY_PUZZLEHASH: 72,
  ASSERT_MY_AMOUNT: 73,
  ASSERT_MY_BIRTH_SECONDS: 74,
  ASSERT_MY_BIRTH_HEIGHT: 75,
  ASSERT_EPHEMERAL: 76,
  ASSERT_SECONDS_RELATIVE: 80,
  ASSERT_SECONDS_ABSOLUTE: 81,
  ASSERT_HEIGHT_RELATIVE: 82,
  ASSERT_HEIGHT_ABSOLUTE: 83,
  ASSERT_BEFORE_SECONDS_RELATIVE: 84,
  ASSERT_BEFORE_SECONDS_ABSOLUTE: 85,
  ASSERT_BEFORE_HEIGHT_RELATIVE: 86,
  ASSERT_BEFORE_HEIGHT_ABSOLUTE: 87,
  SOFTFORK: 90,
} as const

export type ConditionOpcodeName = keyof typeof ConditionOpcode

/** Magic conditions of the NFT state layer and DataLayer (datalayer-protocol.md §1.6). */
export const NFT_UPDATE_METADATA_OPCODE = -24
export const DL_NEW_MERKLE_ROOT_OPCODE = -13
/** CREATE_COIN with this amount melts a singleton (singleton_top_layer_v1_1). */
export const MELT_AMOUNT = -113n

export const AGG_SIG_OPCODES = [43, 44, 45, 46, 47, 48, 49, 50] as const
export type AggSigOpcode = (typeof AGG_SIG_OPCODES)[number]
