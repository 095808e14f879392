/**
 * CLVM runner throughput on the DataLayer update puzzles from the driver vectors:
 * - `tsRunsPerSec` / `rsRunsPerSec`: the vanilla store update (singleton + NFT state layer +
 *   standard p2, ~2.3 KB reveal), run by lib/chia's TypeScript interpreter (pre-parsed program,
 *   as a browser holding a parsed spend runs it) and by clvm_rs through clvm_wasm (bytes in/out,
 *   its natural form).
 * - `tsDelegatedRunsPerSec` / `rsDelegatedRunsPerSec`: the delegated-store update (adds the
 *   delegation layer, ~3.2 KB reveal).
 * - `tsParseAndRunPerSec`: the vanilla update including deserialization of reveal and solution.
 * Both runners are checked to agree (output bytes and cost) before timing.
 * Run: `npx tsx bench/clvm.ts`; prints one JSON line.
 */
import { readFileSync } from 'node:fs'
import { runProgram } from '@/lib/chia/clvm/run-program'
import { programFromBytes, programToHex } from '@/lib/chia/clvm/serialize'
import { bytesToHex, hexToBytes } from '@/lib/chia/primitives/bytes'
import { runSerialized } from '@/lib/devnet/clvm-rs-runner'

interface CoinSpendJson {
  puzzleReveal: string
  solution: string
}
const driver = JSON.parse(readFileSync(new URL('../tests/vectors/datalayer-driver-0.1.29.json', import.meta.url), 'utf8'))
const spendOf = (name: string): CoinSpendJson => {
  const c = driver.cases.find((x: { name: string }) => x.name === name)
  if (!c) throw new Error(`vector case ${name} not found`)
  return c.output.coinSpends[c.output.coinSpends.length - 1]
}

function throughput(fn: () => void, seconds: number): number {
  for (let i = 0; i < 50; i++) fn() // warm up the JIT
  let runs = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < 20; i++) fn()
    runs += 20
    elapsed = performance.now() - start
  }
  return Math.round((runs * 1000) / elapsed)
}

function measure(spend: CoinSpendJson) {
  const puzzleBytes = hexToBytes(spend.puzzleReveal)
  const solutionBytes = hexToBytes(spend.solution)
  const puzzle = programFromBytes(puzzleBytes)
  const solution = programFromBytes(solutionBytes)
  const ts = runProgram(puzzle, solution)
  const rs = runSerialized(puzzleBytes, solutionBytes)
  if (programToHex(ts.value) !== bytesToHex(rs.output) || ts.cost !== rs.cost) {
    throw new Error(`runners disagree: ts cost ${ts.cost}, rs cost ${rs.cost}`)
  }
  return {
    bytes: puzzleBytes.length,
    cost: Number(ts.cost),
    ts: throughput(() => runProgram(puzzle, solution), 2),
    rs: throughput(() => runSerialized(puzzleBytes, solutionBytes), 1),
    tsParse: throughput(() => runProgram(programFromBytes(puzzleBytes), programFromBytes(solutionBytes)), 1),
  }
}

const vanilla = measure(spendOf('update_metadata_owner_vanilla_after_removal'))
const delegated = measure(spendOf('update_metadata_writer'))

console.log(
  JSON.stringify({
    tsRunsPerSec: vanilla.ts,
    rsRunsPerSec: vanilla.rs,
    tsParseAndRunPerSec: vanilla.tsParse,
    tsDelegatedRunsPerSec: delegated.ts,
    rsDelegatedRunsPerSec: delegated.rs,
    puzzleBytes: vanilla.bytes,
    puzzleCost: vanilla.cost,
    delegatedPuzzleBytes: delegated.bytes,
    delegatedPuzzleCost: delegated.cost,
  }),
)
