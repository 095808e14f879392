import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { StoreStatus } from '@/lib/chain/store-view'

const STATUS: Record<StoreStatus, { tone: BadgeTone; label: string; dot: string }> = {
  live: { tone: 'brand', label: 'Live', dot: 'bg-brand-500' },
  pending: { tone: 'warning', label: 'Update pending', dot: 'bg-amber-500' },
  melted: { tone: 'danger', label: 'Melted', dot: 'bg-red-500' },
}

/** Live / update pending / melted. */
export function StoreStatusBadge({ status }: { status: StoreStatus }) {
  const s = STATUS[status]
  return (
    <Badge tone={s.tone} data-testid="store-status" data-status={status}>
      <span className={`size-1.5 rounded-full ${s.dot}`} aria-hidden="true" />
      {s.label}
    </Badge>
  )
}
