/**
 * Typed failures of the DataLayer store builders and parsers. Each one names what the chain (or
 * the protocol) would reject, with the offending values, so the UI can explain it.
 */
import { AppError } from '../errors/app-error'
import { bytesToHex } from '../primitives/bytes'

export class OddOracleFeeError extends AppError {
  override name = 'OddOracleFeeError' as const
  constructor({ oracleFee }: { oracleFee: bigint }) {
    super('The oracle fee must be an even number of mojos.', { details: `got ${oracleFee}` })
  }
}

export class InvalidOracleFeeError extends AppError {
  override name = 'InvalidOracleFeeError' as const
  constructor({ oracleFee }: { oracleFee: bigint }) {
    super('The oracle fee must be between 0 and 2^64-1 mojos.', { details: `got ${oracleFee}` })
  }
}

export class InvalidDelegatedPuzzleMemoError extends AppError {
  override name = 'InvalidDelegatedPuzzleMemoError' as const
  constructor({ reason, memo }: { reason: string; memo?: Uint8Array }) {
    super('A delegated puzzle memo is malformed.', { details: memo ? `${reason}: 0x${bytesToHex(memo)}` : reason })
  }
}

export class InvalidStoreMemoError extends AppError {
  override name = 'InvalidStoreMemoError' as const
  constructor({ reason, memo }: { reason: string; memo?: Uint8Array }) {
    super('The store coin memos are malformed.', { details: memo ? `${reason}: 0x${bytesToHex(memo)}` : reason })
  }
}

export class InvalidMetadataError extends AppError {
  override name = 'InvalidMetadataError' as const
  constructor({ reason }: { reason: string }) {
    super('The store metadata is malformed.', { details: reason })
  }
}

export class NoCoinsSelectedError extends AppError {
  override name = 'NoCoinsSelectedError' as const
  constructor() {
    super('At least one coin must be selected to pay for this transaction.')
  }
}

export class InsufficientFundsError extends AppError {
  override name = 'InsufficientFundsError' as const
  constructor({ required, available }: { required: bigint; available: bigint }) {
    super('The selected coins do not cover the amount and fee.', { details: `need ${required} mojos, have ${available}` })
  }
}

export class CoinNotOwnedError extends AppError {
  override name = 'CoinNotOwnedError' as const
  constructor({ coinPuzzleHash, keyPuzzleHash }: { coinPuzzleHash: Uint8Array; keyPuzzleHash: Uint8Array }) {
    super('A selected coin does not belong to the signing key.', {
      details: `coin puzzle hash ${bytesToHex(coinPuzzleHash)}, key puzzle hash ${bytesToHex(keyPuzzleHash)}`,
    })
  }
}

export class WrongOwnerKeyError extends AppError {
  override name = 'WrongOwnerKeyError' as const
  constructor({ ownerPuzzleHash, keyPuzzleHash }: { ownerPuzzleHash: Uint8Array; keyPuzzleHash: Uint8Array }) {
    super('This key does not own the store.', {
      details: `store owner puzzle hash ${bytesToHex(ownerPuzzleHash)}, key puzzle hash ${bytesToHex(keyPuzzleHash)}`,
    })
  }
}

export class NotADelegateError extends AppError {
  override name = 'NotADelegateError' as const
  constructor({ role, keyPuzzleHash, launcherId }: { role: 'admin' | 'writer'; keyPuzzleHash: Uint8Array; launcherId: Uint8Array }) {
    super(`This key is not ${role === 'admin' ? 'an admin' : 'a writer'} of the store.`, {
      details: `store ${bytesToHex(launcherId)}, key puzzle hash ${bytesToHex(keyPuzzleHash)}`,
    })
  }
}

export class AdminCannotChangeOwnerError extends AppError {
  override name = 'AdminCannotChangeOwnerError' as const
  constructor({ ownerPuzzleHash, newOwnerPuzzleHash }: { ownerPuzzleHash: Uint8Array; newOwnerPuzzleHash: Uint8Array }) {
    super('An admin cannot change the store owner; only the owner can transfer it.', {
      details: `owner ${bytesToHex(ownerPuzzleHash)}, requested ${bytesToHex(newOwnerPuzzleHash)}`,
    })
  }
}

export class AdminCannotRemoveAllDelegatesError extends AppError {
  override name = 'AdminCannotRemoveAllDelegatesError' as const
  constructor({ launcherId }: { launcherId: Uint8Array }) {
    super('An admin cannot set an empty delegate list; only the owner can remove the delegation layer.', {
      details: `store ${bytesToHex(launcherId)}: the delegation layer would stay with an empty merkle root`,
    })
  }
}

export class WriterCannotChangeDelegationError extends AppError {
  override name = 'WriterCannotChangeDelegationError' as const
  constructor() {
    super('A writer can update metadata but cannot change the owner or the delegates.')
  }
}

export class NoOracleDelegateError extends AppError {
  override name = 'NoOracleDelegateError' as const
  constructor({ launcherId }: { launcherId: Uint8Array }) {
    super('This store has no oracle delegate.', { details: `store ${bytesToHex(launcherId)}` })
  }
}

export class StorePuzzleHashMismatchError extends AppError {
  override name = 'StorePuzzleHashMismatchError' as const
  constructor({ expected, actual, context }: { expected: Uint8Array; actual: Uint8Array; context: string }) {
    super('The store state does not hash to its coin’s puzzle hash.', {
      details: `${context}: coin ${bytesToHex(actual)}, state ${bytesToHex(expected)}`,
    })
  }
}

export class MissingChildError extends AppError {
  override name = 'MissingChildError' as const
  constructor({ coinId }: { coinId: Uint8Array }) {
    super('The store spend creates no store coin and does not melt it.', { details: `coin ${bytesToHex(coinId)}` })
  }
}

export class NotADataStoreSpendError extends AppError {
  override name = 'NotADataStoreSpendError' as const
  constructor({ coinId, reason }: { coinId: Uint8Array; reason: string }) {
    super('This coin spend is not a DataLayer store spend.', { details: `coin ${bytesToHex(coinId)}: ${reason}` })
  }
}

export class BrokenStoreHistoryError extends AppError {
  override name = 'BrokenStoreHistoryError' as const
  constructor({ index, reason }: { index: number; reason: string }) {
    super('The spends do not form one store’s history.', { details: `spend #${index}: ${reason}` })
  }
}

export class MissingOwnerPuzzleError extends AppError {
  override name = 'MissingOwnerPuzzleError' as const
  constructor({ launcherId }: { launcherId: Uint8Array }) {
    super('A store without delegates is spent by its owner puzzle, which was not given.', { details: `store ${bytesToHex(launcherId)}` })
  }
}

export class DataStoreMeltedError extends AppError {
  override name = 'DataStoreMeltedError' as const
  constructor({ coinId }: { coinId: Uint8Array }) {
    super('This spend melts the store; no store coin follows it.', { details: `coin ${bytesToHex(coinId)}` })
  }
}

export class MetadataUpdaterMismatchError extends AppError {
  override name = 'MetadataUpdaterMismatchError' as const
  constructor({ expected, actual }: { expected: Uint8Array; actual: Uint8Array }) {
    super('The metadata update reveals a different updater than the store commits to.', {
      details: `expected ${bytesToHex(expected)}, got ${bytesToHex(actual)}`,
    })
  }
}

export class DelegateIsOwnerError extends AppError {
  override name = 'DelegateIsOwnerError' as const
  constructor({ role, puzzleHash }: { role: 'admin' | 'writer'; puzzleHash: Uint8Array }) {
    super(`This ${role} key is also the owner key; the delegation layer takes the owner path for it, so spend as the owner.`, {
      details: `puzzle hash ${bytesToHex(puzzleHash)}`,
    })
  }
}

export class ChiaMemoFormatUnsupportedError extends AppError {
  override name = 'ChiaMemoFormatUnsupportedError' as const
  constructor() {
    super('The Chia wallet hint format only fits owner updates of stores without delegates whose metadata is the root alone.')
  }
}
