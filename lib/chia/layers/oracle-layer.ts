/**
 * The DataLayer oracle puzzle (a template, not a curried module):
 * `(q . ((51 ORACLE_PUZZLE_HASH ORACLE_FEE) (62 "$")))`, solution `()`. Anyone can spend a store
 * through it by paying ORACLE_FEE; the `"$"` puzzle announcement proves the store is live.
 * Source: chia-wallet-sdk 0.13.0 crates/chia-sdk-driver/src/layers/datalayer/oracle_layer.rs;
 * CHIP-0035. Spec: datalayer-protocol.md §3.1, §5.1.
 */
import { type Program, atom, int, isAtom, list, programEquals, quote, rest, toList } from '../clvm/program'
import { atomToBigint } from '../clvm/int'
import { type Bytes32, equalBytes } from '../primitives/bytes'
import { ConditionOpcode } from '../spends/condition-opcodes'

export interface OracleLayerArgs {
  oraclePuzzleHash: Bytes32
  oracleFee: bigint
}

const DOLLAR = new Uint8Array([0x24])

/** Symmetric construct/parse for the oracle puzzle. */
export const oracleLayer = {
  /**
   * Builds the oracle puzzle (callers check that the fee is even: the singleton rejects odd outputs).
   * @example oracleLayer.construct({ oraclePuzzleHash, oracleFee: 1000n })
   */
  construct: ({ oraclePuzzleHash, oracleFee }: OracleLayerArgs): Program =>
    quote(
      list([
        list([int(ConditionOpcode.CREATE_COIN), atom(oraclePuzzleHash), int(oracleFee)]),
        list([int(ConditionOpcode.CREATE_PUZZLE_ANNOUNCEMENT), atom(DOLLAR)]),
      ]),
    ),

  /**
   * Recognizes an oracle puzzle; `undefined` for anything else.
   * @example oracleLayer.parse(delegatedPuzzle)?.oracleFee
   */
  parse(puzzle: Program): OracleLayerArgs | undefined {
    if (!puzzle.pair || !isAtom(puzzle.pair[0]) || !equalBytes(puzzle.pair[0].atom, new Uint8Array([1]))) return undefined
    const conditions = toList(rest(puzzle))
    if (conditions.length !== 2) return undefined
    const [cc, ann] = conditions.map(toList)
    if (cc.length !== 3 || ann.length !== 2) return undefined
    if (!cc.every(isAtom) || !ann.every(isAtom)) return undefined
    if (atomToBigint(cc[0].atom!) !== 51n || cc[1].atom!.length !== 32) return undefined
    if (atomToBigint(ann[0].atom!) !== 62n || !equalBytes(ann[1].atom!, DOLLAR)) return undefined
    const args = { oraclePuzzleHash: cc[1].atom!, oracleFee: atomToBigint(cc[2].atom!) }
    // Only the canonical encoding is the oracle leaf (its tree hash is what the merkle tree holds).
    return programEquals(oracleLayer.construct(args), puzzle) ? args : undefined
  },
}
