import { Badge, type BadgeTone } from '@/components/ui/badge'
import { NETWORK_LABELS, type ChiaNetwork } from '@/lib/env-client'

const tones: Record<ChiaNetwork, BadgeTone> = {
  devnet: 'info',
  testnet11: 'warning',
  mainnet: 'brand',
}

const descriptions: Record<ChiaNetwork, string> = {
  devnet: 'Embedded devnet: a local simulated chain. Nothing here has real value.',
  testnet11: 'Chia testnet11: a public test network. Coins have no real value.',
  mainnet: 'Chia mainnet: transactions are real and irreversible.',
}

/** Shows which Chia network the app is configured for. */
export function NetworkBadge({ network }: { network: ChiaNetwork }) {
  return (
    <Badge tone={tones[network]} title={descriptions[network]} data-testid="network-badge">
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      <span className="sr-only">Network: </span>
      {NETWORK_LABELS[network]}
    </Badge>
  )
}
