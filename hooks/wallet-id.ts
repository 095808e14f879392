const ids = new WeakMap<object, number>()
let nextId = 1

/**
 * A number per wallet object, for SWR keys: a reconnect yields a new wallet object and so a new
 * key, and data never carries over from one wallet to another.
 * @example useSWR(wallet ? ['wallet-keys', walletId(wallet)] : null, …)
 */
export function walletId(wallet: object): number {
  if (!ids.has(wallet)) ids.set(wallet, nextId++)
  return ids.get(wallet)!
}
