import { redirect } from 'next/navigation'

/** `/s` on its own has no store to show; send people to the lookup form. */
export default function StoresIndex() {
  redirect('/verify')
}
