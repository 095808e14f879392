/**
 * The condition shapes the DataLayer builders emit, encoded exactly like chia-wallet-sdk 0.13.0
 * `crates/chia-sdk-types/src/condition.rs` (a CREATE_COIN without memos has no memo list at all).
 * Spec: datalayer-protocol.md §1.6, §6.3.
 */
import { type Program, NIL, atom, int, list } from '../clvm/program'
import type { Bytes32 } from '../primitives/bytes'
import { ConditionOpcode, DL_NEW_MERKLE_ROOT_OPCODE, MELT_AMOUNT, NFT_UPDATE_METADATA_OPCODE } from '../spends/condition-opcodes'
import { DL_METADATA_UPDATER_HASH } from '../puzzles/dl-metadata-updater'

/**
 * `(51 puzzleHash amount (memos…))`, the memo list omitted when empty.
 * @example createCoinCondition(ph, 1n, [launcherId])
 */
export const createCoinCondition = (puzzleHash: Bytes32, amount: bigint, memos: readonly Uint8Array[] = []): Program =>
  memos.length === 0
    ? list([int(ConditionOpcode.CREATE_COIN), atom(puzzleHash), int(amount)])
    : list([int(ConditionOpcode.CREATE_COIN), atom(puzzleHash), int(amount), list(memos.map(atom))])

/** `(52 fee)`. @example reserveFeeCondition(100n) */
export const reserveFeeCondition = (fee: bigint): Program => list([int(ConditionOpcode.RESERVE_FEE), int(fee)])

/** `(64 coinId)`. @example assertConcurrentSpendCondition(leadCoinId) */
export const assertConcurrentSpendCondition = (coinId: Bytes32): Program =>
  list([int(ConditionOpcode.ASSERT_CONCURRENT_SPEND), atom(coinId)])

/** `(61 announcementId)`. @example assertCoinAnnouncementCondition(id) */
export const assertCoinAnnouncementCondition = (announcementId: Bytes32): Program =>
  list([int(ConditionOpcode.ASSERT_COIN_ANNOUNCEMENT), atom(announcementId)])

/** `(63 announcementId)`. @example assertPuzzleAnnouncementCondition(id) */
export const assertPuzzleAnnouncementCondition = (announcementId: Bytes32): Program =>
  list([int(ConditionOpcode.ASSERT_PUZZLE_ANNOUNCEMENT), atom(announcementId)])

/**
 * `(-24 11 ((metadata DL_METADATA_UPDATER_HASH) ()))`: the state layer runs the DL updater (`11`),
 * which returns its solution, so the store's next metadata is `metadata`.
 * @example updateMetadataCondition(metadataProgram)
 */
export const updateMetadataCondition = (metadata: Program): Program =>
  list([int(NFT_UPDATE_METADATA_OPCODE), int(11), list([list([metadata, atom(DL_METADATA_UPDATER_HASH)]), NIL])])

/**
 * `(-13 newMerkleRoot . memos)`: the delegation layer re-creates itself with this root and these memos.
 * @example newMerkleRootCondition(root, [launcherId, ownerPuzzleHash])
 */
export const newMerkleRootCondition = (newMerkleRoot: Bytes32, memos: readonly Uint8Array[]): Program =>
  list([int(DL_NEW_MERKLE_ROOT_OPCODE), atom(newMerkleRoot), ...memos.map(atom)])

/** `(51 () -113)`: the singleton drops it and creates no child (melt). @example meltSingletonCondition() */
export const meltSingletonCondition = (): Program => list([int(ConditionOpcode.CREATE_COIN), NIL, int(MELT_AMOUNT)])
