import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { type ReactNode, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** Something the list can order: a stable id and the name screen readers announce. */
export interface ReorderableItem {
  readonly id: string
  readonly label: string
}

/**
 * An ordered list the user reorders by dragging a handle with the mouse or a finger, or with the keyboard
 * (focus the handle, Space or Enter to pick up, arrow keys to move, Space or Enter to drop, Escape to
 * cancel). Every move is announced in the interface language. With `isDisabled` nothing can move and no
 * handles are shown. Built on @dnd-kit; knows nothing about what the items are.
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
  const ids = useMemo(() => props.items.map((item) => item.id), [props.items])
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so that clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const labelOf = (id: UniqueIdentifier) => props.items.find((item) => item.id === id)?.label ?? String(id)
  const positionOf = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1
  const count = ids.length
  // dnd-kit reports "over itself" right after a pick-up; announcing it would cut the pick-up message short.
  const lastOver = useRef<UniqueIdentifier | null>(null)
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id
      return t('dragList.pickedUp', { label: labelOf(active.id), position: positionOf(active.id), count })
    },
    onDragOver: ({ active, over }) => {
      if ((over?.id ?? null) === lastOver.current) return undefined
      lastOver.current = over?.id ?? null
      return over
        ? t('dragList.movedOver', { label: labelOf(active.id), position: positionOf(over.id), count })
        : t('dragList.outside', { label: labelOf(active.id) })
    },
    onDragEnd: ({ active, over }) =>
      over
        ? t('dragList.dropped', { label: labelOf(active.id), position: positionOf(over.id), count })
        : t('dragList.cancelled', { label: labelOf(active.id), position: positionOf(active.id) }),
    onDragCancel: ({ active }) =>
      t('dragList.cancelled', { label: labelOf(active.id), position: positionOf(active.id) }),
  }
  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const from = ids.indexOf(String(active.id))
    const to = ids.indexOf(String(over.id))
    if (from < 0 || to < 0) return
    props.onReorder(arrayMove(ids, from, to))
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={handleDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dragList.instructions') },
      }}
    >
      <SortableContext
        items={ids}
        strategy={verticalListSortingStrategy}
        disabled={props.isDisabled ?? false}
      >
        <ol className="rank-list drag-list" aria-label={props.label} data-testid={props.testId}>
          {props.items.map((item, index) => (
            <SortableRow
              key={item.id}
              item={item}
              index={index}
              isDisabled={props.isDisabled ?? false}
              handleLabel={t('dragList.handle', { label: item.label })}
            >
              {props.renderItem(item, index)}
              {props.renderActions ? (
                <span className="rank-actions">{props.renderActions(item, index)}</span>
              ) : null}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  )
}

function SortableRow(props: {
  readonly item: ReorderableItem
  readonly index: number
  readonly isDisabled: boolean
  readonly handleLabel: string
  readonly children: ReactNode
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: props.item.id, disabled: props.isDisabled })
  // Moves only up and down: the list is one column.
  const style = {
    transform: CSS.Transform.toString(transform ? { ...transform, x: 0, scaleX: 1, scaleY: 1 } : null),
    transition,
  }
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={isDragging ? 'rank-item is-dragging' : 'rank-item'}
      data-item-id={props.item.id}
    >
      {props.isDisabled ? null : (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-label={props.handleLabel}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span className="rank-number" aria-hidden="true">
        {props.index + 1}
      </span>
      {props.children}
    </li>
  )
}
