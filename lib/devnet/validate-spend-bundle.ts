/**
 * Mempool-mode validation of a spend bundle, modelled on chia_rs
 * `crates/chia-consensus/src/spendbundle_validation.rs` + `conditions.rs` and chia-blockchain
 * `chia/full_node/mempool_manager.py` (`validate_spend_bundle`). Error names are Chia's (`chia-err.ts`).
 *
 * Cost model (libs.md §2b/§6.5): the run_block_generator2 sum that current Chia charges —
 * 12000 × bytes of the solution generator `(q . ((parent puzzle amount solution) …))`
 * + Σ CLVM cost of each puzzle run + 1,200,000 per AGG_SIG_* + 1,800,000 per CREATE_COIN
 * + 10000 × SOFTFORK cost. (The driver's `getCost` uses the older GENERATOR_ROM and is a few
 * percent higher; we deliberately copy current Chia.)
 *
 * Unknown condition opcodes are rejected (INVALID_CONDITION), as the mempool does with
 * NO_UNKNOWN_CONDS. Extra trailing arguments are tolerated (consensus behaviour), a simplification
 * of the mempool's STRICT_ARGS_COUNT.
 *
 * The melt convention: singleton_top_layer_v1_1 consumes its inner puzzle's `CREATE_COIN … -113`
 * and never emits it, so a negative CREATE_COIN amount that reaches consensus is
 * COIN_AMOUNT_NEGATIVE here exactly as on mainnet (tested by melting a store on the devnet).
 */
import { atomToBigint, bigintToAtom } from '@/lib/chia/clvm/int'
import { type Program, isAtom } from '@/lib/chia/clvm/program'
import { programFromBytes } from '@/lib/chia/clvm/serialize'
import { ClvmRunError } from '@/lib/chia/clvm/runner'
import { type Bytes32, bytesToHex, equalBytes } from '@/lib/chia/primitives/bytes'
import { type Coin, MAX_COIN_AMOUNT, coinId } from '@/lib/chia/primitives/coin'
import type { CoinRecord, SpendBundle } from '@/lib/chia/primitives/coin-spend'
import { sha256 } from '@/lib/chia/primitives/sha256'
import { aggSigMessage } from '@/lib/chia/spends/agg-sig'
import { type AggSigOpcode, ConditionOpcode as Op } from '@/lib/chia/spends/condition-opcodes'
import type { BlsVerifier } from './bls-verifier'
import { type ChiaErr, ConsensusError } from './chia-err'
import { MEMPOOL_FLAGS, runSerialized } from './clvm-rs-runner'
import {
  AGG_SIG_COST,
  COST_PER_BYTE,
  CREATE_COIN_COST,
  MAX_ANNOUNCEMENTS,
  MAX_MESSAGE_LENGTH,
  MAX_TX_COST,
  SOFTFORK_COST_FACTOR,
} from './devnet-constants'
import { serializedTreeHash } from './serialized-tree-hash'
import { spendBundleName } from './spend-bundle-name'

export interface ChainView {
  /** Height and timestamp of the peak; time locks are checked against them (prev transaction block). */
  peak: { height: number; timestamp: bigint }
  getCoinRecord(coinIdHex: string): CoinRecord | undefined
  genesisChallenge: Bytes32
}

export interface Addition {
  coin: Coin
  coinId: Bytes32
  /** First memo of the CREATE_COIN when it is exactly 32 bytes (the node's hint store rule). */
  hint?: Bytes32
}

/** Absolute time-lock bounds of a bundle after resolving relative conditions. */
export interface TimeLocks {
  heightAbsolute: number
  secondsAbsolute: bigint
  beforeHeightAbsolute?: number
  beforeSecondsAbsolute?: bigint
  /** Which condition set each bound, for error names. */
  heightErr: ChiaErr
  secondsErr: ChiaErr
  beforeHeightErr: ChiaErr
  beforeSecondsErr: ChiaErr
}

export interface ValidatedBundle {
  name: Bytes32
  bundle: SpendBundle
  removals: { coin: Coin; coinId: Bytes32 }[]
  additions: Addition[]
  fee: bigint
  cost: bigint
  timeLocks: TimeLocks
}

const U32_MAX = 0xffffffffn
const U64_MAX = MAX_COIN_AMOUNT

const fail = (err: ChiaErr, details?: string): never => {
  throw new ConsensusError(err, details)
}

/** Per-spend facts gathered from its conditions. */
interface SpendFacts {
  coin: Coin
  coinId: Bytes32
  coinIdHex: string
  relHeight?: bigint
  relSeconds?: bigint
  beforeRelHeight?: bigint
  beforeRelSeconds?: bigint
  birthHeight?: bigint
  birthSeconds?: bigint
  assertEphemeral: boolean
}

function args(cond: Program, n: number): Uint8Array[] {
  const out: Uint8Array[] = []
  let cur = cond.pair![1]
  for (let i = 0; i < n; i++) {
    if (!cur.pair) fail('INVALID_CONDITION', 'missing condition argument')
    const a = cur.pair![0]
    if (!isAtom(a)) fail('INVALID_CONDITION', 'condition argument is not an atom')
    out.push(a.atom!)
    cur = cur.pair![1]
  }
  return out
}

function bytes32Arg(a: Uint8Array, what: string): Uint8Array {
  if (a.length !== 32) fail('INVALID_CONDITION', `${what} must be 32 bytes, got ${a.length}`)
  return a
}

type Sanitized = { kind: 'ok'; value: bigint } | { kind: 'negative' } | { kind: 'overflow' }

// chia_rs `sanitize_uint`: canonical unsigned int of at most maxBytes.
function sanitizeUint(a: Uint8Array, maxBytes: number, max: bigint): Sanitized {
  const v = atomToBigint(a)
  if (v < 0n) return { kind: 'negative' }
  if (a.length > 0 && !equalBytes(bigintToAtom(v), a)) fail('INVALID_CONDITION', 'non-canonical integer')
  if (v > max || a.length > maxBytes + 1) return { kind: 'overflow' }
  return { kind: 'ok', value: v }
}

/** Number of bytes of `(q . ((parent puzzle amount solution) …))` (chia_rs `solution_generator.rs`). */
export function generatorLength(bundle: SpendBundle): number {
  let n = 5
  for (const s of bundle.coinSpends) {
    const amount = bigintToAtom(s.coin.amount)
    const amountLen = amount.length === 0 || (amount.length === 1 && amount[0] <= 0x7f) ? 1 : 1 + amount.length
    n += 1 + 38 + s.puzzleReveal.length + amountLen + s.solution.length
  }
  return n
}

/**
 * Runs and checks every spend of `bundle` against `chain`; returns what the bundle removes, adds,
 * pays and costs. Throws {@link ConsensusError} with Chia's error name. Time locks are resolved
 * but not judged: see {@link checkTimeLocks}.
 */
export function validateSpendBundle(
  bundle: SpendBundle,
  chain: ChainView,
  bls: BlsVerifier,
  maxCost: bigint = MAX_TX_COST,
): ValidatedBundle {
  if (bundle.coinSpends.length === 0) fail('INVALID_SPEND_BUNDLE', 'no coin spends')
  if (bundle.aggregatedSignature.length !== 96) fail('BAD_AGGREGATE_SIGNATURE', 'signature must be 96 bytes')

  let cost = BigInt(generatorLength(bundle)) * COST_PER_BYTE
  if (cost > maxCost) fail('BLOCK_COST_EXCEEDS_MAX', `byte cost ${cost} > ${maxCost}`)

  const spends: SpendFacts[] = []
  const spentIds = new Set<string>()
  for (const s of bundle.coinSpends) {
    if (s.coin.amount < 0n || s.coin.amount > U64_MAX) fail('COIN_AMOUNT_EXCEEDS_MAXIMUM', `coin amount ${s.coin.amount}`)
    const id = coinId(s.coin)
    const hex = bytesToHex(id)
    if (spentIds.has(hex)) fail('DOUBLE_SPEND', `coin ${hex} is spent twice in the bundle`)
    spentIds.add(hex)
    spends.push({ coin: s.coin, coinId: id, coinIdHex: hex, assertEphemeral: false })
  }

  const additions: Addition[] = []
  const additionIds = new Set<string>()
  const coinAnnouncements = new Set<string>()
  const puzzleAnnouncements = new Set<string>()
  const assertedCoinAnnouncements: string[] = []
  const assertedPuzzleAnnouncements: string[] = []
  const concurrentSpends: string[] = []
  const concurrentPuzzles: string[] = []
  const messages = new Map<string, number>()
  const aggSigs: { publicKey: Uint8Array; message: Uint8Array }[] = []
  let reserveFee = 0n
  let announcementCount = 0
  let heightAbsolute = 0n
  let secondsAbsolute = 0n
  let beforeHeightAbsolute: bigint | undefined
  let beforeSecondsAbsolute: bigint | undefined

  for (let i = 0; i < bundle.coinSpends.length; i++) {
    const s = bundle.coinSpends[i]
    const facts = spends[i]
    let ph: Uint8Array
    try {
      ph = serializedTreeHash(s.puzzleReveal)
    } catch (e) {
      return fail('INVALID_SPEND_BUNDLE', `puzzle reveal does not parse: ${(e as Error).message}`)
    }
    if (!equalBytes(ph, s.coin.puzzleHash)) {
      fail('WRONG_PUZZLE_HASH', `coin ${facts.coinIdHex}: reveal hashes to ${bytesToHex(ph)}, coin has ${bytesToHex(s.coin.puzzleHash)}`)
    }
    let output: Uint8Array
    try {
      const r = runSerialized(s.puzzleReveal, s.solution, maxCost - cost, MEMPOOL_FLAGS)
      cost += r.cost
      output = r.output
    } catch (e) {
      const msg = e instanceof ClvmRunError ? e.shortMessage : (e as Error).message
      if (/cost exceeded/i.test(msg)) fail('BLOCK_COST_EXCEEDS_MAX', `coin ${facts.coinIdHex}: ${msg}`)
      return fail('GENERATOR_RUNTIME_ERROR', `coin ${facts.coinIdHex}: ${msg}`)
    }
    const created = new Set<string>()
    let cur = programFromBytes(output)
    while (cur.pair) {
      const cond = cur.pair[0]
      cur = cur.pair[1]
      if (!cond.pair) fail('INVALID_CONDITION', 'condition is not a list')
      const opAtom = cond.pair![0]
      if (!isAtom(opAtom)) fail('INVALID_CONDITION', 'condition opcode is not an atom')
      const opBytes = opAtom.atom!
      const op = opBytes.length === 1 && opBytes[0] < 0x80 ? opBytes[0] : -1
      switch (op) {
        case Op.REMARK:
          break
        case Op.AGG_SIG_PARENT:
        case Op.AGG_SIG_PUZZLE:
        case Op.AGG_SIG_AMOUNT:
        case Op.AGG_SIG_PUZZLE_AMOUNT:
        case Op.AGG_SIG_PARENT_AMOUNT:
        case Op.AGG_SIG_PARENT_PUZZLE:
        case Op.AGG_SIG_UNSAFE:
        case Op.AGG_SIG_ME: {
          const [pk, msg] = args(cond, 2)
          if (pk.length !== 48) fail('INVALID_CONDITION', `AGG_SIG public key must be 48 bytes, got ${pk.length}`)
          // chia_rs rejects the identity public key (InvalidPublicKey → INVALID_CONDITION).
          if (pk[0] === 0xc0 && pk.every((b, j) => j === 0 || b === 0)) fail('INVALID_CONDITION', 'AGG_SIG with the infinity public key')
          if (msg.length > MAX_MESSAGE_LENGTH) fail('INVALID_CONDITION', 'AGG_SIG message longer than 1024 bytes')
          // AGG_SIG_UNSAFE may not impersonate another AGG_SIG kind by ending in its additional data.
          if (op === Op.AGG_SIG_UNSAFE && unsafeSuffixes(chain.genesisChallenge).some((d) => endsWith(msg, d))) {
            fail('INVALID_CONDITION', 'AGG_SIG_UNSAFE message ends with another AGG_SIG kind\'s additional data')
          }
          aggSigs.push({
            publicKey: pk,
            message: aggSigMessage({ opcode: op as AggSigOpcode, message: msg, coin: s.coin, genesisChallenge: chain.genesisChallenge }),
          })
          cost += AGG_SIG_COST
          break
        }
        case Op.CREATE_COIN: {
          const [puzzleHash, amountAtom] = args(cond, 2)
          bytes32Arg(puzzleHash, 'CREATE_COIN puzzle hash')
          const amount = atomToBigint(amountAtom)
          if (amount < 0n) fail('COIN_AMOUNT_NEGATIVE', `CREATE_COIN amount ${amount}`)
          if (amount > U64_MAX) fail('COIN_AMOUNT_EXCEEDS_MAXIMUM', `CREATE_COIN amount ${amount}`)
          if (!equalBytes(bigintToAtom(amount), amountAtom)) fail('INVALID_CONDITION', 'non-canonical CREATE_COIN amount')
          const key = `${bytesToHex(puzzleHash)}:${amount}`
          if (created.has(key)) fail('DUPLICATE_OUTPUT', `coin ${facts.coinIdHex} creates ${key} twice`)
          created.add(key)
          let hint: Uint8Array | undefined
          const memos = cond.pair![1].pair![1].pair![1]
          if (memos.pair) {
            const list = memos.pair[0]
            if (list.pair && isAtom(list.pair[0]) && list.pair[0].atom!.length === 32) hint = list.pair[0].atom!
          }
          const coin: Coin = { parentCoinInfo: facts.coinId, puzzleHash, amount }
          const id = coinId(coin)
          additions.push({ coin, coinId: id, hint })
          additionIds.add(bytesToHex(id))
          cost += CREATE_COIN_COST
          break
        }
        case Op.RESERVE_FEE: {
          const [a] = args(cond, 1)
          const v = sanitizeUint(a, 8, U64_MAX)
          if (v.kind !== 'ok') fail('RESERVE_FEE_CONDITION_FAILED', 'invalid RESERVE_FEE amount')
          reserveFee += (v as { value: bigint }).value
          if (reserveFee > U64_MAX) fail('RESERVE_FEE_CONDITION_FAILED', 'RESERVE_FEE total overflows')
          break
        }
        case Op.CREATE_COIN_ANNOUNCEMENT: {
          const [msg] = args(cond, 1)
          if (msg.length > MAX_MESSAGE_LENGTH) fail('INVALID_CONDITION', 'announcement longer than 1024 bytes')
          coinAnnouncements.add(bytesToHex(sha256(facts.coinId, msg)))
          announcementCount++
          break
        }
        case Op.ASSERT_COIN_ANNOUNCEMENT: {
          const [id] = args(cond, 1)
          assertedCoinAnnouncements.push(bytesToHex(bytes32Arg(id, 'announcement id')))
          announcementCount++
          break
        }
        case Op.CREATE_PUZZLE_ANNOUNCEMENT: {
          const [msg] = args(cond, 1)
          if (msg.length > MAX_MESSAGE_LENGTH) fail('INVALID_CONDITION', 'announcement longer than 1024 bytes')
          puzzleAnnouncements.add(bytesToHex(sha256(s.coin.puzzleHash, msg)))
          announcementCount++
          break
        }
        case Op.ASSERT_PUZZLE_ANNOUNCEMENT: {
          const [id] = args(cond, 1)
          assertedPuzzleAnnouncements.push(bytesToHex(bytes32Arg(id, 'announcement id')))
          announcementCount++
          break
        }
        case Op.ASSERT_CONCURRENT_SPEND: {
          const [id] = args(cond, 1)
          concurrentSpends.push(bytesToHex(bytes32Arg(id, 'coin id')))
          break
        }
        case Op.ASSERT_CONCURRENT_PUZZLE: {
          const [p] = args(cond, 1)
          concurrentPuzzles.push(bytesToHex(bytes32Arg(p, 'puzzle hash')))
          break
        }
        case Op.SEND_MESSAGE:
        case Op.RECEIVE_MESSAGE: {
          const key = messageKey(cond, op, s.coin, facts.coinId)
          messages.set(key, (messages.get(key) ?? 0) + (op === Op.SEND_MESSAGE ? 1 : -1))
          break
        }
        case Op.ASSERT_MY_COIN_ID: {
          const [id] = args(cond, 1)
          if (!equalBytes(bytes32Arg(id, 'coin id'), facts.coinId)) fail('ASSERT_MY_COIN_ID_FAILED', `coin ${facts.coinIdHex}`)
          break
        }
        case Op.ASSERT_MY_PARENT_ID: {
          const [id] = args(cond, 1)
          if (!equalBytes(bytes32Arg(id, 'parent id'), s.coin.parentCoinInfo)) fail('ASSERT_MY_PARENT_ID_FAILED', `coin ${facts.coinIdHex}`)
          break
        }
        case Op.ASSERT_MY_PUZZLEHASH: {
          const [p] = args(cond, 1)
          if (!equalBytes(bytes32Arg(p, 'puzzle hash'), s.coin.puzzleHash)) fail('ASSERT_MY_PUZZLEHASH_FAILED', `coin ${facts.coinIdHex}`)
          break
        }
        case Op.ASSERT_MY_AMOUNT: {
          const [a] = args(cond, 1)
          const v = sanitizeUint(a, 8, U64_MAX)
          if (v.kind !== 'ok' || v.value !== s.coin.amount) fail('ASSERT_MY_AMOUNT_FAILED', `coin ${facts.coinIdHex}`)
          break
        }
        case Op.ASSERT_MY_BIRTH_SECONDS: {
          const v = sanitizeUint(args(cond, 1)[0], 8, U64_MAX)
          if (v.kind !== 'ok') fail('ASSERT_MY_BIRTH_SECONDS_FAILED', `coin ${facts.coinIdHex}`)
          const value = (v as { value: bigint }).value
          if (facts.birthSeconds !== undefined && facts.birthSeconds !== value) fail('ASSERT_MY_BIRTH_SECONDS_FAILED', 'conflicting birth seconds')
          facts.birthSeconds = value
          break
        }
        case Op.ASSERT_MY_BIRTH_HEIGHT: {
          const v = sanitizeUint(args(cond, 1)[0], 4, U32_MAX)
          if (v.kind !== 'ok') fail('ASSERT_MY_BIRTH_HEIGHT_FAILED', `coin ${facts.coinIdHex}`)
          const value = (v as { value: bigint }).value
          if (facts.birthHeight !== undefined && facts.birthHeight !== value) fail('ASSERT_MY_BIRTH_HEIGHT_FAILED', 'conflicting birth heights')
          facts.birthHeight = value
          break
        }
        case Op.ASSERT_EPHEMERAL:
          facts.assertEphemeral = true
          break
        case Op.ASSERT_SECONDS_RELATIVE:
        case Op.ASSERT_HEIGHT_RELATIVE: {
          const isHeight = op === Op.ASSERT_HEIGHT_RELATIVE
          const v = isHeight ? sanitizeUint(args(cond, 1)[0], 4, U32_MAX) : sanitizeUint(args(cond, 1)[0], 8, U64_MAX)
          if (v.kind === 'overflow') fail(isHeight ? 'ASSERT_HEIGHT_RELATIVE_FAILED' : 'ASSERT_SECONDS_RELATIVE_FAILED', 'never satisfiable')
          if (v.kind === 'ok') {
            if (isHeight) facts.relHeight = max(facts.relHeight, v.value)
            else facts.relSeconds = max(facts.relSeconds, v.value)
          }
          break
        }
        case Op.ASSERT_SECONDS_ABSOLUTE:
        case Op.ASSERT_HEIGHT_ABSOLUTE: {
          const isHeight = op === Op.ASSERT_HEIGHT_ABSOLUTE
          const v = isHeight ? sanitizeUint(args(cond, 1)[0], 4, U32_MAX) : sanitizeUint(args(cond, 1)[0], 8, U64_MAX)
          if (v.kind === 'overflow') fail(isHeight ? 'ASSERT_HEIGHT_ABSOLUTE_FAILED' : 'ASSERT_SECONDS_ABSOLUTE_FAILED', 'never satisfiable')
          if (v.kind === 'ok') {
            if (isHeight) heightAbsolute = max(heightAbsolute, v.value)!
            else secondsAbsolute = max(secondsAbsolute, v.value)!
          }
          break
        }
        case Op.ASSERT_BEFORE_SECONDS_RELATIVE:
        case Op.ASSERT_BEFORE_HEIGHT_RELATIVE: {
          const isHeight = op === Op.ASSERT_BEFORE_HEIGHT_RELATIVE
          const v = isHeight ? sanitizeUint(args(cond, 1)[0], 4, U32_MAX) : sanitizeUint(args(cond, 1)[0], 8, U64_MAX)
          if (v.kind === 'negative') fail(isHeight ? 'ASSERT_BEFORE_HEIGHT_RELATIVE_FAILED' : 'ASSERT_BEFORE_SECONDS_RELATIVE_FAILED', 'never satisfiable')
          if (v.kind === 'ok') {
            if (isHeight) facts.beforeRelHeight = min(facts.beforeRelHeight, v.value)
            else facts.beforeRelSeconds = min(facts.beforeRelSeconds, v.value)
          }
          break
        }
        case Op.ASSERT_BEFORE_SECONDS_ABSOLUTE:
        case Op.ASSERT_BEFORE_HEIGHT_ABSOLUTE: {
          const isHeight = op === Op.ASSERT_BEFORE_HEIGHT_ABSOLUTE
          const v = isHeight ? sanitizeUint(args(cond, 1)[0], 4, U32_MAX) : sanitizeUint(args(cond, 1)[0], 8, U64_MAX)
          if (v.kind === 'negative') fail(isHeight ? 'ASSERT_BEFORE_HEIGHT_ABSOLUTE_FAILED' : 'ASSERT_BEFORE_SECONDS_ABSOLUTE_FAILED', 'never satisfiable')
          if (v.kind === 'ok') {
            if (isHeight) beforeHeightAbsolute = min(beforeHeightAbsolute, v.value)
            else beforeSecondsAbsolute = min(beforeSecondsAbsolute, v.value)
          }
          break
        }
        case Op.SOFTFORK: {
          const [c] = args(cond, 1)
          const v = atomToBigint(c)
          if (v <= 0n || c.length > 4) fail('INVALID_SOFTFORK_COST', `SOFTFORK cost ${v}`)
          cost += v * SOFTFORK_COST_FACTOR
          break
        }
        default:
          fail('INVALID_CONDITION', `unknown condition opcode 0x${bytesToHex(opBytes)} (mempool rejects unknown conditions)`)
      }
      if (cost > maxCost) fail('BLOCK_COST_EXCEEDS_MAX', `cost ${cost} > ${maxCost}`)
    }
    if (!isAtom(cur) || cur.atom!.length !== 0) fail('INVALID_CONDITION', 'conditions are not a proper list')
  }

  if (announcementCount > MAX_ANNOUNCEMENTS) fail('TOO_MANY_ANNOUNCEMENTS', `${announcementCount} announcements`)
  for (const a of assertedCoinAnnouncements) if (!coinAnnouncements.has(a)) fail('ASSERT_ANNOUNCE_CONSUMED_FAILED', `coin announcement ${a}`)
  for (const a of assertedPuzzleAnnouncements) if (!puzzleAnnouncements.has(a)) fail('ASSERT_ANNOUNCE_CONSUMED_FAILED', `puzzle announcement ${a}`)
  for (const id of concurrentSpends) if (!spentIds.has(id)) fail('ASSERT_CONCURRENT_SPEND_FAILED', `coin ${id} is not spent in this bundle`)
  if (concurrentPuzzles.length > 0) {
    const phs = new Set(spends.map((f) => bytesToHex(f.coin.puzzleHash)))
    for (const p of concurrentPuzzles) if (!phs.has(p)) fail('ASSERT_CONCURRENT_PUZZLE_FAILED', `no spend with puzzle hash ${p}`)
  }
  for (const [key, count] of messages) if (count !== 0) fail('MESSAGE_NOT_SENT_OR_RECEIVED', `message ${key} balance ${count}`)

  // Amounts.
  let removed = 0n
  for (const f of spends) removed += f.coin.amount
  let added = 0n
  for (const a of additions) added += a.coin.amount
  if (added > removed) fail('MINTING_COIN', `outputs ${added} exceed inputs ${removed}`)
  const fee = removed - added
  if (fee < reserveFee) fail('RESERVE_FEE_CONDITION_FAILED', `fee ${fee} < reserved ${reserveFee}`)

  // Coins must exist unspent on chain, or be created in this bundle (ephemeral).
  const timeLocks: TimeLocks = {
    heightAbsolute: Number(heightAbsolute),
    secondsAbsolute,
    beforeHeightAbsolute: beforeHeightAbsolute === undefined ? undefined : Number(beforeHeightAbsolute),
    beforeSecondsAbsolute,
    heightErr: 'ASSERT_HEIGHT_ABSOLUTE_FAILED',
    secondsErr: 'ASSERT_SECONDS_ABSOLUTE_FAILED',
    beforeHeightErr: 'ASSERT_BEFORE_HEIGHT_ABSOLUTE_FAILED',
    beforeSecondsErr: 'ASSERT_BEFORE_SECONDS_ABSOLUTE_FAILED',
  }
  for (const f of spends) {
    const ephemeral = additionIds.has(f.coinIdHex)
    if (f.assertEphemeral && !ephemeral) fail('ASSERT_EPHEMERAL_FAILED', `coin ${f.coinIdHex} is not created in this bundle`)
    if (ephemeral) {
      if (
        f.relHeight !== undefined ||
        f.relSeconds !== undefined ||
        f.beforeRelHeight !== undefined ||
        f.beforeRelSeconds !== undefined ||
        f.birthHeight !== undefined ||
        f.birthSeconds !== undefined
      ) {
        fail('EPHEMERAL_RELATIVE_CONDITION', `ephemeral coin ${f.coinIdHex} has a relative or birth condition`)
      }
      continue
    }
    const rec = chain.getCoinRecord(f.coinIdHex)
    if (!rec) fail('UNKNOWN_UNSPENT', `coin ${f.coinIdHex} does not exist`)
    const record = rec as CoinRecord
    if (record.spentBlockIndex > 0) fail('DOUBLE_SPEND', `coin ${f.coinIdHex} was spent at height ${record.spentBlockIndex}`)
    if (f.birthHeight !== undefined && f.birthHeight !== BigInt(record.confirmedBlockIndex)) fail('ASSERT_MY_BIRTH_HEIGHT_FAILED', `coin ${f.coinIdHex}`)
    if (f.birthSeconds !== undefined && f.birthSeconds !== record.timestamp) fail('ASSERT_MY_BIRTH_SECONDS_FAILED', `coin ${f.coinIdHex}`)
    const born = BigInt(record.confirmedBlockIndex)
    if (f.relHeight !== undefined && born + f.relHeight > BigInt(timeLocks.heightAbsolute)) {
      timeLocks.heightAbsolute = Number(born + f.relHeight)
      timeLocks.heightErr = 'ASSERT_HEIGHT_RELATIVE_FAILED'
    }
    if (f.relSeconds !== undefined && record.timestamp + f.relSeconds > timeLocks.secondsAbsolute) {
      timeLocks.secondsAbsolute = record.timestamp + f.relSeconds
      timeLocks.secondsErr = 'ASSERT_SECONDS_RELATIVE_FAILED'
    }
    if (f.beforeRelHeight !== undefined) {
      const h = born + f.beforeRelHeight
      if (timeLocks.beforeHeightAbsolute === undefined || h < BigInt(timeLocks.beforeHeightAbsolute)) {
        timeLocks.beforeHeightAbsolute = h > U32_MAX ? Number(U32_MAX) : Number(h)
        timeLocks.beforeHeightErr = 'ASSERT_BEFORE_HEIGHT_RELATIVE_FAILED'
      }
    }
    if (f.beforeRelSeconds !== undefined) {
      const t = record.timestamp + f.beforeRelSeconds
      if (timeLocks.beforeSecondsAbsolute === undefined || t < timeLocks.beforeSecondsAbsolute) {
        timeLocks.beforeSecondsAbsolute = t
        timeLocks.beforeSecondsErr = 'ASSERT_BEFORE_SECONDS_RELATIVE_FAILED'
      }
    }
  }
  if (timeLocks.beforeHeightAbsolute !== undefined && timeLocks.heightAbsolute >= timeLocks.beforeHeightAbsolute) {
    fail(
      timeLocks.beforeHeightErr === 'ASSERT_BEFORE_HEIGHT_RELATIVE_FAILED' ? 'IMPOSSIBLE_HEIGHT_RELATIVE_CONSTRAINTS' : 'IMPOSSIBLE_HEIGHT_ABSOLUTE_CONSTRAINTS',
      `height must be >= ${timeLocks.heightAbsolute} and < ${timeLocks.beforeHeightAbsolute}`,
    )
  }
  if (timeLocks.beforeSecondsAbsolute !== undefined && timeLocks.secondsAbsolute >= timeLocks.beforeSecondsAbsolute) {
    fail(
      timeLocks.beforeSecondsErr === 'ASSERT_BEFORE_SECONDS_RELATIVE_FAILED' ? 'IMPOSSIBLE_SECONDS_RELATIVE_CONSTRAINTS' : 'IMPOSSIBLE_SECONDS_ABSOLUTE_CONSTRAINTS',
      `time must be >= ${timeLocks.secondsAbsolute} and < ${timeLocks.beforeSecondsAbsolute}`,
    )
  }

  // One BLS aggregate over every AGG_SIG_* of the bundle (checked last: it is the expensive part).
  if (!bls.aggregateVerify(aggSigs, bundle.aggregatedSignature)) {
    fail('BAD_AGGREGATE_SIGNATURE', `${aggSigs.length} AGG_SIG conditions`)
  }

  return {
    name: spendBundleName(bundle),
    bundle,
    removals: spends.map((f) => ({ coin: f.coin, coinId: f.coinId })),
    additions,
    fee,
    cost,
    timeLocks,
  }
}

/**
 * Judges resolved time locks at `peak`: undefined when the bundle may be included in the next
 * block; `{ pending: true }` when a height lock has not been reached yet (the mempool keeps such
 * bundles aside, push_tx answers PENDING); `{ pending: false }` when it can never pass or, as in
 * Chia, a seconds lock is not yet reached.
 */
export function checkTimeLocks(
  t: TimeLocks,
  peak: { height: number; timestamp: bigint },
): { err: ChiaErr; pending: boolean } | undefined {
  if (t.beforeHeightAbsolute !== undefined && peak.height >= t.beforeHeightAbsolute) return { err: t.beforeHeightErr, pending: false }
  if (t.beforeSecondsAbsolute !== undefined && peak.timestamp >= t.beforeSecondsAbsolute) return { err: t.beforeSecondsErr, pending: false }
  if (peak.height < t.heightAbsolute) return { err: t.heightErr, pending: true }
  if (peak.timestamp < t.secondsAbsolute) return { err: t.secondsErr, pending: false }
  return undefined
}

// SEND_MESSAGE / RECEIVE_MESSAGE (CHIP-0025): mode = sender bits (3) ‖ receiver bits (3), each
// 0b100 parent, 0b010 puzzle hash, 0b001 amount, 0b111 = coin id. The spend's own side comes from
// its coin; the other side is given as arguments after the message.
function messageKey(cond: Program, op: number, coin: Coin, myCoinId: Uint8Array): string {
  const rest = cond.pair![1]
  if (!rest.pair || !isAtom(rest.pair[0])) return fail('INVALID_CONDITION', 'message mode missing')
  const modeAtom = rest.pair[0].atom!
  const mode = atomToBigint(modeAtom)
  if (mode < 0n || mode > 0b111111n || !equalBytes(bigintToAtom(mode), modeAtom)) fail('INVALID_MESSAGE_MODE', `mode ${mode}`)
  const m = Number(mode)
  const afterMode = rest.pair[1]
  if (!afterMode.pair || !isAtom(afterMode.pair[0])) return fail('INVALID_CONDITION', 'message missing')
  const message = afterMode.pair[0].atom!
  if (message.length > MAX_MESSAGE_LENGTH) fail('INVALID_CONDITION', 'message longer than 1024 bytes')
  let argList = afterMode.pair[1]
  const nextArg = (): Uint8Array => {
    if (!argList.pair || !isAtom(argList.pair[0])) return fail('INVALID_CONDITION', 'message argument missing')
    const a = argList.pair[0].atom!
    argList = argList.pair[1]
    return a
  }
  const own = (bits: number): string => {
    if (bits === 0b111) return `c${bytesToHex(myCoinId)}`
    let k = ''
    if (bits & 0b100) k += `p${bytesToHex(coin.parentCoinInfo)}`
    if (bits & 0b010) k += `h${bytesToHex(coin.puzzleHash)}`
    if (bits & 0b001) k += `a${coin.amount}`
    return k
  }
  const given = (bits: number): string => {
    if (bits === 0b111) {
      const id = nextArg()
      if (id.length !== 32) fail('INVALID_COIN_ID', 'message coin id must be 32 bytes')
      return `c${bytesToHex(id)}`
    }
    let k = ''
    if (bits & 0b100) k += `p${bytesToHex(bytes32Arg(nextArg(), 'message parent id'))}`
    if (bits & 0b010) k += `h${bytesToHex(bytes32Arg(nextArg(), 'message puzzle hash'))}`
    if (bits & 0b001) k += `a${atomToBigint(nextArg())}`
    return k
  }
  const senderBits = m >> 3
  const receiverBits = m & 0b111
  const sender = op === Op.SEND_MESSAGE ? own(senderBits) : given(senderBits)
  const receiver = op === Op.SEND_MESSAGE ? given(receiverBits) : own(receiverBits)
  return `${m}|${bytesToHex(message)}|${sender}|${receiver}`
}

const suffixCache = new Map<string, Uint8Array[]>()
function unsafeSuffixes(genesisChallenge: Uint8Array): Uint8Array[] {
  const key = bytesToHex(genesisChallenge)
  let list = suffixCache.get(key)
  if (!list) {
    list = [genesisChallenge, ...[43, 44, 45, 46, 47, 48].map((o) => sha256(genesisChallenge, new Uint8Array([o])))]
    suffixCache.set(key, list)
  }
  return list
}
function endsWith(msg: Uint8Array, suffix: Uint8Array): boolean {
  return msg.length >= suffix.length && equalBytes(msg.subarray(msg.length - suffix.length), suffix)
}

function max(a: bigint | undefined, b: bigint): bigint {
  return a === undefined || b > a ? b : a
}
function min(a: bigint | undefined, b: bigint): bigint {
  return a === undefined || b < a ? b : a
}
