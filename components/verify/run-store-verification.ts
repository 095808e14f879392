/**
 * The CPU- and code-heavy half of the in-browser verification (RPC client, lib/chia's store
 * checks, the pure-TS CLVM interpreter with its BLS/secp operators), loaded with `import()` after
 * the page is interactive so it stays out of the page's first-load JavaScript.
 */
import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { createRpcClient } from '@/lib/chain/rpc-client'
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import { createValueClvmHasher } from '@/lib/chia/merkle/data-layer-hash'
import { bytesToHex, hexToBytes32, type Bytes32 } from '@/lib/chia/primitives/bytes'
import { coinId } from '@/lib/chia/primitives/coin'
import { loadStoreEvidence, type LoadStoreEvidenceOptions } from '@/lib/chia/verify/load-store-evidence'
import { verifyStoreHistory, type StoreVerification } from '@/lib/chia/verify/verify-store-history'
import { verifyStoreProof, type StoreProofResult } from '@/lib/chia/verify/verify-store-proof'

/** Fetches the evidence from `baseUrl` (a full-node RPC) and runs every check. */
export async function runStoreVerification(
  baseUrl: string,
  launcherId: string,
  claims: readonly { coinId: string; rootHash: string }[],
  options: Pick<LoadStoreEvidenceOptions, 'onProgress' | 'onError'>,
): Promise<{ verification: StoreVerification; recordKeys: string[] }> {
  const client = createRpcClient(createHttpRpcCall({ baseUrl }))
  const evidence = await loadStoreEvidence(
    client,
    hexToBytes32(launcherId),
    claims.map((c) => ({ coinId: hexToBytes32(c.coinId), rootHash: hexToBytes32(c.rootHash) })),
    options,
  )
  // Let the last progress update paint before the CPU-bound part.
  await new Promise((resolve) => setTimeout(resolve, 0))
  const verification = verifyStoreHistory(evidence, createTsRunner())
  // What each generation's record says, to compare sources without loading hashing code in the page.
  const recordKeys = verification.generations.map((g) =>
    g.record ? `${bytesToHex(coinId(g.record.coin))}:${g.record.confirmedBlockIndex}:${g.record.spentBlockIndex}` : 'missing',
  )
  return { verification, recordKeys }
}

/** `valueClvmHash` of a file, read in chunks. */
export async function hashFile(file: File): Promise<Bytes32> {
  const hasher = createValueClvmHasher()
  const reader = file.stream().getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    hasher.update(value)
  }
  return hasher.digest()
}

/** Verifies a pasted proof (and optional file) against the verified history. */
export async function checkProof(text: string, launcherId: string, verification: StoreVerification, file: File | undefined): Promise<StoreProofResult> {
  const fileValueClvmHash = file ? await hashFile(file) : undefined
  return verifyStoreProof(text, { launcherId: hexToBytes32(launcherId), generations: verification.generations, fileValueClvmHash })
}
