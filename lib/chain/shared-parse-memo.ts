/**
 * A parse memo backed by the shared `ChainCache` (Redis when REDIS_URL is set): parsed store
 * spends of reorg-safe depth are written once and read by every server instance, so a store
 * synced anywhere needs neither its spends fetched nor parsed again elsewhere. Outcomes are
 * encoded as lossless JSON with 0x-hex bytes.
 */
import { bytesToPrefixedHex, hexToBytes32 } from '@/lib/chia/primitives/bytes'

import type { ChainCache } from './chain-cache'
import { parseLosslessJson, stringifyLosslessJson } from './lossless-json'
import type { ParseMemo, StoreDelegate, StoreSpendOutcome } from './store-sync'

type Json = Record<string, unknown>

/** Serializes an outcome. @example encodeSpendOutcome({ kind: 'melt', authority: 'owner' }) */
export function encodeSpendOutcome(o: StoreSpendOutcome): string {
  if (o.kind === 'melt') return stringifyLosslessJson(o)
  const s = o.state
  return stringifyLosslessJson({
    kind: 'child',
    authority: o.authority,
    state: {
      coin: { parentCoinInfo: bytesToPrefixedHex(s.coin.parentCoinInfo), puzzleHash: bytesToPrefixedHex(s.coin.puzzleHash), amount: s.coin.amount },
      rootHash: bytesToPrefixedHex(s.rootHash),
      label: s.label,
      description: s.description,
      bytes: s.bytes,
      ownerPuzzleHash: bytesToPrefixedHex(s.ownerPuzzleHash),
      delegatedPuzzles: s.delegatedPuzzles.map((d) =>
        d.type === 'oracle'
          ? { type: 'oracle', oraclePuzzleHash: bytesToPrefixedHex(d.oraclePuzzleHash), oracleFee: d.oracleFee }
          : { type: d.type, innerPuzzleHash: bytesToPrefixedHex(d.innerPuzzleHash) },
      ),
    },
  })
}

const big = (v: unknown) => (typeof v === 'bigint' ? v : BigInt(v as number))

/** Reads an encoded outcome back. @example decodeSpendOutcome(encodeSpendOutcome(outcome)) */
export function decodeSpendOutcome(text: string): StoreSpendOutcome {
  const o = parseLosslessJson(text) as Json
  if (o.kind === 'melt') return { kind: 'melt', authority: o.authority as StoreSpendOutcome['authority'] }
  const s = o.state as Json
  const coin = s.coin as Json
  return {
    kind: 'child',
    authority: o.authority as StoreSpendOutcome['authority'],
    state: {
      coin: { parentCoinInfo: hexToBytes32(String(coin.parentCoinInfo)), puzzleHash: hexToBytes32(String(coin.puzzleHash)), amount: big(coin.amount) },
      rootHash: hexToBytes32(String(s.rootHash)),
      ...(typeof s.label === 'string' ? { label: s.label } : {}),
      ...(typeof s.description === 'string' ? { description: s.description } : {}),
      ...(s.bytes === undefined || s.bytes === null ? {} : { bytes: big(s.bytes) }),
      ownerPuzzleHash: hexToBytes32(String(s.ownerPuzzleHash)),
      delegatedPuzzles: (s.delegatedPuzzles as Json[]).map(
        (d): StoreDelegate =>
          d.type === 'oracle'
            ? { type: 'oracle', oraclePuzzleHash: hexToBytes32(String(d.oraclePuzzleHash)), oracleFee: big(d.oracleFee) }
            : { type: d.type as 'admin' | 'writer', innerPuzzleHash: hexToBytes32(String(d.innerPuzzleHash)) },
      ),
    },
  }
}

/**
 * Creates an in-process memo (bounded: cleared when full) that reads through to `cache`.
 *
 * @example
 * const memo = createSharedParseMemo(serverChain().cache)
 * await syncStore(client, launcherId, { parser, memo })
 */
export function createSharedParseMemo(cache: ChainCache, { maxEntries = 200_000 }: { maxEntries?: number } = {}): ParseMemo {
  const memo = new Map<string, StoreSpendOutcome>() as ParseMemo
  const set = memo.set.bind(memo)
  memo.set = (key, value) => {
    if (memo.size >= maxEntries) memo.clear()
    return set(key, value)
  }
  memo.preload = async (keys) => {
    const missing = keys.filter((k) => !memo.has(k))
    const texts = await Promise.all(missing.map((k) => cache.get(`outcome:${k}`)))
    texts.forEach((t, i) => {
      if (t === undefined) return
      try {
        memo.set(missing[i], decodeSpendOutcome(t))
      } catch {
        // A corrupt entry is just a miss: the spend is fetched and parsed again.
      }
    })
  }
  memo.share = (key, outcome) => {
    void cache.set(`outcome:${key}`, encodeSpendOutcome(outcome))
  }
  return memo
}
