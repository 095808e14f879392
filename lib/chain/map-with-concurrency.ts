/**
 * Maps over items with at most `concurrency` calls in flight, keeping result order. Used for the
 * parallel `get_puzzle_and_solution` fan-out, which costs the node CPU per call.
 *
 * @example
 * const spends = await mapWithConcurrency(records, 32, (r) => client.getPuzzleAndSolution(id(r), r.spentBlockIndex))
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  return results
}
