/**
 * The devnet's DIG test CAT: a real CAT2 issuance spend (chia-blockchain
 * `chia/wallet/cat_wallet/puzzles/cat_v2.clsp`: a CAT coin whose parent is not a CAT must reveal a
 * TAIL through the magic condition `(51 () -113 tail tail_solution)`).
 *
 * The TAIL is devnet-specific and approves every issuance: `(r (q "DataLayer Studio devnet DIG"))`
 * evaluates to `()`. Its tree hash is the devnet's `dig_asset_id` (mainnet DIG is a406d3a9…2f81,
 * dig-collateral.md; builders must take the asset id from `get_network_info`).
 *
 * Issuance: a faucet coin at the anyone-can-spend puzzle `1` creates the eve CAT (inner puzzle `1`),
 * which in the same bundle reveals the TAIL and creates the recipient's CAT coin hinted with the
 * recipient's inner puzzle hash (the way wallets find CATs).
 */
import { curry } from '@/lib/chia/clvm/curry'
import { type Program, NIL, atom, cons, int, list, str } from '@/lib/chia/clvm/program'
import { programToBytes } from '@/lib/chia/clvm/serialize'
import { atomHash, curryTreeHash, treeHash } from '@/lib/chia/clvm/tree-hash'
import { type Bytes32 } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { CAT_MOD, CAT_MOD_HASH } from '@/lib/chia/puzzles/cat-v2'

/** `(r (q "DataLayer Studio devnet DIG"))` → `()`: anyone may issue devnet DIG. */
export const DIG_TAIL: Program = list([int(6), cons(int(1), list([str('DataLayer Studio devnet DIG')]))])
export const DEVNET_DIG_ASSET_ID: Bytes32 = treeHash(DIG_TAIL)

/** Anyone-can-spend: the puzzle `1` returns its solution as its conditions. */
export const ANYONE_CAN_SPEND: Program = int(1)
export const ANYONE_CAN_SPEND_HASH: Bytes32 = treeHash(ANYONE_CAN_SPEND)

const catOf = (inner: Program): Program => curry(CAT_MOD, [atom(CAT_MOD_HASH), atom(DEVNET_DIG_ASSET_ID), inner])

/** The puzzle hash of a devnet DIG coin owned by `innerPuzzleHash`. */
export const digPuzzleHash = (innerPuzzleHash: Bytes32): Bytes32 =>
  curryTreeHash(CAT_MOD_HASH, [atomHash(CAT_MOD_HASH), atomHash(DEVNET_DIG_ASSET_ID), innerPuzzleHash])

const createCoin = (puzzleHash: Uint8Array, amount: bigint, memos?: Uint8Array[]): Program =>
  list([int(51), atom(puzzleHash), int(amount), ...(memos ? [list(memos.map(atom))] : [])])

export interface DigIssuance {
  spendBundle: SpendBundle
  /** The recipient's DIG coin. */
  coin: Coin
  /** Lineage proof the recipient needs to spend `coin`. */
  lineageProof: { parentParentCoinInfo: Bytes32; parentInnerPuzzleHash: Bytes32; parentAmount: bigint }
}

/**
 * The issuance bundle turning `faucetCoin` (at {@link ANYONE_CAN_SPEND_HASH}) into a DIG coin of
 * the same amount for `recipientPuzzleHash`. Needs no signature (infinity aggregate).
 */
export function digIssuance(faucetCoin: Coin, recipientPuzzleHash: Bytes32): DigIssuance {
  const amount = faucetCoin.amount
  const eveInner = ANYONE_CAN_SPEND
  const evePuzzle = catOf(eveInner)
  const eve: Coin = { parentCoinInfo: coinId(faucetCoin), puzzleHash: treeHash(evePuzzle), amount }
  const eveId = coinId(eve)
  const innerConditions = list([
    createCoin(recipientPuzzleHash, amount, [recipientPuzzleHash]),
    list([int(51), NIL, int(-113), DIG_TAIL, NIL]),
  ])
  const eveSolution = list([
    innerConditions,
    NIL, // no lineage proof: the parent is not a CAT, so the TAIL must approve
    atom(eveId),
    list([atom(eve.parentCoinInfo), atom(eve.puzzleHash), int(amount)]),
    list([atom(eve.parentCoinInfo), atom(ANYONE_CAN_SPEND_HASH), int(amount)]),
    int(0),
    int(0),
  ])
  const infinity = new Uint8Array(96)
  infinity[0] = 0xc0
  const spendBundle: SpendBundle = {
    coinSpends: [
      {
        coin: faucetCoin,
        puzzleReveal: programToBytes(ANYONE_CAN_SPEND),
        solution: programToBytes(list([createCoin(eve.puzzleHash, amount)])),
      },
      { coin: eve, puzzleReveal: programToBytes(evePuzzle), solution: programToBytes(eveSolution) },
    ],
    aggregatedSignature: infinity,
  }
  return {
    spendBundle,
    coin: { parentCoinInfo: eveId, puzzleHash: digPuzzleHash(recipientPuzzleHash), amount },
    lineageProof: { parentParentCoinInfo: eve.parentCoinInfo, parentInnerPuzzleHash: ANYONE_CAN_SPEND_HASH, parentAmount: amount },
  }
}
