import 'server-only'

import { existsSync } from 'node:fs'
import { z } from 'zod'

import { DIG_MAINNET_ASSET_ID } from '@/lib/chia/collateral/dig-asset-id'
import { AppError } from '@/lib/chia/errors/app-error'
import { bytesToHex } from '@/lib/chia/primitives/bytes'
import {
  CHIA_NETWORKS,
  type ChiaNetwork,
  type CollateralPolicy,
  type PublicEnv,
} from '@/lib/env-client'

/**
 * Server configuration, validated once at start-up (`instrumentation.ts`) and on first use.
 *
 * Every variable is optional: with nothing set the app runs against the embedded devnet.
 * Blank values count as unset, so an `.env` line like `REDIS_URL=` does no harm.
 */
export type Env = {
  network: ChiaNetwork
  /** Full-node RPC or coinset-compatible upstreams, in failover order. */
  fullNodeUrls: string[]
  /** mTLS client certificate and key for the full nodes, as file paths. */
  fullNodeTls?: { certPath: string; keyPath: string }
  walletConnectProjectId?: string
  walletConnectRelayUrl?: string
  collateral: CollateralPolicy
  /**
   * The $DIG CAT asset id (hex, lowercase, no 0x) when configured; otherwise the node says
   * (`dig_asset_id` of the devnet) or it is mainnet DIG. For testnet11, whose nodes do not say.
   */
  digAssetId?: string
  feeWarnMojos: bigint
  exchangeUrl: string
  redisUrl?: string
  devnetPort: number
  devnetDir: string
  /** Where signed intents from tools are kept (file-backed intent store). */
  intentsDir: string
}

/** One bad variable: its name, what was wrong, and the offending value (secrets redacted). */
export type EnvProblem = { variable: string; message: string; value?: string }

export class InvalidEnvError extends AppError {
  override name = 'InvalidEnvError' as const
  readonly problems: EnvProblem[]

  constructor(problems: EnvProblem[]) {
    const names = [...new Set(problems.map((p) => p.variable))].join(', ')
    super(`Invalid configuration: check ${names}.`, {
      details: problems
        .map((p) => `${p.variable}: ${p.message}${p.value === undefined ? '' : ` (got "${p.value}")`}`)
        .join('\n'),
    })
    this.problems = problems
  }
}

/** Upstreams used when FULL_NODE_URLS is unset. Coinset speaks the full-node RPC over HTTPS. */
export const DEFAULT_FULL_NODE_URLS: Record<Exclude<ChiaNetwork, 'devnet'>, string> = {
  testnet11: 'https://testnet11.api.coinset.org',
  mainnet: 'https://api.coinset.org',
}

export const DEFAULT_EXCHANGE_URL = 'https://v2.tibetswap.io/'

/** DIG is a CAT with 3 decimals: 1 DIG = 1,000 mojos. */
const DIG_DECIMALS = 3

const blankToUndefined = (v: unknown) => {
  if (typeof v !== 'string') return v
  const trimmed = v.trim()
  return trimmed === '' ? undefined : trimmed
}

const maybe = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional())

const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => blankToUndefined(v) ?? fallback, schema)

const urlWithProtocols = (protocols: string[], what: string) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol)
      } catch {
        return false
      }
    },
    { error: `expected ${what}` },
  )

const httpUrl = urlWithProtocols(['http:', 'https:'], 'an http:// or https:// URL')

const integerString = (what: string, { min = 0n, max }: { min?: bigint; max?: bigint } = {}) =>
  z
    .string()
    .regex(/^\d+$/, { error: `expected ${what}` })
    .transform((v) => BigInt(v))
    .refine((n) => n >= min && (max === undefined || n <= max), { error: `expected ${what}` })

const decimalString = (what: string) => z.string().regex(/^\d+(\.\d+)?$/, { error: `expected ${what}` })

const schema = z.object({
  CHIA_NETWORK: withDefault(
    z.enum(CHIA_NETWORKS, { error: `expected one of ${CHIA_NETWORKS.join(', ')}` }),
    'devnet',
  ),
  FULL_NODE_URLS: maybe(
    z.string().transform((v, ctx) => {
      const urls = v
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== '')
      for (const u of urls) {
        if (!httpUrl.safeParse(u).success) {
          ctx.addIssue({ code: 'custom', message: `"${u}" is not an http:// or https:// URL` })
        }
      }
      return urls.map((u) => u.replace(/\/+$/, ''))
    }),
  ),
  FULL_NODE_CERT: maybe(z.string()),
  FULL_NODE_KEY: maybe(z.string()),
  WALLETCONNECT_PROJECT_ID: maybe(
    z.string().regex(/^[0-9a-fA-F]{32}$/, {
      error: 'expected 32 hex characters (a WalletConnect Cloud project id)',
    }),
  ),
  WALLETCONNECT_RELAY_URL: maybe(urlWithProtocols(['ws:', 'wss:'], 'a ws:// or wss:// URL')),
  COLLATERAL_RATE_DIG_PER_UNIT: withDefault(
    decimalString('a DIG amount such as 0.1').refine(
      (v) => (v.split('.')[1] ?? '').length <= DIG_DECIMALS,
      { error: `expected at most ${DIG_DECIMALS} decimals (1 DIG = 1,000 mojos)` },
    ),
    '0.1',
  ),
  COLLATERAL_UNIT_BYTES: withDefault(
    integerString('a whole number of bytes greater than 0', { min: 1n }),
    '1048576',
  ),
  COLLATERAL_MULTIPLIER: maybe(
    decimalString('a positive number such as 1.5').refine((v) => Number(v) > 0, {
      error: 'expected a positive number such as 1.5',
    }),
  ),
  COLLATERAL_MULTIPLIER_THRESHOLD_BYTES: maybe(integerString('a whole number of bytes')),
  DIG_ASSET_ID: maybe(
    z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{64}$/, { error: 'expected a CAT asset id (64 hex characters)' })
      .transform((v) => v.replace(/^0x/i, '').toLowerCase()),
  ),
  FEE_WARN_MOJOS: withDefault(integerString('a whole number of mojos'), '1000000000'),
  EXCHANGE_URL: withDefault(httpUrl, DEFAULT_EXCHANGE_URL),
  REDIS_URL: maybe(urlWithProtocols(['redis:', 'rediss:'], 'a redis:// or rediss:// URL')),
  DEVNET_PORT: withDefault(
    integerString('a TCP port between 1 and 65535', { min: 1n, max: 65535n }),
    '18555',
  ),
  DEVNET_DIR: withDefault(z.string(), '.devnet'),
  INTENTS_DIR: withDefault(z.string(), '.data/intents'),
})

type RawEnv = z.output<typeof schema>

/** Hides the password of `redis://user:secret@host` before a value is echoed in an error. */
const redact = (variable: string, value: string) =>
  variable === 'REDIS_URL' ? value.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@') : value

const digToMojos = (dig: string): bigint => {
  const [whole, fraction = ''] = dig.split('.')
  return BigInt(whole) * 10n ** BigInt(DIG_DECIMALS) + BigInt(fraction.padEnd(DIG_DECIMALS, '0'))
}

const crossFieldProblems = (
  raw: RawEnv,
  source: Record<string, string | undefined>,
  fileExists: (path: string) => boolean,
): EnvProblem[] => {
  const problems: EnvProblem[] = []
  const pairs = [
    ['FULL_NODE_CERT', 'FULL_NODE_KEY'],
    ['COLLATERAL_MULTIPLIER', 'COLLATERAL_MULTIPLIER_THRESHOLD_BYTES'],
  ] as const
  for (const [a, b] of pairs) {
    const hasA = raw[a] !== undefined
    const hasB = raw[b] !== undefined
    if (hasA !== hasB) {
      const [set, unset] = hasA ? [a, b] : [b, a]
      problems.push({
        variable: unset,
        message: `must be set together with ${set} (set both or neither)`,
      })
    }
  }
  // Mainnet DIG is one fixed CAT: an override there could only make fake DIG count as collateral.
  if (raw.CHIA_NETWORK === 'mainnet' && raw.DIG_ASSET_ID !== undefined && raw.DIG_ASSET_ID !== bytesToHex(DIG_MAINNET_ASSET_ID)) {
    problems.push({
      variable: 'DIG_ASSET_ID',
      message: 'must not be set on mainnet, where $DIG is fixed (unset it, or use it on testnet11 or devnet)',
      value: source.DIG_ASSET_ID?.trim(),
    })
  }
  for (const variable of ['FULL_NODE_CERT', 'FULL_NODE_KEY'] as const) {
    const path = raw[variable]
    if (path !== undefined && !fileExists(path)) {
      problems.push({ variable, message: 'file not found', value: source[variable]?.trim() })
    }
  }
  return problems
}

/**
 * Validates an environment (normally `process.env`) and returns the typed configuration.
 * Throws `InvalidEnvError` naming every bad variable and its value at once.
 *
 * @example
 * const config = parseEnv({ CHIA_NETWORK: 'testnet11' })
 * config.fullNodeUrls // ['https://testnet11.api.coinset.org']
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  { fileExists = existsSync }: { fileExists?: (path: string) => boolean } = {},
): Env {
  const result = schema.safeParse(source)
  if (!result.success) {
    throw new InvalidEnvError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment')
        const value = source[variable]
        return {
          variable,
          message: issue.message,
          value: value === undefined ? undefined : redact(variable, value.trim()),
        }
      }),
    )
  }
  const raw = result.data
  const problems = crossFieldProblems(raw, source, fileExists)
  if (problems.length > 0) throw new InvalidEnvError(problems)

  const network = raw.CHIA_NETWORK
  const devnetPort = Number(raw.DEVNET_PORT)
  const fullNodeUrls =
    raw.FULL_NODE_URLS && raw.FULL_NODE_URLS.length > 0
      ? raw.FULL_NODE_URLS
      : [network === 'devnet' ? `http://127.0.0.1:${devnetPort}` : DEFAULT_FULL_NODE_URLS[network]]

  return {
    network,
    fullNodeUrls,
    fullNodeTls:
      raw.FULL_NODE_CERT !== undefined && raw.FULL_NODE_KEY !== undefined
        ? { certPath: raw.FULL_NODE_CERT, keyPath: raw.FULL_NODE_KEY }
        : undefined,
    walletConnectProjectId: raw.WALLETCONNECT_PROJECT_ID?.toLowerCase(),
    walletConnectRelayUrl: raw.WALLETCONNECT_RELAY_URL,
    collateral: {
      ratePerUnit: digToMojos(raw.COLLATERAL_RATE_DIG_PER_UNIT),
      rateDig: raw.COLLATERAL_RATE_DIG_PER_UNIT,
      unitBytes: raw.COLLATERAL_UNIT_BYTES,
      multiplier:
        raw.COLLATERAL_MULTIPLIER === undefined ? undefined : Number(raw.COLLATERAL_MULTIPLIER),
      multiplierThresholdBytes: raw.COLLATERAL_MULTIPLIER_THRESHOLD_BYTES,
    },
    digAssetId: raw.DIG_ASSET_ID,
    feeWarnMojos: raw.FEE_WARN_MOJOS,
    exchangeUrl: raw.EXCHANGE_URL,
    redisUrl: raw.REDIS_URL,
    devnetPort,
    devnetDir: raw.DEVNET_DIR,
    intentsDir: raw.INTENTS_DIR,
  }
}

let cached: Env | undefined

/**
 * The process configuration, parsed from `process.env` on first call and then cached.
 *
 * @example
 * if (env().network === 'devnet') startFaucet()
 */
export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/**
 * The subset of `env()` that may reach the browser; the root layout passes it down as props.
 *
 * @example
 * <NetworkBadge network={publicEnv().network} />
 */
export function publicEnv(): PublicEnv {
  const e = env()
  return {
    network: e.network,
    walletConnectProjectId: e.walletConnectProjectId,
    walletConnectRelayUrl: e.walletConnectRelayUrl,
    feeWarnMojos: e.feeWarnMojos,
    exchangeUrl: e.exchangeUrl,
    collateral: e.collateral,
    ...(e.digAssetId !== undefined ? { digAssetId: e.digAssetId } : {}),
  }
}
