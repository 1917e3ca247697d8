/** One bar: a label, its value and (optionally) the total it is part of, drawn as a faint track. */
export interface Bar {
  readonly label: string
  readonly value: number
  readonly total?: number
}

const ROW_HEIGHT = 26
const LABEL_WIDTH = 170
const BAR_WIDTH = 260
const VALUE_WIDTH = 130

/** A horizontal bar chart in inline SVG; the numbers are also in the title for screen readers. */
export function BarChart(props: {
  readonly title: string
  readonly bars: readonly Bar[]
  readonly formatValue: (bar: Bar) => string
  /** Shown instead of an empty chart. */
  readonly emptyText?: string
}) {
  if (props.bars.length === 0 && props.emptyText)
    return (
      <figure className="chart">
        <figcaption className="mini-title">{props.title}</figcaption>
        <p className="muted">{props.emptyText}</p>
      </figure>
    )
  const max = Math.max(1, ...props.bars.map((bar) => bar.total ?? bar.value))
  const height = props.bars.length * ROW_HEIGHT
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
  return (
    <figure className="chart">
      <figcaption className="mini-title">{props.title}</figcaption>
      <svg
        role="img"
        aria-label={`${props.title}: ${props.bars.map((bar) => `${bar.label} ${props.formatValue(bar)}`).join(', ')}`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        className="chart-svg"
      >
        {props.bars.map((bar, index) => {
          const y = index * ROW_HEIGHT
          const total = bar.total === undefined ? null : (bar.total / max) * BAR_WIDTH
          // Labels may repeat (two companies of one name) and bars never reorder, so the index is the key.
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bars are positional and may share a label
            <g key={`${index}-${bar.label}`} transform={`translate(0 ${y})`}>
              <text
                x={LABEL_WIDTH - 8}
                y={ROW_HEIGHT / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart-label"
              >
                {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
              </text>
              {total === null ? null : (
                <rect
                  x={LABEL_WIDTH}
                  y={5}
                  width={total}
                  height={ROW_HEIGHT - 10}
                  className="chart-track"
                  rx={3}
                />
              )}
              <rect
                x={LABEL_WIDTH}
                y={5}
                width={(bar.value / max) * BAR_WIDTH}
                height={ROW_HEIGHT - 10}
                className="chart-bar"
                rx={3}
              />
              <text
                x={LABEL_WIDTH + BAR_WIDTH + 6}
                y={ROW_HEIGHT / 2}
                dominantBaseline="middle"
                className="chart-value"
              >
                {props.formatValue(bar)}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
