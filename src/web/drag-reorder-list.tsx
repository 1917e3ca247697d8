import { arrayMove } from '@dnd-kit/sortable'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SortableList } from './sortable-list.tsx'

/** Something the list can order: a stable id and the name screen readers announce. */
export interface ReorderableItem {
  readonly id: string
  readonly label: string
}

/**
 * A numbered rank list on `SortableList`: each row has a drag handle (mouse, touch or keyboard), its
 * number, its contents and optional actions; `onReorder` receives the new order of ids. With `isDisabled`
 * nothing can move and no handles are shown.
 */
export function DragReorderList<Item extends ReorderableItem>(props: {
  readonly items: readonly Item[]
  readonly onReorder: (ids: string[]) => void
  readonly isDisabled?: boolean
  /** The list's accessible name. */
  readonly label: string
  readonly renderItem: (item: Item, index: number) => ReactNode
  readonly renderActions?: (item: Item, index: number) => ReactNode
  readonly testId?: string
}) {
  const { t } = useTranslation()
  const isDisabled = props.isDisabled ?? false
  return (
    <SortableList
      items={props.items}
      getId={(item) => item.id}
      getLabel={(item) => item.label}
      onMove={(from, to) =>
        props.onReorder(
          arrayMove(
            props.items.map((item) => item.id),
            from,
            to,
          ),
        )
      }
      isDisabled={isDisabled}
      className="rank-list drag-list"
      itemClassName={() => 'rank-item'}
      aria-label={props.label}
      messages="dragList"
      idAttribute="data-item-id"
      {...(props.testId !== undefined && { testId: props.testId })}
      renderItem={(item, index, handle) => (
        <>
          {isDisabled ? null : (
            <button
              ref={handle.ref}
              {...handle.props}
              className="drag-handle"
              aria-label={t('dragList.handle', { label: item.label })}
            >
              <span aria-hidden="true">⠿</span>
            </button>
          )}
          <span className="rank-number" aria-hidden="true">
            {index + 1}
          </span>
          {props.renderItem(item, index)}
          {props.renderActions ? (
            <span className="rank-actions">{props.renderActions(item, index)}</span>
          ) : null}
        </>
      )}
    />
  )
}
