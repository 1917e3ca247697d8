/** A small horizontal bar for a table cell or list row; decorative, so the number must be shown beside it. */
export function InlineBar(props: {
  readonly value: number
  readonly max: number
  readonly tone?: 'primary' | 'accent' | 'danger'
}) {
  const ratio = props.max > 0 ? Math.min(1, Math.max(0, props.value / props.max)) : 0
  return (
    <span className="inline-bar" aria-hidden="true">
      <span
        className={`inline-bar-fill inline-bar-${props.tone ?? 'primary'}`}
        style={{ width: `${(ratio * 100).toFixed(1)}%` }}
      />
    </span>
  )
}
