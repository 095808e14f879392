/**
 * Parsers for the payloads of wallet replies (after `unwrapWalletReply`), one per method family.
 * They accept the shapes of Sage, the Chia GUI (camelCased) and CHIP-0002 providers (wallets.md
 * §2b–2d) and throw `WalletBadReplyError` for anything else, naming the method and the value.
 */
import { hexToBytes } from '@/lib/chia/primitives/bytes'
import type { Coin } from '@/lib/chia/primitives/coin'
import { coinId } from '@/lib/chia/primitives/coin'

import type { LineageProof, SignedMessage, SpendableCoin } from './wallet'
import { WalletBadReplyError } from './wallet-errors'

export const PUBLIC_KEY_LENGTH = 48
export const SIGNATURE_LENGTH = 96

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

function hexField(method: string, value: unknown, length: number | undefined, what: string, reply: unknown): Uint8Array {
  if (typeof value !== 'string') throw new WalletBadReplyError({ method, problem: `${what} is not a hex string`, reply })
  let bytes: Uint8Array
  try {
    bytes = hexToBytes(value.trim(), what)
  } catch {
    throw new WalletBadReplyError({ method, problem: `${what} is not hex`, reply })
  }
  if (length !== undefined && bytes.length !== length) {
    throw new WalletBadReplyError({ method, problem: `${what} is ${bytes.length} bytes, expected ${length}`, reply })
  }
  return bytes
}

function amountField(method: string, value: unknown, reply: unknown): bigint {
  if (typeof value === 'bigint' && value >= 0n) return value
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value)
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value)
  throw new WalletBadReplyError({ method, problem: 'amount is not a non-negative integer', reply })
}

/** Both snake_case (Sage, CHIP) and camelCase (GUI) field names. */
const pick = (o: Json, snake: string, camel: string): unknown => (snake in o ? o[snake] : o[camel])

function coinFromWallet(method: string, value: unknown, reply: unknown): Coin {
  if (!isObject(value)) throw new WalletBadReplyError({ method, problem: 'coin is not an object', reply })
  return {
    parentCoinInfo: hexField(method, pick(value, 'parent_coin_info', 'parentCoinInfo'), 32, 'parent_coin_info', reply),
    puzzleHash: hexField(method, pick(value, 'puzzle_hash', 'puzzleHash'), 32, 'puzzle_hash', reply),
    amount: amountField(method, value.amount, reply),
  }
}

function lineageFromWallet(method: string, value: unknown, reply: unknown): LineageProof | undefined {
  if (value === null || value === undefined) return undefined
  if (!isObject(value)) throw new WalletBadReplyError({ method, problem: 'lineageProof is not an object', reply })
  return {
    parentName: hexField(method, pick(value, 'parent_name', 'parentName'), 32, 'lineageProof.parentName', reply),
    innerPuzzleHash: hexField(method, pick(value, 'inner_puzzle_hash', 'innerPuzzleHash'), 32, 'lineageProof.innerPuzzleHash', reply),
    amount: amountField(method, value.amount, reply),
  }
}

export const walletReplies = {
  /** `string[]` of 48-byte keys (Sage, CHIP-0002); also `{publicKeys}` / `{pk}` objects. */
  publicKeys(method: string, reply: unknown): Uint8Array[] {
    let list: unknown = reply
    if (isObject(reply)) list = reply.publicKeys ?? reply.public_keys ?? (reply.pk === undefined ? undefined : [reply.pk])
    if (!Array.isArray(list)) throw new WalletBadReplyError({ method, problem: 'expected a list of public keys', reply })
    return list.map((k) => hexField(method, k, PUBLIC_KEY_LENGTH, 'public key', reply))
  },

  /** CHIP-0002 `SpendableCoin[]`; the coin id is recomputed and must match `coinName` when given. */
  spendableCoins(method: string, reply: unknown): SpendableCoin[] {
    const list = isObject(reply) && Array.isArray(reply.coins) ? reply.coins : reply
    if (!Array.isArray(list)) throw new WalletBadReplyError({ method, problem: 'expected a list of coins', reply })
    return list.map((item) => {
      if (!isObject(item)) throw new WalletBadReplyError({ method, problem: 'coin entry is not an object', reply: item })
      const coin = coinFromWallet(method, item.coin, item)
      const id = coinId(coin)
      const name = pick(item, 'coin_name', 'coinName')
      if (name !== undefined) {
        const claimed = hexField(method, name, 32, 'coinName', item)
        if (!claimed.every((b, i) => b === id[i])) {
          throw new WalletBadReplyError({ method, problem: 'coinName is not the id of coin', reply: item })
        }
      }
      const height = pick(item, 'confirmed_block_index', 'confirmedBlockIndex')
      return {
        coin,
        coinId: id,
        puzzleReveal: hexField(method, item.puzzle ?? pick(item, 'puzzle_reveal', 'puzzleReveal'), undefined, 'puzzle', item),
        confirmedBlockIndex: typeof height === 'number' ? height : Number(height ?? 0),
        locked: item.locked === true,
        lineageProof: lineageFromWallet(method, pick(item, 'lineage_proof', 'lineageProof'), item),
      }
    })
  },

  /** The aggregated signature: a hex string (Sage, CHIP-0002) or `{signature}`; always 96 bytes. */
  signature(method: string, reply: unknown): Uint8Array {
    const value = isObject(reply) ? (reply.signature ?? reply.aggregatedSignature ?? reply.aggregated_signature) : reply
    return hexField(method, value, SIGNATURE_LENGTH, 'signature', reply)
  },

  /** Sage `{publicKey, signature}`; the GUI `{pubkey, signature, signingMode}`. */
  signedMessage(method: string, reply: unknown): SignedMessage {
    if (!isObject(reply)) throw new WalletBadReplyError({ method, problem: 'expected {publicKey, signature}', reply })
    return {
      publicKey: hexField(method, reply.publicKey ?? reply.pubkey ?? reply.public_key, PUBLIC_KEY_LENGTH, 'publicKey', reply),
      signature: hexField(method, reply.signature, SIGNATURE_LENGTH, 'signature', reply),
    }
  },

  /** Sage `{address}`; the GUI a bare string. */
  address(method: string, reply: unknown): string {
    const value = isObject(reply) ? reply.address : reply
    if (typeof value !== 'string' || !/^t?xch1[02-9ac-hj-np-z]{6,}$/.test(value)) {
      throw new WalletBadReplyError({ method, problem: 'expected a bech32m xch/txch address', reply })
    }
    return value
  },
}
