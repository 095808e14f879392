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

  if (pathname.startsWith(INVALID_STORE_ID_PATH)) {
    // Reached directly: it is still a "bad request" page, so keep the status consistent.
    return NextResponse.rewrite(request.nextUrl, { status: 400 })
  }

  const segment = pathname.split('/')[2] ?? ''
  let storeId: string
  try {
    storeId = decodeURIComponent(segment)
  } catch {
    storeId = segment
  }
  if (normalizeStoreId(storeId) !== undefined) return NextResponse.next()

  const target = new URL(INVALID_STORE_ID_PATH, request.url)
  target.searchParams.set('id', storeId)
  return NextResponse.rewrite(target, { status: 400 })
}

export const config = {
  matcher: ['/s/:storeId', '/s/:storeId/:path*', '/errors/:path*'],
}
