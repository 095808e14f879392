/**
 * The time-locked collateral vault: a real lock-up that not even the owner can withdraw before
 * `unlockTime` (unix seconds), built only from deployed puzzles:
 * `CAT2(assetId, augmented_condition(CONDITION = (ASSERT_SECONDS_ABSOLUTE unlockTime), INNER = standard(pk)))`.
 * Memos (this project's layout, dig-collateral.md §6.3): `[collateralHint(launcherId), pk (48 bytes), unlockTime (CLVM int)]`,
 * so a reader recomputes the puzzle hash from the memos instead of trusting them.
 * Not DIG-format: DIG tools do not count it. augmented_condition: Chia-Network/chia_puzzles
 * `puzzles/augmented_condition.clsp` @ 32561ab5 — `(c CONDITION (a INNER_PUZZLE inner_solution))`.
 */
import { atomToBigint, bigintToAtom } from '../clvm/int'
import { curry } from '../clvm/curry'
import { type Program, int, list } from '../clvm/program'
import { curryTreeHash, treeHash } from '../clvm/tree-hash'
import { AppError } from '../errors/app-error'
import { type Bytes32, assertBytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, assertAmount } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import { AUGMENTED_CONDITION_MOD, AUGMENTED_CONDITION_MOD_HASH } from '../puzzles/augmented-condition'
import { ConditionOpcode } from '../spends/condition-opcodes'
import type { LineageProof } from '../layers/lineage-proof'
import { catPuzzleHash } from '../cat/cat-puzzle'
import { type CatChild, NoCatCoinsError, sendCat } from '../cat/send-cat'
import type { StandardCatCoin, StandardCoin } from '../cat/standard-cat-coin'
import { standardPuzzle, standardPuzzleHash } from '../keys/standard-puzzle'
import { collateralHint } from './collateral-hint'
import { returnCollateralCoin } from './return-collateral-coin'
import { ZeroCollateralError } from './lock-collateral'

/** Who can withdraw a vault, and from when. */
export interface CollateralVaultTerms {
  syntheticPublicKey: Uint8Array
  /** Unix seconds; ASSERT_SECONDS_ABSOLUTE passes once the previous transaction block's timestamp is ≥ this. */
  unlockTime: bigint
}

/** A vault coin and everything needed to release it. */
export interface CollateralVaultCoin extends CollateralVaultTerms {
  coin: Coin
  lineageProof: LineageProof
}

export class InvalidUnlockTimeError extends AppError {
  override name = 'InvalidUnlockTimeError' as const
  constructor({ unlockTime }: { unlockTime: bigint }) {
    super('Unlock time must be a positive number of seconds.', { details: `got ${unlockTime}` })
  }
}

/** Building a release before the unlock time: the chain would reject it (ASSERT_SECONDS_ABSOLUTE). */
export class VaultStillLockedError extends AppError {
  override name = 'VaultStillLockedError' as const
  constructor({ unlockTime, now }: { unlockTime: bigint; now: bigint }) {
    super('Collateral is still time-locked.', { details: `unlocks at ${unlockTime}, now ${now}` })
  }
}

/** The vault coin is not at the puzzle hash its terms give. */
export class VaultPuzzleHashMismatchError extends AppError {
  override name = 'VaultPuzzleHashMismatchError' as const
  constructor({ expected, actual }: { expected: Bytes32; actual: Bytes32 }) {
    super('Vault coin does not match its owner key and unlock time.', {
      details: `expected ${bytesToHex(expected)}, coin ${bytesToHex(actual)}`,
    })
  }
}

const assertUnlockTime = (unlockTime: bigint): bigint => {
  if (unlockTime <= 0n) throw new InvalidUnlockTimeError({ unlockTime })
  return assertAmount(unlockTime, 'unlockTime')
}

/**
 * The curried CONDITION `(ASSERT_SECONDS_ABSOLUTE unlockTime)`.
 * @example programToHex(collateralVaultLockCondition(1900000000n)) // 'ff51ff84713fb30080'
 */
export const collateralVaultLockCondition = (unlockTime: bigint): Program =>
  list([int(ConditionOpcode.ASSERT_SECONDS_ABSOLUTE), int(assertUnlockTime(unlockTime))])

/**
 * The vault's inner puzzle (inside CAT2).
 * @example collateralVaultInnerPuzzle({ syntheticPublicKey, unlockTime: 1900000000n })
 */
export function collateralVaultInnerPuzzle(terms: CollateralVaultTerms): Program {
  return curry(AUGMENTED_CONDITION_MOD, [
    collateralVaultLockCondition(terms.unlockTime),
    standardPuzzle(terms.syntheticPublicKey),
  ])
}

/**
 * The vault's inner puzzle hash from hashes only.
 * @example bytesToHex(collateralVaultInnerPuzzleHash(terms)) // 'f53fd00e…'
 */
export function collateralVaultInnerPuzzleHash(terms: CollateralVaultTerms): Bytes32 {
  return curryTreeHash(AUGMENTED_CONDITION_MOD_HASH, [
    treeHash(collateralVaultLockCondition(terms.unlockTime)),
    standardPuzzleHash(terms.syntheticPublicKey),
  ])
}

/**
 * The vault coin's puzzle hash.
 * @example collateralVaultPuzzleHash(DIG_MAINNET_ASSET_ID, terms)
 */
export const collateralVaultPuzzleHash = (assetId: Bytes32, terms: CollateralVaultTerms): Bytes32 =>
  catPuzzleHash(assetId, collateralVaultInnerPuzzleHash(terms))

/**
 * Memos of a vault output: `[hint, syntheticPublicKey, unlockTime]`.
 * @example collateralVaultMemos(launcherId, terms)
 */
export function collateralVaultMemos(launcherId: Bytes32, terms: CollateralVaultTerms): Uint8Array[] {
  return [collateralHint(launcherId), terms.syntheticPublicKey, bigintToAtom(assertUnlockTime(terms.unlockTime))]
}

/**
 * Reads vault memos; `undefined` unless they have the vault layout (32-byte hint, 48-byte key,
 * positive time). The caller must still recompute the puzzle hash from the result.
 * @example parseCollateralVaultMemos(memos)?.unlockTime
 */
export function parseCollateralVaultMemos(
  memos: readonly Uint8Array[],
): (CollateralVaultTerms & { hint: Bytes32 }) | undefined {
  if (memos.length !== 3) return undefined
  const [hint, pk, time] = memos
  if (hint.length !== 32 || pk.length !== 48 || time.length === 0 || time.length > 9) return undefined
  const unlockTime = atomToBigint(time)
  if (unlockTime <= 0n || !equalBytes(bigintToAtom(unlockTime), time)) return undefined
  return { hint, syntheticPublicKey: pk, unlockTime }
}

/**
 * Builds the unsigned spends that lock `amount` into a vault for a store until `unlockTime`.
 * The owner key defaults to the first DIG coin's key.
 * @example lockCollateralVault({ assetId, launcherId, amount: 2500n, unlockTime: now + 30n * 86400n, catCoins })
 */
export function lockCollateralVault(args: {
  assetId: Bytes32
  launcherId: Bytes32
  amount: bigint
  unlockTime: bigint
  catCoins: readonly StandardCatCoin[]
  ownerSyntheticPublicKey?: Uint8Array
  changePuzzleHash?: Bytes32
  fee?: bigint
  feeCoins?: readonly StandardCoin[]
  feeChangePuzzleHash?: Bytes32
}): { coinSpends: CoinSpend[]; vault: CollateralVaultCoin & { hint: Bytes32 }; change?: CatChild; feeChangeCoin?: Coin } {
  if (args.amount <= 0n) throw new ZeroCollateralError()
  if (args.catCoins.length === 0) throw new NoCatCoinsError()
  const terms: CollateralVaultTerms = {
    syntheticPublicKey: args.ownerSyntheticPublicKey ?? args.catCoins[0].syntheticPublicKey,
    unlockTime: assertUnlockTime(args.unlockTime),
  }
  const launcherId = assertBytes32(args.launcherId, 'launcherId')
  const sent = sendCat({
    assetId: args.assetId,
    catCoins: args.catCoins,
    outputs: [{ puzzleHash: collateralVaultInnerPuzzleHash(terms), amount: args.amount, memos: collateralVaultMemos(launcherId, terms) }],
    changePuzzleHash: args.changePuzzleHash ?? standardPuzzleHash(args.catCoins[0].syntheticPublicKey),
    fee: args.fee,
    feeCoins: args.feeCoins,
    feeChangePuzzleHash: args.feeChangePuzzleHash,
  })
  const [output] = sent.outputs
  return {
    coinSpends: sent.coinSpends,
    vault: { ...terms, coin: output.coin, lineageProof: output.lineageProof, hint: collateralHint(launcherId) },
    change: sent.change,
    feeChangeCoin: sent.feeChangeCoin,
  }
}

/**
 * Builds the unsigned spends that return a vault to its owner. Pass `now` (unix seconds) to refuse
 * early releases before building; the chain rejects them anyway with ASSERT_SECONDS_ABSOLUTE_FAILED.
 * @example releaseCollateralVault({ assetId, vault, now: BigInt(Math.floor(Date.now() / 1000)) })
 */
export function releaseCollateralVault(args: {
  assetId: Bytes32
  vault: CollateralVaultCoin
  now?: bigint
  destinationPuzzleHash?: Bytes32
  fee?: bigint
  feeCoins?: readonly StandardCoin[]
  feeChangePuzzleHash?: Bytes32
}): { coinSpends: CoinSpend[]; returned: CatChild; feeChangeCoin?: Coin } {
  const { assetId, vault } = args
  if (args.now !== undefined && args.now < vault.unlockTime) {
    throw new VaultStillLockedError({ unlockTime: vault.unlockTime, now: args.now })
  }
  const innerPuzzle = collateralVaultInnerPuzzle(vault)
  const expected = catPuzzleHash(assetId, treeHash(innerPuzzle))
  if (!equalBytes(expected, vault.coin.puzzleHash)) {
    throw new VaultPuzzleHashMismatchError({ expected, actual: vault.coin.puzzleHash })
  }
  const ownerPuzzleHash = standardPuzzleHash(vault.syntheticPublicKey)
  const destination = assertBytes32(args.destinationPuzzleHash ?? ownerPuzzleHash, 'destinationPuzzleHash')
  return returnCollateralCoin({
    assetId,
    coin: vault.coin,
    lineageProof: vault.lineageProof,
    innerPuzzle,
    innerPuzzleHash: treeHash(innerPuzzle),
    // augmented_condition's solution is `(inner_solution)`.
    innerSolution: (standardSolution) => list([standardSolution]),
    destination,
    ownerPuzzleHash,
    fee: args.fee,
    feeCoins: args.feeCoins,
    feeChangePuzzleHash: args.feeChangePuzzleHash,
  })
}
