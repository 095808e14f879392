import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { SyncStatus, SyncStatusKind } from '@/lib/chain/outbox/store-sync-status'

const TONES: Record<SyncStatusKind, BadgeTone> = {
  'in-sync': 'brand',
  pending: 'warning',
  syncing: 'info',
  failed: 'danger',
  conflicted: 'danger',
  unknown: 'neutral',
}

/** The sync status as a pill; the detail sentence is its tooltip. */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  return (
    <Badge tone={TONES[status.kind]} title={status.detail} data-testid="sync-status" data-kind={status.kind}>
      {status.label}
      {status.kind === 'failed' ? ` (${status.detail.length > 40 ? `${status.detail.slice(0, 40)}…` : status.detail})` : ''}
    </Badge>
  )
}
