/**
 * Validates one candidate collateral coin of a store (found by hint) from its parent's coin spend,
 * as a public page must (dig-collateral.md §3): the parent coin creates this coin id, the parent's
 * reveal hashes to the parent's puzzle hash, the parent is CAT2 of the DIG asset (so the value is
 * DIG, not XCH at a CAT-looking hash), the output is selected by coin id (not the first match), and
 * its first memo is the store's hint. Both DIG puzzle generations and the time-locked vault are
 * recognised. A coin that fails is returned with `counted: false` and a reason, never thrown, so a
 * page can list it as "not counted".
 * Sources: DIG-Network/DataLayer-Driver `DigCollateralCoin::from_coin_state`; dig-mirror-coin SPEC §5,
 * §8.2 (C1); dig-collateral.md §3, §6.3.
 */
import type { Program } from '../clvm/program'
import type { ClvmRunner } from '../clvm/runner'
import { programFromBytes } from '../clvm/serialize'
import { treeHash } from '../clvm/tree-hash'
import { type Bytes32, bytesToHex, equalBytes } from '../primitives/bytes'
import { type Coin, coinId } from '../primitives/coin'
import type { CoinSpend } from '../primitives/coin-spend'
import type { LineageProof } from '../layers/lineage-proof'
import { catLineageProof } from '../cat/cat-lineage'
import { parseCatPuzzle } from '../cat/cat-puzzle'
import { parseCreateCoins } from '../cat/parse-create-coins'
import { standardPuzzleHash } from '../keys/standard-puzzle'
import { standardLayer } from '../layers/standard-layer'
import { collateralHint } from './collateral-hint'
import { type CollateralGeneration, collateralGenerationOf } from './collateral-puzzle'
import { collateralVaultPuzzleHash, parseCollateralVaultMemos } from './collateral-vault'

/** Why a candidate coin is not counted. */
export type CollateralRejection =
  | 'parentMismatch'
  | 'revealMismatch'
  | 'parentNotCat'
  | 'wrongAsset'
  | 'parentRunFailed'
  | 'outputNotFound'
  | 'hintMismatch'
  | 'unknownPuzzle'
  | 'nonStandardOwner'
  | 'zeroAmount'

/** The result of validating one candidate collateral coin. */
export interface CollateralReading {
  coin: Coin
  coinId: Bytes32
  /** 'dig': DIG Network format (withdrawable any time); 'vault': time-locked; 'unknown': neither. */
  kind: 'dig' | 'vault' | 'unknown'
  amount: bigint
  counted: boolean
  reason?: CollateralRejection
  details?: string
  generation?: CollateralGeneration
  /** Who locked it and can withdraw it: the parent's inner puzzle hash ('dig') or the vault key's puzzle hash. */
  ownerPuzzleHash?: Bytes32
  /** The owner's synthetic key, when the owner is a standard puzzle. */
  syntheticPublicKey?: Uint8Array
  /** Vault only: unix seconds from which the owner may withdraw. */
  unlockTime?: bigint
  /** The collateral's CAT lineage proof, what a release needs. */
  lineageProof?: LineageProof
  memos?: Uint8Array[]
}

/**
 * Validates a candidate collateral coin against its parent's spend.
 * @example readCollateral({ coin, parentSpend, assetId: DIG_MAINNET_ASSET_ID, launcherId, runner })
 */
export function readCollateral(args: {
  coin: Coin
  /** The parent coin (from its coin record) with the puzzle reveal and solution it was spent with. */
  parentSpend: CoinSpend
  assetId: Bytes32
  launcherId: Bytes32
  runner: ClvmRunner
}): CollateralReading {
  const { coin, parentSpend, assetId, runner } = args
  const id = coinId(coin)
  const generation = collateralGenerationOf(coin.puzzleHash, assetId)
  const base: CollateralReading = {
    coin,
    coinId: id,
    kind: generation ? 'dig' : 'unknown',
    amount: coin.amount,
    counted: false,
    generation,
  }
  const reject = (reason: CollateralRejection, details: string, extra: Partial<CollateralReading> = {}) => ({
    ...base,
    ...extra,
    counted: false,
    reason,
    details,
  })

  const parentId = coinId(parentSpend.coin)
  if (!equalBytes(parentId, coin.parentCoinInfo)) {
    return reject('parentMismatch', `coin's parent ${bytesToHex(coin.parentCoinInfo)}, parent record ${bytesToHex(parentId)}`)
  }
  let parentPuzzle: Program
  let parentSolution: Program
  try {
    parentPuzzle = programFromBytes(parentSpend.puzzleReveal)
    parentSolution = programFromBytes(parentSpend.solution)
  } catch (e) {
    return reject('revealMismatch', `parent puzzle or solution does not decode: ${(e as Error).message}`)
  }
  const revealHash = treeHash(parentPuzzle)
  if (!equalBytes(revealHash, parentSpend.coin.puzzleHash)) {
    return reject('revealMismatch', `parent puzzle hash ${bytesToHex(parentSpend.coin.puzzleHash)}, reveal ${bytesToHex(revealHash)}`)
  }
  let cat
  try {
    cat = parseCatPuzzle(parentPuzzle)
  } catch (e) {
    return reject('parentNotCat', (e as Error).message)
  }
  if (!cat) return reject('parentNotCat', 'parent puzzle is not CAT2')
  if (!equalBytes(cat.assetId, assetId)) {
    return reject('wrongAsset', `parent asset ${bytesToHex(cat.assetId)}, expected ${bytesToHex(assetId)}`)
  }
  const parentInnerPuzzleHash = treeHash(cat.innerPuzzle)
  const lineageProof = catLineageProof(parentSpend.coin, parentInnerPuzzleHash)

  let outputs
  try {
    outputs = parseCreateCoins(runner.run(parentPuzzle, parentSolution).value)
  } catch (e) {
    return reject('parentRunFailed', (e as Error).message, { lineageProof })
  }
  const output = outputs.find((o) =>
    equalBytes(coinId({ parentCoinInfo: parentId, puzzleHash: o.puzzleHash, amount: o.amount }), id),
  )
  if (!output) return reject('outputNotFound', 'the parent spend creates no coin with this id', { lineageProof })
  const memos = output.memos
  const hint = collateralHint(args.launcherId)
  if (memos.length === 0 || !equalBytes(memos[0], hint)) {
    return reject('hintMismatch', `first memo is not the store's collateral hint ${bytesToHex(hint)}`, { lineageProof, memos })
  }

  if (generation) {
    const owner = { ownerPuzzleHash: parentInnerPuzzleHash, lineageProof, memos }
    let syntheticPublicKey: Uint8Array | undefined
    try {
      syntheticPublicKey = standardLayer.parse(cat.innerPuzzle)
    } catch (e) {
      return reject('nonStandardOwner', `malformed standard puzzle: ${(e as Error).message}`, owner)
    }
    if (!syntheticPublicKey) {
      // P2Parent re-runs the parent's inner puzzle: if it is not a key-controlled standard puzzle the
      // coin may be anyone-can-spend (e.g. settlement_payments) or stuck forever (§1.3).
      return reject('nonStandardOwner', 'the locking coin was not a standard wallet puzzle', owner)
    }
    if (coin.amount === 0n) return reject('zeroAmount', 'a zero-amount coin is not collateral', owner)
    return { ...base, ...owner, counted: true, syntheticPublicKey }
  }

  const terms = parseCollateralVaultMemos(memos)
  if (terms && equalBytes(collateralVaultPuzzleHash(assetId, terms), coin.puzzleHash)) {
    const vault = {
      kind: 'vault' as const,
      ownerPuzzleHash: standardPuzzleHash(terms.syntheticPublicKey),
      syntheticPublicKey: terms.syntheticPublicKey,
      unlockTime: terms.unlockTime,
      lineageProof,
      memos,
    }
    if (coin.amount === 0n) return reject('zeroAmount', 'a zero-amount coin is not collateral', vault)
    return { ...base, ...vault, counted: true }
  }
  return reject('unknownPuzzle', `puzzle hash ${bytesToHex(coin.puzzleHash)} is neither DIG collateral nor a vault of these memos`, {
    lineageProof,
    memos,
  })
}

/**
 * Sum of the counted coins' amounts (this project's policy: every valid coin under the store's hint
 * counts, whoever locked it; DIG's own tools use the single largest coin).
 * @example countedCollateralAmount(readings) // 2500n
 */
export function countedCollateralAmount(readings: readonly CollateralReading[]): bigint {
  return readings.reduce((sum, r) => (r.counted ? sum + r.amount : sum), 0n)
}
