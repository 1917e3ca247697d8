import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchProgramPositions, type ProgramPosition } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { ShortlistPanel } from './shortlist-panel.tsx'
import { useApiData } from './use-api-data.ts'

/**
 * Recommended candidates per position. A company member sees one shortlist for each of its own positions;
 * staff (`companyIds` null) pick one position at a time, since a program may have many.
 */
export function RecommendedCandidatesSection(props: {
  readonly programId: string
  /** The viewer's companies; null = every position (operators and reviewers). */
  readonly companyIds: readonly string[] | null
}) {
  const { t } = useTranslation()
  const { programId } = props
  const load = useCallback(() => fetchProgramPositions(programId), [programId])
  const positions = useApiData(`program-positions:${programId}`, load)
  return (
    <section className="section" aria-labelledby="recommended-candidates-title">
      <h2 id="recommended-candidates-title" className="section-title">
        {t('shortlist.title')}
      </h2>
      <p className="muted">{t('shortlist.intro')}</p>
      <AsyncView data={positions}>
        {(data) => {
          const { companyIds } = props
          if (companyIds === null) return <PositionPicker programId={programId} positions={data} />
          const own = data.filter((position) => companyIds.includes(position.companyId))
          if (own.length === 0) return <p className="muted">{t('shortlist.noOwnPositions')}</p>
          return (
            <div className="shortlist-grid">
              {own.map((position) => (
                <ShortlistPanel
                  key={position.id}
                  programId={programId}
                  positionId={position.id}
                  title={position.title}
                  subtitle={t('shortlist.seats', { count: position.seats })}
                />
              ))}
            </div>
          )
        }}
      </AsyncView>
    </section>
  )
}

function PositionPicker(props: {
  readonly programId: string
  readonly positions: readonly ProgramPosition[]
}) {
  const { t } = useTranslation()
  const [picked, setPicked] = useState<string | null>(null)
  const first = props.positions[0]
  if (!first) return <p className="muted">{t('programPage.noPositions')}</p>
  const position = props.positions.find((entry) => entry.id === picked) ?? first
  return (
    <>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('shortlist.pickPosition')}</span>
          <select
            className="input select"
            value={position.id}
            onChange={(event) => setPicked(event.target.value)}
          >
            {props.positions.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.companyName} · {entry.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ShortlistPanel
        key={position.id}
        programId={props.programId}
        positionId={position.id}
        title={position.title}
        subtitle={position.companyName}
      />
    </>
  )
}
