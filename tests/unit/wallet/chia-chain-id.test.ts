import { describe, expect, it } from 'vitest'

import { checkApprovedAccounts, networkFromChip0002ChainId, parseChiaAccount, walletConnectChainId } from '@/lib/wallet/chia-chain-id'
import { WalletBadReplyError, WalletNetworkMismatchError } from '@/lib/wallet/wallet-errors'

describe('chia chain ids', () => {
  it('maps app networks to WalletConnect chains (testnet11 is chia:testnet)', () => {
    expect(walletConnectChainId('mainnet')).toBe('chia:mainnet')
    expect(walletConnectChainId('testnet11')).toBe('chia:testnet')
    expect(walletConnectChainId('devnet')).toBe('chia:devnet')
  })

  it('parses accounts', () => {
    expect(parseChiaAccount('chia:testnet:3920519087')).toEqual({ chainId: 'chia:testnet', reference: 'testnet', fingerprint: 3920519087 })
    for (const bad of ['chia:testnet', 'eip155:1:0xabc', 'chia:mainnet:-1', 'chia:mainnet:99999999999', 'chia::1', 'chia:mainnet:1:2']) {
      expect(() => parseChiaAccount(bad), bad).toThrow(WalletBadReplyError)
    }
  })

  it('accepts the app network and refuses another (Sage approves its own network)', () => {
    expect(checkApprovedAccounts(['chia:mainnet:42'], 'mainnet').fingerprint).toBe(42)
    expect(checkApprovedAccounts(['chia:mainnet:1', 'chia:testnet:2'], 'testnet11').fingerprint).toBe(2)
    expect(() => checkApprovedAccounts(['chia:testnet:42'], 'mainnet')).toThrow(WalletNetworkMismatchError)
    expect(() => checkApprovedAccounts(['chia:unknown:42'], 'testnet11')).toThrow(/chia:unknown/)
    expect(() => checkApprovedAccounts([], 'mainnet')).toThrow(WalletBadReplyError)
  })

  it('reads CHIP-0002 chainId replies of Sage, Goby and the CHIP', () => {
    expect(networkFromChip0002ChainId('mainnet')).toBe('mainnet')
    expect(networkFromChip0002ChainId('0x01')).toBe('mainnet')
    expect(networkFromChip0002ChainId('testnet11')).toBe('testnet11')
    expect(networkFromChip0002ChainId('testnet10')).toBe('testnet11')
    expect(networkFromChip0002ChainId('devnet')).toBe('devnet')
    expect(networkFromChip0002ChainId('simulator0')).toBeUndefined()
    expect(networkFromChip0002ChainId(1)).toBeUndefined()
  })
})
