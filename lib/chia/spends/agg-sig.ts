/**
 * The message a key must sign for each AGG_SIG_* condition.
 * AGG_SIG_ME appends coin id ‖ genesis challenge; UNSAFE appends nothing; the others append the
 * named coin fields and sha256(genesis ‖ opcode).
 * Spec: libs.md (driver signCoinSpends), chia_rs `chia-consensus/src/gen/conditions.rs` / `make_aggsig_final_message`.
 */
import { bigintToAtom } from '../clvm/int'
import { type Bytes32, concatBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import { sha256 } from '../primitives/sha256'
import { type AggSigOpcode, ConditionOpcode } from './condition-opcodes'

/**
 * The additional data appended for an opcode on a network.
 * @example aggSigAdditionalData(MAINNET_GENESIS_CHALLENGE, ConditionOpcode.AGG_SIG_PARENT)
 */
export function aggSigAdditionalData(genesisChallenge: Bytes32, opcode: AggSigOpcode): Uint8Array {
  if (opcode === ConditionOpcode.AGG_SIG_ME) return genesisChallenge
  if (opcode === ConditionOpcode.AGG_SIG_UNSAFE) return new Uint8Array(0)
  return sha256(genesisChallenge, new Uint8Array([opcode]))
}

/**
 * The full message signed for an AGG_SIG_* condition of `coin`.
 * @example aggSigMessage({ opcode: 50, message, coin, genesisChallenge })
 */
export function aggSigMessage(args: {
  opcode: AggSigOpcode
  message: Uint8Array
  coin: Coin
  genesisChallenge: Bytes32
}): Uint8Array {
  const { opcode, message, coin, genesisChallenge } = args
  const amount = bigintToAtom(coin.amount)
  let info: Uint8Array
  switch (opcode) {
    case ConditionOpcode.AGG_SIG_UNSAFE:
      return message
    case ConditionOpcode.AGG_SIG_ME:
      info = coinId(coin)
      break
    case ConditionOpcode.AGG_SIG_PARENT:
      info = coin.parentCoinInfo
      break
    case ConditionOpcode.AGG_SIG_PUZZLE:
      info = coin.puzzleHash
      break
    case ConditionOpcode.AGG_SIG_AMOUNT:
      info = amount
      break
    case ConditionOpcode.AGG_SIG_PUZZLE_AMOUNT:
      info = concatBytes(coin.puzzleHash, amount)
      break
    case ConditionOpcode.AGG_SIG_PARENT_AMOUNT:
      info = concatBytes(coin.parentCoinInfo, amount)
      break
    case ConditionOpcode.AGG_SIG_PARENT_PUZZLE:
      info = concatBytes(coin.parentCoinInfo, coin.puzzleHash)
      break
  }
  return concatBytes(message, info, aggSigAdditionalData(genesisChallenge, opcode))
}
