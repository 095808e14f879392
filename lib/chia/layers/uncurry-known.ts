/**
 * Uncurry a layer by comparing its module with the known module program rather than hashing it
 * (`uncurryIf`): a freshly deserialized module has no cached tree hash, and hashing one costs
 * hundreds of sha256 calls, while a structural comparison is a byte walk. Equal structure ⇔ equal
 * tree hash (sha256tree is collision resistant), so the answer is the same.
 */
import { uncurry } from '../clvm/curry'
import { type Program, programEquals } from '../clvm/program'

/**
 * The curried arguments when `program` is `mod` curried, else `undefined`.
 * @example uncurryKnown(puzzle, SINGLETON_MOD)
 */
export function uncurryKnown(program: Program, mod: Program): Program[] | undefined {
  const u = uncurry(program)
  if (!u) return undefined
  return u.mod === mod || programEquals(u.mod, mod) ? u.args : undefined
}
