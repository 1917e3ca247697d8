import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ApiError,
  type CandidateRanking,
  fetchOwnApplications,
  fetchOwnRanking,
  fetchProgramPositions,
  type ProgramPosition,
  saveOwnRanking,
} from './api-client.ts'
import { isApplicationRefusal } from './application-refusal.ts'
import { AsyncView } from './async-view.tsx'
import { announceApplicationChanged, onApplicationChanged } from './candidate-api.ts'
import { describeError } from './describe-error.ts'
import { DragReorderList } from './drag-reorder-list.tsx'
import { formatDate } from './format.ts'
import { IneligibleRankingNotice } from './ineligible-ranking-notice.tsx'
import { RecommendationsList } from './recommendations-list.tsx'
import { useApiData } from './use-api-data.ts'

/**
 * The candidate's rank list of a program's positions: add, remove, reorder (drag and drop, keyboard, or the
 * up/down buttons) and save. Shown once they have applied; read-only, with the reason, after the freeze.
 * An applicant found not eligible sees why instead (they take no part in the match).
 */
export function RankingSection(props: {
  readonly programId: string
  /** The day rank lists freeze (the timeline's ranking-freeze step), if known. */
  readonly freezesOn?: string | null
}) {
  const { t } = useTranslation()
  const { programId } = props
  const loadPositions = useCallback(() => fetchProgramPositions(programId), [programId])
  const loadRanking = useCallback(() => fetchOwnRanking(programId), [programId])
  const positions = useApiData(`program-positions:${programId}`, loadPositions)
  const ranking = useApiData(`own-ranking:${programId}`, loadRanking)
  const applications = useApiData('own-applications', fetchOwnApplications)
  const reloadApplications = applications.reload
  useEffect(
    () => onApplicationChanged((changed) => changed === programId && reloadApplications()),
    [programId, reloadApplications],
  )
  return (
    <section className="section" aria-labelledby="ranking-title" data-section="ranking">
      <h2 id="ranking-title" className="section-title">
        {t('ranking.title')}
      </h2>
      <AsyncView data={applications}>
        {(loadedApplications) => {
          const own = loadedApplications.find((application) => application.programId === programId)
          const hasApplied = own !== undefined && own.status !== 'withdrawn'
          return (
            <AsyncView data={positions}>
              {(loadedPositions) => (
                <AsyncView data={ranking}>
                  {(loadedRanking) =>
                    // Found not eligible: the match leaves the application out and the API refuses a list.
                    own?.status === 'ineligible' ? (
                      <IneligibleRankingNotice
                        programId={programId}
                        savedCount={loadedRanking.entries.length}
                        isFrozen={loadedRanking.isFrozen}
                      />
                    ) : hasApplied || loadedRanking.entries.length > 0 ? (
                      <RankingEditor
                        programId={programId}
                        positions={loadedPositions}
                        initial={loadedRanking}
                        freezesOn={props.freezesOn ?? null}
                        hasApplied={hasApplied}
                      />
                    ) : (
                      <p className="notice notice-muted" data-testid="ranking-apply-first">
                        {t('rankingDrag.applyFirst')}
                      </p>
                    )
                  }
                </AsyncView>
              )}
            </AsyncView>
          )
        }}
      </AsyncView>
    </section>
  )
}

type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved' }
  | { readonly status: 'error'; readonly error: unknown }

function RankingEditor(props: {
  readonly programId: string
  readonly positions: readonly ProgramPosition[]
  readonly initial: CandidateRanking
  readonly freezesOn: string | null
  readonly hasApplied: boolean
}) {
  const { t, i18n } = useTranslation()
  const [entries, setEntries] = useState<readonly string[]>(props.initial.entries)
  const [savedEntries, setSavedEntries] = useState<readonly string[]>(props.initial.entries)
  const [isFrozen, setIsFrozen] = useState(props.initial.isFrozen)
  const [save, setSave] = useState<SaveState>({ status: 'idle' })
  // After a move the button that was pressed moves too; focus follows it so the keyboard user stays put.
  const [focusId, setFocusId] = useState<string | null>(null)
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus()
  }, [focusId])

  const byId = useMemo(
    () => new Map(props.positions.map((position) => [position.id, position])),
    [props.positions],
  )
  const unranked = props.positions.filter((position) => !entries.includes(position.id))
  const isDirty = entries.join() !== savedEntries.join()
  const isDisabled = isFrozen || !props.hasApplied || save.status === 'saving'
  const items = entries.map((id) => {
    const position = byId.get(id)
    return { id, label: position ? `${position.title} · ${position.companyName}` : id, position }
  })

  const change = (next: readonly string[], nextFocus: string | null) => {
    setEntries(next)
    setSave({ status: 'idle' })
    setFocusId(nextFocus)
  }
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta
    const id = entries[index]
    const other = entries[target]
    if (id === undefined || other === undefined) return
    const next = [...entries]
    next[index] = other
    next[target] = id
    // At the top or bottom the pressed button disappears; focus its twin instead.
    const isEdge = target === 0 || target === entries.length - 1
    const direction = isEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'
    change(next, `rank-${direction}-${id}`)
  }
  const add = (id: string) => {
    if (entries.includes(id)) return
    change([...entries, id], null)
  }
  const remove = (id: string) =>
    change(
      entries.filter((entry) => entry !== id),
      null,
    )
  const submit = async () => {
    setSave({ status: 'saving' })
    try {
      const saved = await saveOwnRanking(props.programId, entries)
      setSavedEntries(saved.entries)
      setEntries(saved.entries)
      setIsFrozen(saved.isFrozen)
      setSave({ status: 'saved' })
    } catch (error) {
      if (error instanceof ApiError && error.code === 'phase_closed') setIsFrozen(true)
      // The application left the running since the page loaded (found not eligible, withdrawn elsewhere):
      // refresh the application, so the section shows why instead of an editor that cannot save.
      if (isApplicationRefusal(error)) announceApplicationChanged(props.programId)
      setSave({ status: 'error', error })
    }
  }

  return (
    <div className="ranking" data-testid="ranking">
      <p className="notice notice-muted">
        {props.initial.mechanism === 'candidate-proposing'
          ? t('ranking.truthfulNote')
          : t('ranking.otherMechanismNote')}
      </p>
      {isFrozen ? (
        <p className="notice notice-error" role="status" data-testid="ranking-frozen">
          {t('ranking.frozen')} {t('rankingDrag.frozenWhy')}
        </p>
      ) : props.freezesOn ? (
        <p className="muted" data-testid="ranking-freezes-on">
          {t('rankingDrag.freezesOn', { date: formatDate(props.freezesOn, i18n.language) })}
        </p>
      ) : null}
      {!props.hasApplied && !isFrozen ? (
        <p className="notice notice-muted">{t('rankingDrag.withdrawnReadOnly')}</p>
      ) : null}
      <div className="ranking-columns">
        <div>
          <h3 className="mini-title">{t('ranking.yourList')}</h3>
          {entries.length === 0 ? (
            <p className="muted">{t('ranking.empty')}</p>
          ) : (
            <>
              {isFrozen ? null : <p className="field-hint">{t('rankingDrag.hint')}</p>}
              <DragReorderList
                items={items}
                label={t('ranking.yourList')}
                isDisabled={isDisabled}
                testId="rank-list"
                onReorder={(next) => change(next, null)}
                renderItem={(item) => (
                  <span className="rank-text">
                    <span className="cell-strong">{item.position?.title ?? item.id}</span>
                    {item.position ? <span className="cell-sub">{item.position.companyName}</span> : null}
                  </span>
                )}
                renderActions={(item, index) => {
                  if (isFrozen) return null
                  const title = item.position?.title ?? item.id
                  const id = item.id
                  return (
                    <>
                      {index > 0 ? (
                        <button
                          id={`rank-up-${id}`}
                          type="button"
                          className="button button-ghost button-small"
                          disabled={isDisabled}
                          aria-label={t('ranking.moveUp', { title })}
                          onClick={() => move(index, -1)}
                        >
                          ↑
                        </button>
                      ) : null}
                      {index < entries.length - 1 ? (
                        <button
                          id={`rank-down-${id}`}
                          type="button"
                          className="button button-ghost button-small"
                          disabled={isDisabled}
                          aria-label={t('ranking.moveDown', { title })}
                          onClick={() => move(index, 1)}
                        >
                          ↓
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        disabled={isDisabled}
                        aria-label={t('ranking.removeLabel', { title })}
                        onClick={() => remove(id)}
                      >
                        {t('ranking.remove')}
                      </button>
                    </>
                  )
                }}
              />
            </>
          )}
        </div>
        <div>
          <h3 className="mini-title">{t('ranking.otherPositions')}</h3>
          {unranked.length === 0 ? (
            <p className="muted">{t('ranking.allRanked')}</p>
          ) : (
            <ul className="rank-list">
              {unranked.map((position) => (
                <li key={position.id} className="rank-item">
                  <span className="rank-text">
                    <span className="cell-strong">{position.title}</span>
                    <span className="cell-sub">{position.companyName}</span>
                  </span>
                  <span className="rank-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      disabled={isDisabled}
                      aria-label={t('ranking.addLabel', { title: position.title })}
                      onClick={() => add(position.id)}
                    >
                      {t('ranking.add')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={isDisabled || !isDirty}
          onClick={() => void submit()}
          data-testid="ranking-save"
        >
          {save.status === 'saving' ? t('ranking.saving') : t('ranking.save')}
        </button>
        <p className="muted" aria-live="polite">
          {save.status === 'saved' ? t('ranking.saved') : isDirty ? t('ranking.unsaved') : ''}
        </p>
      </div>
      {save.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {save.error instanceof ApiError && save.error.code === 'phase_closed'
            ? t('ranking.frozen')
            : isApplicationRefusal(save.error)
              ? t(`ineligibleRanking.refused.${save.error.code}`)
              : describeError(save.error, t)}
        </p>
      ) : null}
      <RecommendationsList
        programId={props.programId}
        rankedIds={entries}
        isDisabled={isDisabled}
        onAdd={add}
      />
    </div>
  )
}
