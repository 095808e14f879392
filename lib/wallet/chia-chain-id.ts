/**
 * WalletConnect chain ids and accounts for the `chia` namespace (wallets.md §2): chains are
 * `chia:mainnet` and `chia:testnet` (testnet11); accounts are `chia:<net>:<fingerprint>`.
 * The embedded devnet uses its own `chia:devnet`, which only our test wallet approves.
 */
import type { NetworkName } from '@/lib/chia/primitives/network'

import { WalletBadReplyError, WalletNetworkMismatchError } from './wallet-errors'

export type ChiaChainId = 'chia:mainnet' | 'chia:testnet' | 'chia:devnet'

const CHAIN_BY_NETWORK: Record<NetworkName, ChiaChainId> = {
  mainnet: 'chia:mainnet',
  testnet11: 'chia:testnet',
  devnet: 'chia:devnet',
}

/** The WalletConnect chain id for an app network: `testnet11` → `chia:testnet`. */
export const walletConnectChainId = (network: NetworkName): ChiaChainId => CHAIN_BY_NETWORK[network]

export interface ChiaAccount {
  /** `chia:<net>` as in the account string. */
  chainId: string
  /** The `<net>` part (`mainnet`, `testnet`, `devnet`, or whatever the wallet sent, e.g. Sage's `unknown`). */
  reference: string
  fingerprint: number
}

/** Parses `chia:testnet:123456` into its chain id and fingerprint; throws on anything else. */
export function parseChiaAccount(account: string): ChiaAccount {
  const parts = account.split(':')
  const [namespace, reference, fp] = parts
  if (parts.length !== 3 || namespace !== 'chia' || !reference || !/^\d{1,10}$/.test(fp ?? '')) {
    throw new WalletBadReplyError({ method: 'session approval', problem: 'account is not chia:<net>:<fingerprint>', reply: account })
  }
  const fingerprint = Number(fp)
  if (fingerprint > 0xffffffff) {
    throw new WalletBadReplyError({ method: 'session approval', problem: 'fingerprint is not a u32', reply: account })
  }
  return { chainId: `chia:${reference}`, reference, fingerprint }
}

/**
 * The approved account of a session, checked against the app's network (wallets.md §1 gotcha 2:
 * Sage approves its own network whatever was proposed). Throws `WalletNetworkMismatchError`.
 */
export function checkApprovedAccounts(accounts: readonly string[], network: NetworkName): ChiaAccount {
  const expected = walletConnectChainId(network)
  if (accounts.length === 0) {
    throw new WalletBadReplyError({ method: 'session approval', problem: 'no chia account approved', reply: accounts })
  }
  const parsed = accounts.map(parseChiaAccount)
  const match = parsed.find((a) => a.chainId === expected)
  if (!match) throw new WalletNetworkMismatchError({ expected: expected, actual: parsed[0].chainId })
  return match
}

/**
 * Maps a CHIP-0002 `chainId` reply to an app network: Sage says `mainnet`/`testnet11`, Goby
 * `0x01` for mainnet (tibet-ui), the CHIP `testnet10`. Unknown values come back as `undefined`.
 */
export function networkFromChip0002ChainId(value: unknown): NetworkName | undefined {
  if (typeof value !== 'string') return undefined
  const v = value.toLowerCase()
  if (v === 'mainnet' || v === '0x01' || v === 'chia:mainnet') return 'mainnet'
  if (v === 'testnet11' || v === 'testnet' || v === 'testnet10' || v === '0x02' || v === 'chia:testnet') return 'testnet11'
  if (v === 'devnet' || v === 'chia:devnet') return 'devnet'
  return undefined
}
