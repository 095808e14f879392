/**
 * The decoded effect of a set of unsigned coin spends, computed by running every puzzle locally
 * (PRODUCT.md §2 "What you sign is what you see"): coins spent and created, the fee, and the XCH
 * that leaves the wallet. It refuses — throws — when a reveal does not hash to its coin's puzzle
 * hash, when a spend fails to run, when value would be created from nothing, or when the wallet
 * would pay more (or a higher fee) than the user agreed to. The runner is injected (the pure-TS
 * runner in the browser, clvm_rs in Node tests).
 */
import { toBigint, toList, isAtom, type Program } from '@/lib/chia/clvm/program'
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import { treeHash } from '@/lib/chia/clvm/tree-hash'
import { bytesToHex, equalBytes, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId, type Coin } from '@/lib/chia/primitives/coin'
import type { CoinSpend } from '@/lib/chia/primitives/coin-spend'
import { ConditionOpcode } from '@/lib/chia/spends/condition-opcodes'

import {
  FeeExceedsAllowanceError,
  NegativeFeeError,
  OutflowExceedsAllowanceError,
  RevealMismatchError,
  SpendWouldFailError,
} from './preview-errors'

/** Whose coin it is, as far as the preview can tell. */
export type CoinOwner = 'wallet' | 'store' | 'other'

export interface PreviewCoin {
  coin: Coin
  coinId: Bytes32
  owner: CoinOwner
  /** Created and spent inside this bundle (e.g. a launcher). */
  ephemeral: boolean
}

export interface CoinSpendsPreview {
  spent: PreviewCoin[]
  created: (PreviewCoin & { memos: Uint8Array[] })[]
  /** Value destroyed by the bundle (spent − created): what the farmer receives. */
  fee: bigint
  /** Sum of RESERVE_FEE conditions (the fee the bundle explicitly promises). */
  reservedFee: bigint
  /** XCH the wallet loses: its spent coins minus the coins created back to it. */
  walletOutflow: bigint
  /** XCH paid to addresses that are neither the wallet nor a store coin (e.g. an oracle fee). */
  paidToOthers: bigint
  /** CLVM cost of running every puzzle (no signature or size cost). */
  cost: bigint
}

export interface PreviewOptions {
  runner: ClvmRunner
  /** The wallet's standard puzzle hashes (one per key). */
  walletPuzzleHashes: readonly Bytes32[]
  /** Puzzle hashes of store coins involved (spent or predicted), shown as "store". */
  storePuzzleHashes?: readonly Bytes32[]
  /** The most XCH the user agreed may leave the wallet (fee + oracle fee + 1 mojo to mint…). */
  maxWalletOutflow: bigint
  /** The most fee the user agreed to; defaults to no separate check. */
  maxFee?: bigint
}

const hex = bytesToHex

/**
 * Runs every coin spend and returns the decoded effect; throws when it must not be signed.
 *
 * @example
 * const preview = previewCoinSpends(coinSpends, { runner: createTsRunner(), walletPuzzleHashes, maxWalletOutflow: fee + 1n })
 * preview.walletOutflow // 100_001n
 */
export function previewCoinSpends(coinSpends: readonly CoinSpend[], options: PreviewOptions): CoinSpendsPreview {
  const wallet = new Set(options.walletPuzzleHashes.map(hex))
  const stores = new Set((options.storePuzzleHashes ?? []).map(hex))
  const ownerOf = (puzzleHash: Bytes32): CoinOwner => (wallet.has(hex(puzzleHash)) ? 'wallet' : stores.has(hex(puzzleHash)) ? 'store' : 'other')

  const spentIds = new Set<string>()
  const spentCoins: { coin: Coin; id: Bytes32 }[] = []
  const createdCoins: { coin: Coin; id: Bytes32; memos: Uint8Array[] }[] = []
  let reservedFee = 0n
  let cost = 0n

  for (const cs of coinSpends) {
    const id = coinId(cs.coin)
    let puzzle: Program
    let solution: Program
    try {
      puzzle = programFromBytes(cs.puzzleReveal)
      solution = programFromBytes(cs.solution)
    } catch (e) {
      throw new SpendWouldFailError({ coinId: id, cause: e })
    }
    const revealHash = treeHash(puzzle)
    if (!equalBytes(revealHash, cs.coin.puzzleHash)) throw new RevealMismatchError({ coinId: id, expected: cs.coin.puzzleHash, actual: revealHash })
    let conditions: Program[]
    try {
      const result = options.runner.run(puzzle, solution)
      cost += result.cost
      conditions = toList(result.value)
    } catch (e) {
      throw new SpendWouldFailError({ coinId: id, cause: e })
    }
    spentIds.add(hex(id))
    spentCoins.push({ coin: cs.coin, id })
    for (const c of conditions) {
      const args = toList(c)
      if (args.length === 0 || !isAtom(args[0])) continue
      const op = toBigint(args[0])
      if (op === BigInt(ConditionOpcode.CREATE_COIN) && args.length >= 3) {
        const amount = toBigint(args[2])
        // A negative amount is the singleton's melt marker; the singleton layer never outputs it.
        if (amount < 0n) continue
        const memos = args.length > 3 && args[3].pair ? toList(args[3]).filter(isAtom).map((m) => m.atom) : []
        const coin: Coin = { parentCoinInfo: id, puzzleHash: args[1].atom!, amount }
        createdCoins.push({ coin, id: coinId(coin), memos })
      } else if (op === BigInt(ConditionOpcode.RESERVE_FEE) && args.length >= 2) {
        reservedFee += toBigint(args[1])
      }
    }
  }

  const createdIds = new Set(createdCoins.map((c) => hex(c.id)))
  const spent = spentCoins.map(({ coin, id }) => ({ coin, coinId: id, owner: ownerOf(coin.puzzleHash), ephemeral: createdIds.has(hex(id)) }))
  const created = createdCoins.map(({ coin, id, memos }) => ({ coin, coinId: id, owner: ownerOf(coin.puzzleHash), ephemeral: spentIds.has(hex(id)), memos }))

  const sum = (coins: { coin: Coin }[]) => coins.reduce((t, c) => t + c.coin.amount, 0n)
  const spentTotal = sum(spent)
  const createdTotal = sum(created)
  const fee = spentTotal - createdTotal
  if (fee < 0n) throw new NegativeFeeError({ spent: spentTotal, created: createdTotal })

  const walletOutflow = sum(spent.filter((c) => c.owner === 'wallet')) - sum(created.filter((c) => c.owner === 'wallet'))
  const paidToOthers = sum(created.filter((c) => c.owner === 'other' && !c.ephemeral))
  if (walletOutflow > options.maxWalletOutflow) throw new OutflowExceedsAllowanceError({ outflow: walletOutflow, allowance: options.maxWalletOutflow })
  if (options.maxFee !== undefined && fee > options.maxFee) throw new FeeExceedsAllowanceError({ fee, allowance: options.maxFee })

  return { spent, created, fee, reservedFee, walletOutflow, paidToOthers, cost }
}
