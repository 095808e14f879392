import type { StoreView } from '@/lib/chain/store-view'

import { AUTHORITY_LABELS, formatBytes, formatHeight, formatTimestamp, shortHash } from './store-format'

type Entry = StoreView['history'][number]

function changes(entry: Entry, previous: Entry | undefined): string[] {
  if (!previous) return ['Store created']
  const out: string[] = []
  if (entry.rootHash !== previous.rootHash) out.push('Root updated')
  if (entry.label !== previous.label) out.push(entry.label === undefined ? 'Label removed' : `Label → “${entry.label}”`)
  if (entry.bytes !== previous.bytes) out.push(entry.bytes === undefined ? 'Size removed' : `Size → ${formatBytes(entry.bytes)}`)
  if (entry.description !== previous.description) out.push('Description changed')
  if (out.length === 0) out.push('Metadata unchanged')
  return out
}

/**
 * The root history as a timeline, newest first: generation, root, label/size changes, height,
 * time, who signed, coin id with a link to its raw coin record. Server component.
 */
export function RootHistory({
  view,
  coinHref,
  limit,
  showAllHref,
}: {
  view: StoreView
  coinHref: (coinId: string) => string
  /** Newest entries to render; all when undefined. */
  limit?: number
  showAllHref?: string
}) {
  const all = view.history.map((entry, i) => ({ entry, previous: view.history[i - 1] })).reverse()
  const rows = limit === undefined ? all : all.slice(0, limit)
  const hidden = all.length - rows.length
  return (
    <ol className="relative space-y-0" data-testid="root-history">
      {view.melt && (
        <li className="relative pb-6 pl-8" data-testid="history-melt">
          <span className="absolute top-1.5 left-[7px] size-3 rounded-full bg-red-500 ring-4 ring-white dark:ring-zinc-900" aria-hidden="true" />
          <span className="absolute top-5 bottom-0 left-[12px] w-px bg-zinc-200 dark:bg-zinc-800" aria-hidden="true" />
          <p className="text-sm font-semibold text-red-700 dark:text-red-400">Melted at height {formatHeight(view.melt.height)}</p>
          <p className="text-xs text-zinc-500">
            by {AUTHORITY_LABELS[view.melt.authority] ?? view.melt.authority} · coin{' '}
            <a className="font-mono underline decoration-dotted" href={coinHref(view.melt.coinId)}>
              {shortHash(view.melt.coinId)}
            </a>
          </p>
        </li>
      )}
      {rows.map(({ entry, previous }, i) => (
        <li key={entry.coinId} id={`generation-${entry.generation}`} className="relative pb-6 pl-8 last:pb-0" data-testid="history-entry" data-generation={entry.generation}>
          <span
            className={`absolute top-1.5 left-[7px] size-3 rounded-full ring-4 ring-white dark:ring-zinc-900 ${i === 0 && !view.melt ? 'bg-brand-500' : 'bg-zinc-300 dark:bg-zinc-600'}`}
            aria-hidden="true"
          />
          {(i < rows.length - 1 || hidden > 0) && <span className="absolute top-5 bottom-0 left-[12px] w-px bg-zinc-200 dark:bg-zinc-800" aria-hidden="true" />}
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-sm font-semibold">Generation {entry.generation}</span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              height {formatHeight(entry.confirmedHeight)} · {formatTimestamp(entry.timestamp)} · {AUTHORITY_LABELS[entry.authority] ?? entry.authority}
            </span>
            {i === 0 && !view.melt && <span className="text-xs font-medium text-brand-700 dark:text-brand-300">current</span>}
          </div>
          <p className="mt-1 font-mono text-[13px] break-all text-zinc-800 dark:text-zinc-200" data-testid="history-root">
            {entry.rootHash}
          </p>
          <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
            <span>{changes(entry, previous).join(' · ')}</span>
            <span>
              coin{' '}
              <a className="font-mono underline decoration-dotted hover:text-zinc-900 dark:hover:text-zinc-100" href={coinHref(entry.coinId)}>
                {shortHash(entry.coinId)}
              </a>
            </span>
          </p>
        </li>
      ))}
      {hidden > 0 && showAllHref && (
        <li className="pt-2 pl-8 text-sm">
          <a href={showAllHref} className="font-medium text-brand-700 underline decoration-dotted dark:text-brand-300" data-testid="history-show-all">
            Show all {view.history.length.toLocaleString('en-US')} generations ({hidden.toLocaleString('en-US')} older)
          </a>
        </li>
      )}
    </ol>
  )
}
