/**
 * Races `promise` against a timer that rejects with `onTimeout()` after `ms`; the timer is always
 * cleared, and a late rejection of `promise` is observed so it never becomes unhandled.
 *
 * @example
 * const raw = await withTimeout(provider.request({ method }), 60_000, () => new WalletTimeoutError({ method, timeoutMs: 60_000 }))
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  promise.catch(() => undefined)
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
