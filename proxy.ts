import { NextResponse, type NextRequest } from 'next/server'

import { normalizeStoreId } from '@/lib/store-id'

/** Where malformed store ids are rendered. The path is an implementation detail. */
const INVALID_STORE_ID_PATH = '/errors/invalid-store-id'

/**
 * Answers `/s/<storeId>` with a real HTTP 400 page when the id is malformed. App Router pages
 * cannot choose a 400 status themselves, but a proxy rewrite can.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const segment = pathname.split('/')[2] ?? ''
  let storeId: string
  try {
    storeId = decodeURIComponent(segment)
  } catch {
    storeId = segment
  }
  if (normalizeStoreId(storeId) !== undefined) return NextResponse.next()

  // Same origin as the request, so Next.js renders the target in-process; only the status
  // of the rewrite's response is ours to choose.
  const target = request.nextUrl.clone()
  target.pathname = INVALID_STORE_ID_PATH
  target.search = ''
  target.searchParams.set('id', storeId)
  return NextResponse.rewrite(target, { status: 400 })
}

export const config = {
  // Not /errors/*: should Next.js ever turn the rewrite into an HTTP round trip (it does when
  // `next start --hostname` names a specific IP), matching the target would loop.
  matcher: ['/s/:storeId', '/s/:storeId/:path*'],
}
