import {
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
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { type ButtonHTMLAttributes, type ReactNode, type Ref, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** What an item's drag handle needs: spread `props` on a `<button>` and pass `ref`. */
export interface SortableHandle {
  readonly ref: Ref<HTMLButtonElement>
  readonly props: ButtonHTMLAttributes<HTMLButtonElement>
  readonly isDragging: boolean
}

/**
 * A vertical list whose items reorder by drag and drop (mouse, touch, pen) and from the keyboard: focus an
 * item's handle, Space or Enter to pick it up, arrow keys to move it, Space or Enter to drop, Escape to cancel.
 * Screen readers hear where the item is, in the UI language. The parent owns the order: `onMove(from, to)`
 * reports one move (indexes into `items`). Render each item's contents with `renderItem`, putting the
 * handle's `ref` and `props` on a button; give that button an accessible name (e.g. "Drag Kim to reorder").
 * Reusable: the rank lists of both sides can use it.
 */
export function SortableList<T>(props: {
  readonly items: readonly T[]
  readonly getId: (item: T) => string
  /** The item's name in announcements ("Kim Minji"). */
  readonly getLabel: (item: T) => string
  readonly onMove: (from: number, to: number) => void
  readonly isDisabled?: boolean
  readonly renderItem: (item: T, index: number, handle: SortableHandle) => ReactNode
  readonly className?: string
  readonly itemClassName?: (item: T, index: number) => string
  readonly 'aria-labelledby'?: string
  readonly 'aria-label'?: string
  readonly testId?: string
  readonly itemTestId?: string
  /** The locale group of the screen-reader messages (`sortableList` or the rank list's `dragList`). */
  readonly messages?: 'sortableList' | 'dragList'
  /** The attribute that carries each item's id on its `<li>` (tests select rows by it). */
  readonly idAttribute?: 'data-id' | 'data-item-id'
}) {
  const { t } = useTranslation()
  const { items, getId, getLabel } = props
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so clicks on the handle stay clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const ids = items.map(getId)
  const indexOf = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : ids.indexOf(String(id)))
  const labelOf = (id: UniqueIdentifier) => {
    const item = items[indexOf(id)]
    return item === undefined ? String(id) : getLabel(item)
  }
  const handleDragEnd = (event: DragEndEvent) => {
    const from = indexOf(event.active.id)
    const to = indexOf(event.over?.id)
    if (from >= 0 && to >= 0 && from !== to) props.onMove(from, to)
  }
  const count = items.length
  const group = props.messages ?? 'sortableList'
  // Both message groups' placeholders: the item's name, its position (1-based) and the list's length.
  const say = (message: string, id: UniqueIdentifier, position = indexOf(id) + 1) => {
    const label = labelOf(id)
    return t(`${group}.${message}`, { item: label, label, position, total: count, count })
  }
  // dnd-kit reports "over itself" right after a pick-up; announcing it would cut the pick-up message short.
  const lastOver = useRef<UniqueIdentifier | null>(null)
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={handleDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t(`${group}.instructions`) },
        announcements: {
          onDragStart: ({ active }) => {
            lastOver.current = active.id
            return say('pickedUp', active.id)
          },
          onDragOver: ({ active, over }) => {
            if ((over?.id ?? null) === lastOver.current) return undefined
            lastOver.current = over?.id ?? null
            return over ? say('movedOver', active.id, indexOf(over.id) + 1) : say('outside', active.id)
          },
          onDragEnd: ({ active, over }) =>
            over ? say('dropped', active.id, indexOf(over.id) + 1) : say('cancelled', active.id),
          onDragCancel: ({ active }) => say('cancelled', active.id),
        },
      }}
    >
      <SortableContext
        items={ids}
        strategy={verticalListSortingStrategy}
        disabled={props.isDisabled === true}
      >
        <ol
          className={props.className}
          aria-labelledby={props['aria-labelledby']}
          aria-label={props['aria-label']}
          data-testid={props.testId}
        >
          {items.map((item, index) => (
            <SortableItem
              key={ids[index]}
              id={ids[index]!}
              className={props.itemClassName?.(item, index)}
              testId={props.itemTestId}
              idAttribute={props.idAttribute ?? 'data-id'}
              isDisabled={props.isDisabled === true}
              roleDescription={t('sortableList.roleDescription')}
            >
              {(handle) => props.renderItem(item, index, handle)}
            </SortableItem>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  )
}

function SortableItem(props: {
  readonly id: string
  readonly className: string | undefined
  readonly testId: string | undefined
  readonly idAttribute: 'data-id' | 'data-item-id'
  readonly isDisabled: boolean
  readonly roleDescription: string
  readonly children: (handle: SortableHandle) => ReactNode
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: props.id,
      disabled: props.isDisabled,
      attributes: { roleDescription: props.roleDescription },
    })
  const className = [props.className, isDragging ? 'is-dragging' : null].filter(Boolean).join(' ')
  return (
    <li
      ref={setNodeRef}
      className={className || undefined}
      // The list is one column: items move up and down only.
      style={{ transform: CSS.Translate.toString(transform ? { ...transform, x: 0 } : null), transition }}
      data-testid={props.testId}
      {...{ [props.idAttribute]: props.id }}
    >
      {props.children({
        ref: setActivatorNodeRef,
        // dnd-kit's attributes give the handle role, tab stop, "sortable" role description and instructions.
        props: { ...attributes, ...listeners, type: 'button', disabled: props.isDisabled },
        isDragging,
      })}
    </li>
  )
}
