/**
 * Coin selection identical to the reference driver's `selectCoins` (chia-wallet-sdk 0.13.0
 * src/coin_selection.rs): sort by amount descending, exact single coin, exact sum of the smaller
 * coins, the smallest coin above the amount, else a knapsack driven by ChaCha8Rng seeded with 0
 * (rand_chacha 0.3.1, rand_core 0.6 `seed_from_u64`, rand 0.8 `gen::<bool>()` = top bit of a u32).
 * Not consensus-relevant: any covering selection is valid; determinism keeps vectors comparable.
 */
import { AppError } from '../errors/app-error'
import { bytesToHex } from '../primitives/bytes'
import type { Coin } from '../primitives/coin'

export class CoinSelectionError extends AppError {
  override name = 'CoinSelectionError' as const
  constructor(reason: 'noSpendableCoins' | 'insufficientBalance' | 'exceededMaxCoins', details?: string) {
    super(
      reason === 'noSpendableCoins'
        ? 'There are no spendable coins.'
        : reason === 'insufficientBalance'
          ? 'The wallet balance is too low for this amount.'
          : 'Too many coins would be needed for this amount.',
      { details },
    )
  }
}

const MAX_COINS = 500
const M64 = (1n << 64n) - 1n

/** ChaCha with 8 rounds, 64-bit block counter, stream 0: the keystream as u32 words. */
class ChaCha8 {
  private readonly key: Uint32Array
  private counter = 0
  private buf = new Uint32Array(16)
  private idx = 16

  constructor(seed: Uint8Array) {
    const dv = new DataView(seed.buffer, seed.byteOffset, 32)
    this.key = new Uint32Array(8)
    for (let i = 0; i < 8; i++) this.key[i] = dv.getUint32(i * 4, true)
  }

  static seedFromU64(state: bigint): ChaCha8 {
    const seed = new Uint8Array(32)
    const dv = new DataView(seed.buffer)
    let s = state & M64
    for (let i = 0; i < 8; i++) {
      s = (s * 6364136223846793005n + 11634580027462260723n) & M64
      const xorshifted = Number((((s >> 18n) ^ s) >> 27n) & 0xffffffffn)
      const rot = Number(s >> 59n)
      const x = ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0
      dv.setUint32(i * 4, x, true)
    }
    return new ChaCha8(seed)
  }

  private block(): void {
    const c = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]
    const input = new Uint32Array(16)
    input.set(c, 0)
    input.set(this.key, 4)
    input[12] = this.counter >>> 0
    input[13] = Math.floor(this.counter / 2 ** 32) >>> 0
    const x = Uint32Array.from(input)
    const qr = (a: number, b: number, cc: number, d: number) => {
      x[a] = (x[a] + x[b]) >>> 0
      x[d] ^= x[a]
      x[d] = (x[d] << 16) | (x[d] >>> 16)
      x[cc] = (x[cc] + x[d]) >>> 0
      x[b] ^= x[cc]
      x[b] = (x[b] << 12) | (x[b] >>> 20)
      x[a] = (x[a] + x[b]) >>> 0
      x[d] ^= x[a]
      x[d] = (x[d] << 8) | (x[d] >>> 24)
      x[cc] = (x[cc] + x[d]) >>> 0
      x[b] ^= x[cc]
      x[b] = (x[b] << 7) | (x[b] >>> 25)
    }
    for (let r = 0; r < 4; r++) {
      qr(0, 4, 8, 12)
      qr(1, 5, 9, 13)
      qr(2, 6, 10, 14)
      qr(3, 7, 11, 15)
      qr(0, 5, 10, 15)
      qr(1, 6, 11, 12)
      qr(2, 7, 8, 13)
      qr(3, 4, 9, 14)
    }
    for (let i = 0; i < 16; i++) this.buf[i] = (x[i] + input[i]) >>> 0
    this.counter++
    this.idx = 0
  }

  nextU32(): number {
    if (this.idx >= 16) this.block()
    return this.buf[this.idx++]
  }

  /** rand 0.8 `Standard` for bool: the sign bit of the next u32. */
  nextBool(): boolean {
    return (this.nextU32() | 0) < 0
  }
}

const coinKey = (c: Coin) => `${bytesToHex(c.parentCoinInfo)}${bytesToHex(c.puzzleHash)}${c.amount}`

/**
 * An insertion-ordered set of coins (Rust `IndexSet<Coin>` with `shift_remove`). Coins are
 * compared by value: `ids[i]` is the index of the first coin equal to `coins[i]`.
 */
class CoinSet {
  private readonly order: number[] = []
  private readonly members = new Set<number>()
  constructor(private readonly coins: readonly Coin[], private readonly ids: readonly number[]) {}
  has = (i: number) => this.members.has(this.ids[i])
  add(i: number) {
    if (this.members.has(this.ids[i])) return
    this.members.add(this.ids[i])
    this.order.push(this.ids[i])
  }
  delete(i: number) {
    if (!this.members.delete(this.ids[i])) return
    this.order.splice(this.order.indexOf(this.ids[i]), 1)
  }
  get size() {
    return this.members.size
  }
  values = () => this.order.map((i) => this.coins[i])
}

function knapsack(rng: ChaCha8, coins: readonly Coin[], ids: readonly number[], amount: bigint): Coin[] | undefined {
  let bestSum = (1n << 128n) - 1n
  let best: Coin[] | undefined
  for (let iter = 0; iter < 1000; iter++) {
    const selected = new CoinSet(coins, ids)
    let sum = 0n
    let reached = false
    for (let pass = 0; pass < 2 && !reached; pass++) {
      for (let i = 0; i < coins.length; i++) {
        const skipFirst = pass !== 0 || !rng.nextBool()
        const skipSecond = pass !== 1 || selected.has(i)
        if (skipFirst && skipSecond) continue
        if (selected.size > MAX_COINS) break
        sum += coins[i].amount
        selected.add(i)
        if (sum === amount) return selected.values()
        if (sum > amount) {
          reached = true
          if (sum < bestSum) {
            bestSum = sum
            best = selected.values()
            sum -= coins[i].amount
            selected.delete(i)
          }
        }
      }
    }
  }
  return best
}

/**
 * Selects coins covering `amount` exactly like the reference driver; throws {@link CoinSelectionError}.
 * @example selectCoins(spendableCoins, fee + 1n)
 */
export function selectCoins(allCoins: readonly Coin[], amount: bigint): Coin[] {
  if (allCoins.length === 0) throw new CoinSelectionError('noSpendableCoins')
  const spendable = allCoins.reduce((s, c) => s + c.amount, 0n)
  if (spendable < amount) throw new CoinSelectionError('insufficientBalance', `balance ${spendable}, need ${amount}`)
  // Rust's sort_unstable_by_key(Reverse(amount)); ties keep input order here.
  const coins = [...allCoins].sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1))
  const exact = coins.find((c) => c.amount === amount)
  if (exact) return [exact]
  const firstIndex = new Map<string, number>()
  const ids = coins.map((c, i) => {
    const k = coinKey(c)
    if (!firstIndex.has(k)) firstIndex.set(k, i)
    return firstIndex.get(k)!
  })

  const smaller = new CoinSet(coins, ids)
  let smallerSum = 0n
  coins.forEach((c, i) => {
    if (c.amount < amount) {
      smaller.add(i)
      smallerSum += c.amount
    }
  })
  if (smallerSum === amount && smaller.size < MAX_COINS && amount !== 0n) return smaller.values()
  const smallestAbove = (): Coin | undefined => {
    if (coins[0].amount < amount) return undefined
    for (let i = coins.length - 1; i >= 0; i--) if (coins[i].amount >= amount) return coins[i]
    return undefined
  }
  if (smallerSum < amount) return [smallestAbove()!]
  if (smallerSum > amount) {
    const result = knapsack(ChaCha8.seedFromU64(0n), coins, ids, amount)
    if (result) return result
    const summed = new CoinSet(coins, ids)
    let sum = 0n
    for (let i = 0; i < coins.length; i++) {
      sum += coins[i].amount
      summed.add(i)
      if (sum >= amount) break
    }
    if (summed.size <= MAX_COINS) return summed.values()
    throw new CoinSelectionError('exceededMaxCoins')
  }
  const above = smallestAbove()
  if (above) return [above]
  throw new CoinSelectionError('exceededMaxCoins')
}
