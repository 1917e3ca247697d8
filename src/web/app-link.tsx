import type { MouseEvent, ReactNode } from 'react'
import { navigateTo } from './navigation.ts'

/** An ordinary link that navigates inside the app; modified clicks (new tab, etc.) behave as usual. */
export function AppLink(props: {
  readonly to: string
  readonly className?: string
  readonly children: ReactNode
}) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigateTo(props.to)
    // The clicked link is gone with the old page: start keyboard and screen-reader users at the new content.
    document.getElementById('main')?.focus({ preventScroll: true })
  }
  return (
    <a href={props.to} className={props.className} onClick={handleClick}>
      {props.children}
    </a>
  )
}
