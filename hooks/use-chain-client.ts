'use client'

/**
 * The browser's ChainClient (full-node RPC through our `/api/node` proxy) and the pure-TS CLVM
 * runner, created once per tab and shared by every flow.
 */
import { createTsRunner } from '@/lib/chia/clvm/run-program'
import type { ClvmRunner } from '@/lib/chia/clvm/runner'
import { MAINNET_GENESIS_CHALLENGE, TESTNET11_GENESIS_CHALLENGE } from '@/lib/chia/primitives/network'
import type { Bytes32 } from '@/lib/chia/primitives/bytes'
import { createHttpRpcCall } from '@/lib/chain/http-rpc-call'
import { createRpcClient, type ChainClient } from '@/lib/chain/rpc-client'

let client: ChainClient | undefined
let runner: ClvmRunner | undefined
let genesis: Promise<Bytes32> | undefined

/** The tab's ChainClient over `/api/node`. @example const client = browserChainClient() */
export function browserChainClient(): ChainClient {
  client ??= createRpcClient(createHttpRpcCall({ baseUrl: '/api/node' }))
  return client
}

/** The tab's CLVM runner (pure TypeScript). @example browserRunner().run(puzzle, solution) */
export function browserRunner(): ClvmRunner {
  runner ??= createTsRunner()
  return runner
}

/** The genesis challenge AGG_SIG_ME signatures are bound to (the devnet's is asked for). */
export function genesisChallenge(network: string): Promise<Bytes32> {
  if (network === 'mainnet') return Promise.resolve(MAINNET_GENESIS_CHALLENGE)
  if (network === 'testnet11') return Promise.resolve(TESTNET11_GENESIS_CHALLENGE)
  genesis ??= browserChainClient()
    .getNetworkInfo()
    .then((i) => i.genesisChallenge)
  genesis.catch(() => (genesis = undefined))
  return genesis
}
