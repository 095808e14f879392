/**
 * The embedded devnet: a validating single-node Chia chain. Every block is a transaction block;
 * blocks come from `farmBlocks` (the simulator's farm_block) or, with auto-farming on, every
 * `blockSeconds` while the mempool holds something. Rewards follow chia-blockchain
 * `chia/consensus/coinbase.py` (pool/farmer parent ids from the genesis challenge and height).
 * State persists to `<dir>/state.json` (atomic rename) and replays on start.
 */
import { createHash } from 'node:crypto'
import { type Bytes32, bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, coinId } from '@/lib/chia/primitives/coin'
import type { SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { AppError } from '@/lib/chia/errors/app-error'
import { type BlsVerifier, createBlsVerifier } from './bls-verifier'
import { ConsensusError, type ChiaErr } from './chia-err'
import { CoinStore, type StoredCoinRecord } from './coin-store'
import {
  DEFAULT_BLOCK_SECONDS,
  DEVNET_GENESIS_CHALLENGE,
  FARMER_REWARD,
  MAX_BLOCK_COST,
  POOL_REWARD,
} from './devnet-constants'
import { ANYONE_CAN_SPEND_HASH, type DigIssuance, digIssuance } from './dig-issuance'
import { Mempool, type MempoolItem, mempoolItem } from './mempool'
import { type Json, handleRpc } from './rpc-handler'
import { loadState, saveState, type PersistedState } from './state-file'
import { type ValidatedBundle, checkTimeLocks, validateSpendBundle } from './validate-spend-bundle'

/** Puzzle hash receiving the rewards of blocks nobody asked for (auto-farmed). */
export const DEVNET_FARMER_PUZZLE_HASH: Bytes32 = sha256(utf8ToBytes('DataLayer Studio devnet farmer'))

export interface BlockTransaction {
  nameHex: string
  spendBundle: SpendBundle
  fee: bigint
  cost: bigint
}

export interface DevnetBlock {
  height: number
  headerHash: Bytes32
  prevHash: Bytes32
  timestamp: bigint
  farmerPuzzleHash: Bytes32
  fees: bigint
  cost: bigint
  transactions: BlockTransaction[]
  /** Coin ids created (incl. rewards) and spent in this block. */
  additionIds: string[]
  removalIds: string[]
}

export interface DevnetOptions {
  /** State directory; omit for an in-memory devnet. */
  dir?: string
  blockSeconds?: number
  /** Milliseconds since the epoch (injected so tests control time). */
  clock?: () => number
  autoFarm?: boolean
  genesisChallenge?: Bytes32
  log?: (line: string) => void
}

export type PushStatus = 'SUCCESS' | 'PENDING'

export interface PushResult {
  status: PushStatus
  nameHex: string
  /** Why a PENDING bundle waits (MEMPOOL_CONFLICT or a height lock). */
  err?: ChiaErr
}

export class DevnetStateError extends AppError {
  override name = 'DevnetStateError' as const
}

export class Devnet {
  readonly coinStore = new CoinStore()
  readonly mempool = new Mempool()
  readonly blocks: DevnetBlock[] = []
  readonly genesisChallenge: Bytes32
  readonly blockSeconds: number
  autoFarm: boolean
  private timeOffsetSeconds = 0n
  private salt = 0
  private timer: NodeJS.Timeout | undefined
  private readonly clock: () => number
  private readonly log: (line: string) => void

  private constructor(
    private readonly bls: BlsVerifier,
    private readonly options: DevnetOptions,
  ) {
    this.genesisChallenge = options.genesisChallenge ?? DEVNET_GENESIS_CHALLENGE
    this.blockSeconds = options.blockSeconds ?? DEFAULT_BLOCK_SECONDS
    this.autoFarm = options.autoFarm ?? true
    this.clock = options.clock ?? (() => Date.now())
    this.log = options.log ?? (() => {})
  }

  /** Creates (or reloads from `options.dir`) a devnet. Call `start()` for automatic blocks. */
  static async create(options: DevnetOptions = {}): Promise<Devnet> {
    const devnet = new Devnet(await createBlsVerifier(), options)
    const saved = options.dir ? loadState(options.dir) : undefined
    if (saved) devnet.restore(saved)
    else {
      devnet.appendBlock([], DEVNET_FARMER_PUZZLE_HASH, { rewards: false })
      devnet.persist()
    }
    return devnet
  }

  get peak(): DevnetBlock {
    return this.blocks[this.blocks.length - 1]
  }

  get now(): bigint {
    return BigInt(Math.floor(this.clock() / 1000)) + this.timeOffsetSeconds
  }

  /** Starts the block timer (every `blockSeconds`, only when there is something to confirm). */
  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      if (!this.autoFarm) return
      if (this.mempool.items.size === 0 && this.mempool.pending.size === 0) return
      try {
        this.farmBlocks(1, DEVNET_FARMER_PUZZLE_HASH)
      } catch (e) {
        this.log(`block production failed: ${(e as Error).message}`)
      }
    }, this.blockSeconds * 1000)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  /** Answers one full-node RPC call in process (same objects the HTTP server serializes). */
  rpc(method: string, params: unknown = {}): Record<string, Json | undefined> {
    return handleRpc(this, method, params)
  }

  /** Validates a bundle against the peak, the way push_tx does. */
  validate(bundle: SpendBundle): ValidatedBundle {
    return validateSpendBundle(
      bundle,
      {
        peak: { height: this.peak.height, timestamp: this.peak.timestamp },
        getCoinRecord: (id) => this.coinStore.get(id),
        genesisChallenge: this.genesisChallenge,
      },
      this.bls,
    )
  }

  /**
   * push_tx: validates and adds to the mempool. Returns SUCCESS or PENDING (height lock not
   * reached, or a conflict that does not out-bid the mempool); throws ConsensusError otherwise.
   */
  pushTx(bundle: SpendBundle): PushResult {
    const result = this.admit(bundle)
    this.persist()
    return result
  }

  private admit(bundle: SpendBundle): PushResult {
    const validated = this.validate(bundle)
    const item = mempoolItem(validated, this.peak.height)
    if (this.mempool.has(item.nameHex)) return { status: 'SUCCESS', nameHex: item.nameHex }
    const tl = checkTimeLocks(validated.timeLocks, this.peak)
    if (tl) {
      if (!tl.pending) throw new ConsensusError(tl.err, 'time lock')
      this.mempool.pending.set(item.nameHex, item)
      return { status: 'PENDING', nameHex: item.nameHex, err: tl.err }
    }
    const added = this.mempool.add(item)
    if (added.status === 'CONFLICT') {
      this.mempool.conflicting.set(item.nameHex, item)
      return { status: 'PENDING', nameHex: item.nameHex, err: 'MEMPOOL_CONFLICT' }
    }
    return { status: 'SUCCESS', nameHex: item.nameHex }
  }

  /** Farms `count` blocks whose rewards go to `farmerPuzzleHash`; returns the new peak height. */
  farmBlocks(count: number, farmerPuzzleHash: Bytes32 = DEVNET_FARMER_PUZZLE_HASH, includeMempool = true): number {
    for (let i = 0; i < count; i++) {
      const items = includeMempool ? this.selectForBlock() : []
      this.appendBlock(items, farmerPuzzleHash, { rewards: true })
      this.afterNewPeak()
    }
    this.persist()
    return this.peak.height
  }

  /** Removes the top `count` blocks (not the genesis); their transactions return to the mempool. */
  revertBlocks(count: number): number {
    const target = Math.max(0, this.peak.height - count)
    this.rollbackTo(target)
    this.persist()
    return this.peak.height
  }

  /**
   * Replaces the top `revert` blocks with `newBlocks` empty ones (a heavier fork without the
   * reverted transactions, which go back to the mempool and confirm in a later block).
   */
  reorgBlocks(revert: number, newBlocks: number = revert + 1): number {
    const target = Math.max(0, this.peak.height - revert)
    this.rollbackTo(target)
    this.salt++
    for (let i = 0; i < newBlocks; i++) {
      this.appendBlock([], DEVNET_FARMER_PUZZLE_HASH, { rewards: true })
      this.afterNewPeak()
    }
    this.persist()
    return this.peak.height
  }

  /**
   * Issues `amount` devnet DIG to `recipientPuzzleHash` through a real CAT2 issuance bundle that the
   * devnet validates, then farms it into a block.
   */
  createDig(recipientPuzzleHash: Bytes32, amount: bigint): DigIssuance & { nameHex: string } {
    // A faucet coin for the issuance, created like a reward in its own block.
    const height = this.peak.height + 1
    const faucet: Coin = {
      parentCoinInfo: sha256(utf8ToBytes('devnet DIG faucet'), u32(height), u32(this.salt), u64(BigInt(this.coinStore.size))),
      puzzleHash: ANYONE_CAN_SPEND_HASH,
      amount,
    }
    this.appendBlock([], DEVNET_FARMER_PUZZLE_HASH, { rewards: true, extraCoinbase: [faucet] })
    this.afterNewPeak()
    const issuance = digIssuance(faucet, recipientPuzzleHash)
    const pushed = this.admit(issuance.spendBundle)
    if (pushed.status !== 'SUCCESS') throw new ConsensusError(pushed.err ?? 'MEMPOOL_CONFLICT', 'DIG issuance could not enter the mempool')
    this.farmBlocks(1, DEVNET_FARMER_PUZZLE_HASH)
    return { ...issuance, nameHex: pushed.nameHex }
  }

  /** Moves the devnet clock forward (devnet-only; lets tests pass seconds locks). */
  advanceTime(seconds: bigint): bigint {
    this.timeOffsetSeconds += seconds
    this.persist()
    return this.now
  }

  setAutoFarming(on: boolean): void {
    this.autoFarm = on
    this.persist()
  }

  private selectForBlock(): MempoolItem[] {
    const chosen: MempoolItem[] = []
    let cost = 0n
    for (const item of this.mempool.byFeeRate()) {
      if (cost + item.validated.cost > MAX_BLOCK_COST) continue
      if (checkTimeLocks(item.validated.timeLocks, this.peak)) continue
      cost += item.validated.cost
      chosen.push(item)
    }
    return chosen
  }

  private appendBlock(
    items: MempoolItem[],
    farmerPuzzleHash: Bytes32,
    opts: { rewards: boolean; extraCoinbase?: Coin[] },
  ): DevnetBlock {
    const prev = this.blocks[this.blocks.length - 1]
    const height = prev ? prev.height + 1 : 0
    const timestamp = prev && prev.timestamp + 1n > this.now ? prev.timestamp + 1n : this.now
    const prevHash = prev ? prev.headerHash : this.genesisChallenge
    let fees = 0n
    let cost = 0n
    const additionIds: string[] = []
    const removalIds: string[] = []
    const add = (coin: Coin, coinbase: boolean, hint?: Bytes32) => {
      const id = coinId(coin)
      const record: StoredCoinRecord = { coin, coinId: id, confirmedBlockIndex: height, spentBlockIndex: 0, coinbase, timestamp, hint }
      this.coinStore.add(record)
      additionIds.push(bytesToHex(id))
    }
    for (const item of items) {
      const v = item.validated
      fees += v.fee
      cost += v.cost
      for (const a of v.additions) add(a.coin, false, a.hint)
      for (const r of item.removalIds) {
        this.coinStore.markSpent(r, height)
        removalIds.push(r)
      }
      this.mempool.remove(item.nameHex)
    }
    if (opts.rewards) {
      add({ parentCoinInfo: rewardParent(this.genesisChallenge.subarray(0, 16), height), puzzleHash: farmerPuzzleHash, amount: POOL_REWARD }, true)
      add({ parentCoinInfo: rewardParent(this.genesisChallenge.subarray(16), height), puzzleHash: farmerPuzzleHash, amount: FARMER_REWARD + fees }, true)
    }
    for (const c of opts.extraCoinbase ?? []) add(c, true)
    const txNames = items.map((i) => i.nameHex)
    const headerHash = new Uint8Array(
      createHash('sha256')
        .update(prevHash)
        .update(u32(height))
        .update(u64(timestamp))
        .update(farmerPuzzleHash)
        .update(txNames.join(','))
        .update(u32(this.salt))
        .digest(),
    )
    const block: DevnetBlock = {
      height,
      headerHash,
      prevHash,
      timestamp,
      farmerPuzzleHash,
      fees,
      cost,
      transactions: items.map((i) => ({ nameHex: i.nameHex, spendBundle: i.validated.bundle, fee: i.validated.fee, cost: i.validated.cost })),
      additionIds,
      removalIds,
    }
    this.blocks.push(block)
    if (items.length > 0) this.log(`block ${height}: ${items.length} transaction(s), cost ${cost}, fees ${fees}`)
    return block
  }

  /** After a new peak: drop items that can never pass, retry pending and conflicting bundles. */
  private afterNewPeak(): void {
    for (const item of [...this.mempool.items.values()]) {
      const tl = checkTimeLocks(item.validated.timeLocks, this.peak)
      if (tl && !tl.pending) {
        this.mempool.remove(item.nameHex)
        this.log(`mempool: dropped ${item.nameHex} (${tl.err})`)
      }
    }
    const retry = [...this.mempool.pending.values(), ...this.mempool.conflicting.values()]
    this.mempool.pending.clear()
    this.mempool.conflicting.clear()
    for (const item of retry) this.readmit(item.validated.bundle)
  }

  private readmit(bundle: SpendBundle): void {
    try {
      this.admit(bundle)
    } catch (e) {
      if (!(e instanceof ConsensusError)) throw e
      this.log(`mempool: dropped a bundle (${e.err})`)
    }
  }

  private rollbackTo(height: number): void {
    if (height >= this.peak.height) return
    const reverted = this.blocks.splice(height + 1)
    this.coinStore.rollbackTo(height)
    const pool = [...this.mempool.items.values(), ...this.mempool.pending.values(), ...this.mempool.conflicting.values()]
    this.mempool.clear()
    for (const block of reverted) for (const tx of block.transactions) this.readmit(tx.spendBundle)
    for (const item of pool) this.readmit(item.validated.bundle)
  }

  private persist(): void {
    if (this.options.dir) this.saveTo(this.options.dir)
  }

  /** Writes the whole state to `<dir>/state.json` (e.g. a snapshot of an in-memory devnet that `create({ dir })` reloads). */
  saveTo(dir: string): void {
    saveState(dir, {
      version: 1,
      genesisChallenge: bytesToHex(this.genesisChallenge),
      autoFarm: this.autoFarm,
      timeOffsetSeconds: this.timeOffsetSeconds.toString(),
      salt: this.salt,
      blocks: this.blocks.map((b) => ({
        height: b.height,
        headerHash: bytesToHex(b.headerHash),
        prevHash: bytesToHex(b.prevHash),
        timestamp: b.timestamp.toString(),
        farmerPuzzleHash: bytesToHex(b.farmerPuzzleHash),
        fees: b.fees.toString(),
        cost: b.cost.toString(),
        transactions: b.transactions.map((t) => ({ name: t.nameHex, fee: t.fee.toString(), cost: t.cost.toString(), spendBundle: bundleToJson(t.spendBundle) })),
        additionIds: b.additionIds,
        removalIds: b.removalIds,
      })),
      coins: this.coinStore.all().map((r) => ({
        parentCoinInfo: bytesToHex(r.coin.parentCoinInfo),
        puzzleHash: bytesToHex(r.coin.puzzleHash),
        amount: r.coin.amount.toString(),
        confirmed: r.confirmedBlockIndex,
        spent: r.spentBlockIndex,
        coinbase: r.coinbase,
        timestamp: r.timestamp.toString(),
        hint: r.hint ? bytesToHex(r.hint) : undefined,
      })),
      mempool: [...this.mempool.items.values(), ...this.mempool.pending.values(), ...this.mempool.conflicting.values()].map((i) =>
        bundleToJson(i.validated.bundle),
      ),
    })
  }

  private restore(s: PersistedState): void {
    if (s.version !== 1) throw new DevnetStateError('Unsupported devnet state file version.', { details: `version ${s.version}` })
    if (s.genesisChallenge !== bytesToHex(this.genesisChallenge)) {
      throw new DevnetStateError('The devnet state belongs to another genesis challenge; run npm run devnet:reset.', {
        details: `state ${s.genesisChallenge}, devnet ${bytesToHex(this.genesisChallenge)}`,
      })
    }
    this.autoFarm = this.options.autoFarm ?? s.autoFarm
    this.timeOffsetSeconds = BigInt(s.timeOffsetSeconds)
    this.salt = s.salt
    for (const b of s.blocks) {
      this.blocks.push({
        height: b.height,
        headerHash: hexToBytes(b.headerHash),
        prevHash: hexToBytes(b.prevHash),
        timestamp: BigInt(b.timestamp),
        farmerPuzzleHash: hexToBytes(b.farmerPuzzleHash),
        fees: BigInt(b.fees),
        cost: BigInt(b.cost),
        transactions: b.transactions.map((t) => ({ nameHex: t.name, fee: BigInt(t.fee), cost: BigInt(t.cost), spendBundle: bundleFromJson(t.spendBundle) })),
        additionIds: b.additionIds,
        removalIds: b.removalIds,
      })
    }
    for (const c of s.coins) {
      const coin: Coin = { parentCoinInfo: hexToBytes(c.parentCoinInfo), puzzleHash: hexToBytes(c.puzzleHash), amount: BigInt(c.amount) }
      this.coinStore.add({
        coin,
        coinId: coinId(coin),
        confirmedBlockIndex: c.confirmed,
        spentBlockIndex: c.spent,
        coinbase: c.coinbase,
        timestamp: BigInt(c.timestamp),
        hint: c.hint ? hexToBytes(c.hint) : undefined,
      })
    }
    for (const b of s.mempool) this.readmit(bundleFromJson(b))
  }
}

/** Starts a devnet (see {@link Devnet.create}). */
export const createDevnet = (options: DevnetOptions = {}): Promise<Devnet> => Devnet.create(options)

function rewardParent(prefix: Uint8Array, height: number): Bytes32 {
  const h = new Uint8Array(16)
  new DataView(h.buffer).setBigUint64(8, BigInt(height))
  return concatBytes(prefix, h)
}
function u32(n: number): Uint8Array {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setUint32(0, n)
  return b
}
function u64(n: bigint): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, n)
  return b
}

export interface SpendBundleJson {
  coinSpends: { parentCoinInfo: string; puzzleHash: string; amount: string; puzzleReveal: string; solution: string }[]
  aggregatedSignature: string
}
function bundleToJson(b: SpendBundle): SpendBundleJson {
  return {
    coinSpends: b.coinSpends.map((s) => ({
      parentCoinInfo: bytesToHex(s.coin.parentCoinInfo),
      puzzleHash: bytesToHex(s.coin.puzzleHash),
      amount: s.coin.amount.toString(),
      puzzleReveal: bytesToHex(s.puzzleReveal),
      solution: bytesToHex(s.solution),
    })),
    aggregatedSignature: bytesToHex(b.aggregatedSignature),
  }
}
function bundleFromJson(b: SpendBundleJson): SpendBundle {
  return {
    coinSpends: b.coinSpends.map((s) => ({
      coin: { parentCoinInfo: hexToBytes(s.parentCoinInfo), puzzleHash: hexToBytes(s.puzzleHash), amount: BigInt(s.amount) },
      puzzleReveal: hexToBytes(s.puzzleReveal),
      solution: hexToBytes(s.solution),
    })),
    aggregatedSignature: hexToBytes(b.aggregatedSignature),
  }
}
