/**
 * Signing coin spends the way Chia wallets and the DataLayer driver do: run every puzzle with its
 * solution, collect the AGG_SIG_* conditions (opcodes 43–50), build each final message (with the
 * network's additional data), sign those whose public key we hold — trying each given secret key
 * and its synthetic key — and aggregate. Also verifies a spend bundle's aggregated signature.
 * Spec: datalayer-protocol.md §2.4; DataLayer-Driver `src/wallet.rs sign_coin_spends`;
 * chia-wallet-sdk 0.13.0 `crates/chia-sdk-signer/src/required_signature.rs`;
 * CHIP-0002 `signCoinSpends` https://github.com/Chia-Network/chips/blob/main/CHIPs/chip-0002.md.
 */
import { programFromBytes } from '../clvm/serialize'
import type { ClvmRunner } from '../clvm/runner'
import { type Program, toList } from '../clvm/program'
import { AppError } from '../errors/app-error'
import { blsAggregate, blsAggregateVerify, blsSign, type Signature } from '../keys/bls'
import { isInfinityPublicKey, type PublicKey } from '../keys/public-key'
import { type SecretKey, secretKeyToPublicKey } from '../keys/secret-key'
import { syntheticSecretKey } from '../keys/synthetic-key'
import { type Bytes32, bytesToHex } from '../primitives/bytes'
import { coinId } from '../primitives/coin'
import type { CoinSpend, SpendBundle } from '../primitives/coin-spend'
import { aggSigMessage } from './agg-sig'
import { AGG_SIG_OPCODES, type AggSigOpcode } from './condition-opcodes'

/** One signature a spend bundle needs. */
export interface RequiredSignature {
  opcode: AggSigOpcode
  publicKey: PublicKey
  /** The message in the condition. */
  rawMessage: Uint8Array
  /** What the key signs: `rawMessage ‖ coin info ‖ additional data` (agg-sig.ts). */
  message: Uint8Array
  /** The coin whose spend emitted the condition. */
  coinId: Bytes32
}

export interface SigningContext {
  genesisChallenge: Bytes32
  runner: ClvmRunner
  /** Cost budget per puzzle run; the runner's default when omitted. */
  maxCost?: bigint
}

export class CoinSpendRunError extends AppError {
  override name = 'CoinSpendRunError' as const
  constructor({ coinId, cause }: { coinId: Bytes32; cause: unknown }) {
    super('A coin spend failed to run, so its signatures cannot be collected.', {
      details: `coin ${bytesToHex(coinId)}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    })
  }
}

export class InvalidAggSigConditionError extends AppError {
  override name = 'InvalidAggSigConditionError' as const
  constructor({ coinId, opcode, reason }: { coinId: Bytes32; opcode: number; reason: string }) {
    super('A coin spend emits a malformed AGG_SIG condition.', {
      details: `coin ${bytesToHex(coinId)}, opcode ${opcode}: ${reason}`,
    })
  }
}

export class InfinityPublicKeyError extends AppError {
  override name = 'InfinityPublicKeyError' as const
  constructor({ coinId, opcode }: { coinId: Bytes32; opcode: number }) {
    super('A coin spend asks for a signature by the infinity public key.', {
      details: `coin ${bytesToHex(coinId)}, opcode ${opcode}`,
    })
  }
}

export class MissingSecretKeyError extends AppError {
  override name = 'MissingSecretKeyError' as const
  readonly publicKeys: PublicKey[]
  constructor({ publicKeys }: { publicKeys: PublicKey[] }) {
    super('No secret key for a required signature.', {
      details: `missing keys: ${publicKeys.map(bytesToHex).join(', ')}`,
    })
    this.publicKeys = publicKeys
  }
}

const AGG_SIG_SET = new Set<number>(AGG_SIG_OPCODES)
/** chia_rs rejects AGG_SIG messages longer than this (conditions.rs). */
const MAX_AGG_SIG_MESSAGE_LENGTH = 1024

function conditionsOf(coinSpend: CoinSpend, id: Bytes32, ctx: SigningContext): Program {
  try {
    const puzzle = programFromBytes(coinSpend.puzzleReveal)
    const solution = programFromBytes(coinSpend.solution)
    return ctx.runner.run(puzzle, solution, ctx.maxCost).value
  } catch (cause) {
    throw new CoinSpendRunError({ coinId: id, cause })
  }
}

/**
 * Runs every coin spend and lists the signatures it requires, in spend and condition order.
 * Throws {@link InfinityPublicKeyError} for an identity key and {@link InvalidAggSigConditionError}
 * for a key that is not 48 bytes or a message that is not an atom of at most 1024 bytes.
 * @example requiredSignatures(coinSpends, { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner })
 */
export function requiredSignatures(coinSpends: readonly CoinSpend[], ctx: SigningContext): RequiredSignature[] {
  const out: RequiredSignature[] = []
  for (const coinSpend of coinSpends) {
    const id = coinId(coinSpend.coin)
    for (const condition of toList(conditionsOf(coinSpend, id, ctx))) {
      if (condition.pair === undefined) continue
      const op = condition.pair[0].atom
      // Opcodes are single-byte atoms; anything else is not an AGG_SIG condition.
      if (op === undefined || op.length !== 1 || !AGG_SIG_SET.has(op[0])) continue
      const opcode = op[0] as AggSigOpcode
      const [pk, msg] = toList(condition.pair[1])
      if (pk?.atom === undefined || pk.atom.length !== 48) {
        throw new InvalidAggSigConditionError({ coinId: id, opcode, reason: 'public key is not a 48-byte atom' })
      }
      if (msg?.atom === undefined || msg.atom.length > MAX_AGG_SIG_MESSAGE_LENGTH) {
        throw new InvalidAggSigConditionError({ coinId: id, opcode, reason: 'message is not an atom of at most 1024 bytes' })
      }
      if (isInfinityPublicKey(pk.atom)) throw new InfinityPublicKeyError({ coinId: id, opcode })
      out.push({
        opcode,
        publicKey: pk.atom,
        rawMessage: msg.atom,
        message: aggSigMessage({ opcode, message: msg.atom, coin: coinSpend.coin, genesisChallenge: ctx.genesisChallenge }),
        coinId: id,
      })
    }
  }
  return out
}

/**
 * Signs coin spends and returns the 96-byte aggregated signature. Each secret key is tried as given
 * and as its synthetic key (driver behaviour; master keys are not walked down any path). With
 * `partial: true` signatures whose key is unknown are skipped (the driver's behaviour; signing
 * nothing yields the identity); otherwise {@link MissingSecretKeyError} is thrown (CHIP-0002
 * `partialSign: false`).
 * @example const aggregatedSignature = signCoinSpends(coinSpends, [syntheticSecretKey], { genesisChallenge, runner })
 */
export function signCoinSpends(
  coinSpends: readonly CoinSpend[],
  secretKeys: readonly SecretKey[],
  ctx: SigningContext & { partial?: boolean },
): Signature {
  const keyMap = new Map<string, SecretKey>()
  for (const sk of secretKeys) {
    keyMap.set(bytesToHex(secretKeyToPublicKey(sk)), sk)
    const synthetic = syntheticSecretKey(sk)
    keyMap.set(bytesToHex(secretKeyToPublicKey(synthetic)), synthetic)
  }
  const signatures: Signature[] = []
  const missing = new Map<string, PublicKey>()
  for (const required of requiredSignatures(coinSpends, ctx)) {
    const hex = bytesToHex(required.publicKey)
    const sk = keyMap.get(hex)
    if (sk === undefined) {
      missing.set(hex, required.publicKey)
      continue
    }
    signatures.push(blsSign(sk, required.message))
  }
  if (missing.size > 0 && !ctx.partial) throw new MissingSecretKeyError({ publicKeys: [...missing.values()] })
  return blsAggregate(signatures)
}

/**
 * True if the bundle's aggregated signature covers exactly the signatures its spends require.
 * It checks signatures only (not puzzle hashes, conditions or coin existence). Spends that fail to
 * run or emit malformed AGG_SIG conditions throw, as in {@link requiredSignatures}.
 * @example verifySpendBundle(spendBundle, { genesisChallenge: MAINNET_GENESIS_CHALLENGE, runner }) // true
 */
export function verifySpendBundle(spendBundle: SpendBundle, ctx: SigningContext): boolean {
  const pairs = requiredSignatures(spendBundle.coinSpends, ctx).map(({ publicKey, message }) => ({ publicKey, message }))
  return blsAggregateVerify(pairs, spendBundle.aggregatedSignature)
}
