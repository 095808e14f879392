/**
 * Networks and their genesis challenges (AGG_SIG_ME additional data).
 * Sources: datalayer-protocol.md §2.4; chia-blockchain `chia/util/initial-config.yaml`.
 */
import { type Bytes32, hexToBytes } from './bytes'

export const MAINNET_GENESIS_CHALLENGE: Bytes32 = hexToBytes(
  'ccd5bb71183532bff220ba46c268991a3ff07eb358e8255a65c30a2dce0e5fbb',
)
export const TESTNET11_GENESIS_CHALLENGE: Bytes32 = hexToBytes(
  '37a90eb5185a9c4439a91ddc98bbadce7b4feba060d50116a067de66bf236615',
)

export type NetworkName = 'mainnet' | 'testnet11' | 'devnet'

/** Address prefix: `xch` on mainnet, `txch` on every test network (as Chia does). @example addressPrefix('devnet') // 'txch' */
export const addressPrefix = (network: NetworkName): 'xch' | 'txch' => (network === 'mainnet' ? 'xch' : 'txch')
