import { ImageResponse } from 'next/og'

import { getStoreView } from '@/components/store/get-store-view'
import { shortHash } from '@/components/store/store-format'
import { NETWORK_LABELS } from '@/lib/env-client'
import { normalizeStoreId } from '@/lib/store-id'

export const runtime = 'nodejs'
export const alt = 'DataLayer store status'
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

const STATUS = {
  live: { text: 'Live', color: '#16a34a' },
  pending: { text: 'Update pending', color: '#d97706' },
  melted: { text: 'Melted', color: '#71717a' },
} as const

/** Link-preview image of a store: label, short root, status. */
export default async function OpenGraphImage({ params }: { params: Promise<{ storeId: string }> }) {
  const launcherId = normalizeStoreId((await params).storeId)
  const view = launcherId ? await getStoreView(launcherId).catch(() => undefined) : undefined
  const label = view ? view.current.label || 'Unnamed store' : 'Store not found'
  const status = view ? STATUS[view.status] : { text: 'Unknown', color: '#9f1239' }
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#09090b', color: '#fafafa', fontFamily: 'sans-serif' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 32, color: '#a1a1aa' }}>
          <span>DataLayer Studio</span>
          <span>·</span>
          <span>{view ? NETWORK_LABELS[view.network] : 'DataLayer store'}</span>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
          <div style={{ display: 'flex', fontSize: 76, fontWeight: 700, lineHeight: 1.1, maxWidth: 1050 }}>{label.length > 60 ? `${label.slice(0, 59)}…` : label}</div>
          <div style={{ display: 'flex', fontSize: 36, color: '#d4d4d8' }}>root {view ? shortHash(view.current.rootHash, 12, 10) : '—'}</div>
        </div>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30 }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '10px 26px', borderRadius: 999, background: status.color, color: '#fff', fontWeight: 700 }}>{status.text}</div>
          <div style={{ display: 'flex', color: '#a1a1aa' }}>{launcherId ? `store ${shortHash(launcherId, 10, 8)}` : ''}</div>
        </div>
      </div>
    ),
    size,
  )
}
