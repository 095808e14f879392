import { ErrorPageBody } from '@/components/layout/error-page-body'

export default function NotFound() {
  return (
    <ErrorPageBody status="Error 404 · Not found" title="This page does not exist">
      Check the address, or start again from the home page.
    </ErrorPageBody>
  )
}
