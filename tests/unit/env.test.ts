import { describe, expect, it } from 'vitest'

import { InvalidEnvError, parseEnv, type EnvProblem } from '@/lib/env'

const noFiles = { fileExists: () => false }
const allFiles = { fileExists: () => true }

/** Runs parseEnv and returns the problems it reported (fails the test if it did not throw). */
const problemsOf = (source: Record<string, string | undefined>, options = allFiles): EnvProblem[] => {
  try {
    parseEnv(source, options)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvError)
    return (error as InvalidEnvError).problems
  }
  throw new Error('expected parseEnv to throw')
}

describe('parseEnv defaults', () => {
  it('runs on the embedded devnet with nothing configured', () => {
    const config = parseEnv({}, noFiles)
    expect(config).toEqual({
      network: 'devnet',
      fullNodeUrls: ['http://127.0.0.1:18555'],
      fullNodeTls: undefined,
      walletConnectProjectId: undefined,
      walletConnectRelayUrl: undefined,
      collateral: {
        ratePerUnit: 100n,
        rateDig: '0.1',
        unitBytes: 1_048_576n,
        multiplier: undefined,
        multiplierThresholdBytes: undefined,
      },
      feeWarnMojos: 1_000_000_000n,
      exchangeUrl: 'https://v2.tibetswap.io/',
      redisUrl: undefined,
      devnetPort: 18555,
      devnetDir: '.devnet',
      intentsDir: '.data/intents',
      digAssetId: undefined,
    })
  })

  it('treats blank values as unset', () => {
    const config = parseEnv({ CHIA_NETWORK: '', REDIS_URL: '  ', DEVNET_PORT: '' }, noFiles)
    expect(config.network).toBe('devnet')
    expect(config.redisUrl).toBeUndefined()
    expect(config.devnetPort).toBe(18555)
  })

  it('points the devnet upstream at DEVNET_PORT', () => {
    expect(parseEnv({ DEVNET_PORT: '19000' }, noFiles).fullNodeUrls).toEqual(['http://127.0.0.1:19000'])
  })

  it.each([
    ['testnet11', 'https://testnet11.api.coinset.org'],
    ['mainnet', 'https://api.coinset.org'],
  ] as const)('defaults %s to a coinset upstream', (network, url) => {
    const config = parseEnv({ CHIA_NETWORK: network }, noFiles)
    expect(config.network).toBe(network)
    expect(config.fullNodeUrls).toEqual([url])
  })
})

describe('parseEnv values', () => {
  it('parses a full configuration', () => {
    const config = parseEnv(
      {
        CHIA_NETWORK: 'mainnet',
        FULL_NODE_URLS: 'https://node-a:8555/, https://node-b:8555 ,',
        FULL_NODE_CERT: '/certs/private_full_node.crt',
        FULL_NODE_KEY: '/certs/private_full_node.key',
        WALLETCONNECT_PROJECT_ID: 'ABCDEF0123456789abcdef0123456789',
        WALLETCONNECT_RELAY_URL: 'ws://127.0.0.1:9000',
        COLLATERAL_RATE_DIG_PER_UNIT: '2.005',
        COLLATERAL_UNIT_BYTES: '1000000',
        COLLATERAL_MULTIPLIER: '1.5',
        COLLATERAL_MULTIPLIER_THRESHOLD_BYTES: '1073741824',
        FEE_WARN_MOJOS: '0',
        EXCHANGE_URL: 'https://dexie.space/offers/DIG/XCH',
        REDIS_URL: 'redis://cache:6379/0',
        DEVNET_PORT: '1',
        DEVNET_DIR: '/tmp/devnet',
        INTENTS_DIR: '/var/lib/studio/intents',
      },
      allFiles,
    )
    expect(config.fullNodeUrls).toEqual(['https://node-a:8555', 'https://node-b:8555'])
    expect(config.fullNodeTls).toEqual({
      certPath: '/certs/private_full_node.crt',
      keyPath: '/certs/private_full_node.key',
    })
    expect(config.walletConnectProjectId).toBe('abcdef0123456789abcdef0123456789')
    expect(config.walletConnectRelayUrl).toBe('ws://127.0.0.1:9000')
    expect(config.collateral).toEqual({
      ratePerUnit: 2005n,
      rateDig: '2.005',
      unitBytes: 1_000_000n,
      multiplier: 1.5,
      multiplierThresholdBytes: 1_073_741_824n,
    })
    expect(config.feeWarnMojos).toBe(0n)
    expect(config.redisUrl).toBe('redis://cache:6379/0')
    expect(config.devnetPort).toBe(1)
    expect(config.devnetDir).toBe('/tmp/devnet')
    expect(config.intentsDir).toBe('/var/lib/studio/intents')
  })

  it('takes a DIG asset id override on testnet11, normalized to lowercase hex without 0x', () => {
    const config = parseEnv({ CHIA_NETWORK: 'testnet11', DIG_ASSET_ID: `0x${'AB'.repeat(32)}` }, noFiles)
    expect(config.digAssetId).toBe('ab'.repeat(32))
    expect(parseEnv({ CHIA_NETWORK: 'testnet11', DIG_ASSET_ID: ' ' }, noFiles).digAssetId).toBeUndefined()
  })

  it('accepts the real DIG asset id on mainnet (a no-op override)', () => {
    const dig = 'a406d3a9de984d03c9591c10d917593b434d5263cabe2b42f6b367df16832f81'
    expect(parseEnv({ CHIA_NETWORK: 'mainnet', DIG_ASSET_ID: dig.toUpperCase() }, noFiles).digAssetId).toBe(dig)
  })

  it('keeps mojo amounts beyond 2^53 exact', () => {
    expect(parseEnv({ FEE_WARN_MOJOS: '18446744073709551615' }, noFiles).feeWarnMojos).toBe(18446744073709551615n)
  })

  it('accepts a whole-DIG rate', () => {
    expect(parseEnv({ COLLATERAL_RATE_DIG_PER_UNIT: '3' }, noFiles).collateral.ratePerUnit).toBe(3000n)
  })
})

describe('parseEnv errors', () => {
  it.each([
    ['CHIA_NETWORK', 'testnet10', /expected one of devnet, testnet11, mainnet/],
    ['FULL_NODE_URLS', 'https://ok:8555,ftp://nope', /"ftp:\/\/nope" is not an http/],
    ['WALLETCONNECT_PROJECT_ID', 'abc123', /32 hex characters/],
    ['WALLETCONNECT_RELAY_URL', 'https://relay.example', /ws:\/\/ or wss:\/\//],
    ['COLLATERAL_RATE_DIG_PER_UNIT', 'lots', /DIG amount/],
    ['COLLATERAL_RATE_DIG_PER_UNIT', '0.0001', /at most 3 decimals/],
    ['COLLATERAL_UNIT_BYTES', '0', /greater than 0/],
    ['COLLATERAL_UNIT_BYTES', '1.5', /whole number/],
    ['FEE_WARN_MOJOS', '-1', /whole number of mojos/],
    ['EXCHANGE_URL', 'tibetswap', /http:\/\/ or https:\/\//],
    ['REDIS_URL', 'http://cache:6379', /redis:\/\/ or rediss:\/\//],
    ['DEVNET_PORT', '70000', /between 1 and 65535/],
    ['DEVNET_PORT', 'http', /between 1 and 65535/],
    ['DIG_ASSET_ID', 'ab'.repeat(31), /64 hex characters/],
    ['DIG_ASSET_ID', 'zz'.repeat(32), /64 hex characters/],
  ])('rejects %s=%s, naming the variable and the value', (variable, value, message) => {
    const problems = problemsOf({ [variable]: value })
    expect(problems).toHaveLength(1)
    expect(problems[0].variable).toBe(variable)
    expect(problems[0].message).toMatch(message)
    expect(problems[0].value).toBe(value)
  })

  it('reports every bad variable at once, in a readable message', () => {
    let error: InvalidEnvError | undefined
    try {
      parseEnv({ CHIA_NETWORK: 'moon', DEVNET_PORT: '0', WALLETCONNECT_PROJECT_ID: 'nope' }, allFiles)
    } catch (e) {
      error = e as InvalidEnvError
    }
    expect(error).toBeInstanceOf(InvalidEnvError)
    expect(error?.name).toBe('InvalidEnvError')
    expect(error?.shortMessage).toBe(
      'Invalid configuration: check CHIA_NETWORK, WALLETCONNECT_PROJECT_ID, DEVNET_PORT.',
    )
    expect(error?.details).toContain('CHIA_NETWORK: expected one of devnet, testnet11, mainnet (got "moon")')
    expect(error?.details).toContain('DEVNET_PORT: expected a TCP port between 1 and 65535 (got "0")')
    expect(error?.message).toContain(error?.details)
  })

  it('requires FULL_NODE_CERT and FULL_NODE_KEY together', () => {
    expect(problemsOf({ FULL_NODE_CERT: '/certs/a.crt' })).toEqual([
      { variable: 'FULL_NODE_KEY', message: 'must be set together with FULL_NODE_CERT (set both or neither)' },
    ])
    expect(problemsOf({ FULL_NODE_KEY: '/certs/a.key' })[0].variable).toBe('FULL_NODE_CERT')
  })

  it('checks that the certificate files exist', () => {
    const problems = problemsOf({ FULL_NODE_CERT: '/missing.crt', FULL_NODE_KEY: '/missing.key' }, noFiles)
    expect(problems).toEqual([
      { variable: 'FULL_NODE_CERT', message: 'file not found', value: '/missing.crt' },
      { variable: 'FULL_NODE_KEY', message: 'file not found', value: '/missing.key' },
    ])
  })

  it('requires the collateral multiplier and its threshold together', () => {
    expect(problemsOf({ COLLATERAL_MULTIPLIER: '2' })[0]).toMatchObject({
      variable: 'COLLATERAL_MULTIPLIER_THRESHOLD_BYTES',
    })
    expect(problemsOf({ COLLATERAL_MULTIPLIER: '0', COLLATERAL_MULTIPLIER_THRESHOLD_BYTES: '1' })[0]).toMatchObject({
      variable: 'COLLATERAL_MULTIPLIER',
      message: 'expected a positive number such as 1.5',
    })
  })

  it('refuses another DIG asset id on mainnet, where $DIG is fixed', () => {
    const problems = problemsOf({ CHIA_NETWORK: 'mainnet', DIG_ASSET_ID: 'cd'.repeat(32) })
    expect(problems).toEqual([expect.objectContaining({ variable: 'DIG_ASSET_ID', value: 'cd'.repeat(32), message: expect.stringMatching(/mainnet/) })])
  })

  it('never echoes a Redis password', () => {
    const [problem] = problemsOf({ REDIS_URL: 'http://user:hunter2@cache:6379' })
    expect(problem.value).toBe('http://user:***@cache:6379')
  })
})
