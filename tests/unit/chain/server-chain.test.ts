import { describe, expect, it } from 'vitest'

import { usesNodeTls } from '@/lib/chain/server-chain'

describe('usesNodeTls', () => {
  it('uses mTLS only for https upstreams with an explicit (RPC) port', () => {
    expect(usesNodeTls('https://10.0.0.5:8555')).toBe(true)
    expect(usesNodeTls('https://node.example:9256')).toBe(true)
    expect(usesNodeTls('https://api.coinset.org')).toBe(false)
    expect(usesNodeTls('https://testnet11.api.coinset.org/')).toBe(false)
    expect(usesNodeTls('http://127.0.0.1:18555')).toBe(false)
  })
})
