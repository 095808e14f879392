/**
 * The embeddable status badge (shields.io style) as an SVG string: "datalayer | label · status · root".
 * Widths are estimated from character counts (Verdana 11px), so no font metrics are needed.
 */
import type { StoreStatus } from '@/lib/chain/store-view'

/** `unknown`: no such store; `unavailable`: the chain could not be read. */
type BadgeStatus = StoreStatus | 'unknown' | 'unavailable'

const COLORS: Record<BadgeStatus, string> = { live: '#16a34a', pending: '#d97706', melted: '#71717a', unknown: '#9f1239', unavailable: '#9f1239' }

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)

// Rough Verdana 11px advance widths: narrow, wide and average glyphs.
const textWidth = (s: string) => [...s].reduce((w, c) => w + (/[iljtf.,:;'|!· ]/.test(c) ? 4 : /[mwMW@]/.test(c) ? 10 : /[A-Z0-9]/.test(c) ? 7.5 : 6.6), 0)

/**
 * Builds the badge; `status: 'unknown'` renders "store not found", `'unavailable'` renders "unavailable".
 *
 * @example storeBadgeSvg({ label: 'My data', status: 'live', rootHash: '0xabcd…' })
 */
export function storeBadgeSvg({ label, status, rootHash }: { label?: string; status: BadgeStatus; rootHash?: string }): string {
  const left = 'datalayer'
  const shortRoot = rootHash ? `${rootHash.slice(0, 8)}…${rootHash.slice(-4)}` : ''
  const name = label && label.length > 40 ? `${label.slice(0, 39)}…` : label
  const right =
    status === 'unknown'
      ? 'store not found'
      : status === 'unavailable'
        ? 'unavailable'
        : [name, status === 'pending' ? 'update pending' : status, shortRoot].filter(Boolean).join(' · ')
  const lw = Math.round(textWidth(left) + 12)
  const rw = Math.round(textWidth(right) + 12)
  const w = lw + rw
  const title = escapeXml(`${left}: ${right}`)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${title}"><title>${title}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#3f3f46"/><rect x="${lw}" width="${rw}" height="20" fill="${COLORS[status]}"/><rect width="${w}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="14">${escapeXml(left)}</text><text x="${lw + rw / 2}" y="14">${escapeXml(right)}</text></g></svg>`
}
