import { Card } from '@/components/ui/card'
import type { StoreView } from '@/lib/chain/store-view'
import { puzzleHashToAddress } from '@/lib/chia/keys/address'
import { hexToBytes32 } from '@/lib/chia/primitives/bytes'
import { addressPrefix } from '@/lib/chia/primitives/network'

import { QrCodeSvg } from './qr-code-svg'
import { AUTHORITY_LABELS, formatBytes, formatHeight, formatTimestamp, shortHash } from './store-format'

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-sm break-words text-zinc-900 dark:text-zinc-100" data-testid={testId}>
        {children}
      </dd>
    </div>
  )
}

const mono = 'font-mono text-[13px] break-all'

/** Current metadata, owner (address + QR) and delegates of a store. Server component. */
export async function StoreOverview({ view }: { view: StoreView }) {
  const { current } = view
  const prefix = addressPrefix(view.network)
  const melted = view.status === 'melted'
  const last = view.history[view.history.length - 1]
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <h2 className="text-base font-semibold">{melted ? 'Final state' : 'Current state'}</h2>
        <dl className="mt-4 grid gap-5 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field label="Root hash" testId="current-root">
              <span className={mono}>{current.rootHash}</span>
            </Field>
          </div>
          <Field label="Label" testId="current-label">
            {current.label ?? <span className="text-zinc-500">none</span>}
          </Field>
          <Field label="Size" testId="current-size">
            {current.bytes === undefined ? (
              <span className="text-zinc-500">not stated</span>
            ) : (
              <span title={`${current.bytes.toString()} bytes`}>
                {formatBytes(current.bytes)}
                {current.bytes >= 1000n && <span className="text-zinc-500"> ({current.bytes.toLocaleString('en-US')} bytes)</span>}
              </span>
            )}
          </Field>
          {current.description !== undefined && (
            <div className="sm:col-span-2">
              <Field label="Description" testId="current-description">
                {current.description || <span className="text-zinc-500">empty</span>}
              </Field>
            </div>
          )}
          <Field label="Generations" testId="generation-count">
            {view.history.length.toLocaleString('en-US')}
          </Field>
          <Field label="Created at height" testId="creation-height">
            {formatHeight(view.creationHeight)}
          </Field>
          <Field label="Last update" testId="last-update">
            {view.history.length > 1 ? (
              <>
                height {formatHeight(last.confirmedHeight)} · {formatTimestamp(last.timestamp)} · by {AUTHORITY_LABELS[last.authority]?.toLowerCase() ?? last.authority}
              </>
            ) : (
              <span className="text-zinc-500">never updated since the mint</span>
            )}
          </Field>
          <Field label={melted ? 'Last coin confirmed at height' : 'Current coin'}>
            {melted ? formatHeight(current.confirmedHeight) : <span className={mono}>{shortHash(current.coinId, 10, 8)}</span>}
          </Field>
          {view.melt && (
            <Field label="Melted at height" testId="melt-height">
              {formatHeight(view.melt.height)}
            </Field>
          )}
        </dl>
      </Card>

      <Card>
        <h2 className="text-base font-semibold">Owner</h2>
        <p className={`${mono} mt-4`} data-testid="owner-address">
          {current.ownerAddress}
        </p>
        <QrCodeSvg
          text={current.ownerAddress}
          label={`QR code of the owner address ${current.ownerAddress}`}
          className="mt-4 w-32 overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-700 [&_svg]:block [&_svg]:size-full"
        />
        <h3 className="mt-6 text-sm font-semibold">Delegates</h3>
        {current.delegatedPuzzles.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400" data-testid="delegates">
            None: only the owner can update this store.
          </p>
        ) : (
          <ul className="mt-2 space-y-3" data-testid="delegates">
            {current.delegatedPuzzles.map((d, i) => (
              <li key={i} className="text-sm" data-testid={`delegate-${d.type}`}>
                <span className="font-medium capitalize">{d.type}</span>
                {d.type === 'oracle' ? (
                  <>
                    <span className="text-zinc-500"> · fee {d.oracleFee.toLocaleString('en-US')} mojos</span>
                    <span className={`${mono} block text-zinc-600 dark:text-zinc-400`}>{puzzleHashToAddress(hexToBytes32(d.oraclePuzzleHash), prefix)}</span>
                  </>
                ) : (
                  <span className={`${mono} block text-zinc-600 dark:text-zinc-400`}>{puzzleHashToAddress(hexToBytes32(d.innerPuzzleHash), prefix)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
