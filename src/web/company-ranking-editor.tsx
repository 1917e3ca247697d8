import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type ApplicantFit,
  type ProgramPhase,
  RANKABLE_APPLICATION_STATUSES,
  type RankingView,
} from '../domain/index.ts'
import { ApiError, type ProgramApplication, type ProgramPosition } from './api-client.ts'
import { isApplicationRefusal } from './application-refusal.ts'
import { fetchCompanyRanking, fetchScoreDerivedRanking, saveCompanyRanking } from './company-api.ts'
import type { ProgramCompany } from './company-scope.ts'
import { describeError } from './describe-error.ts'
import { formatCountry, formatDate, formatNumber, formatScore } from './format.ts'
import type { Message } from './message.ts'
import { renderMessage } from './message.ts'
import {
  appendRankRow,
  isSameRanking,
  moveRankRow,
  type RankRow,
  rankNumbersOf,
  removeRankRow,
  setTiedWithAbove,
  toRankEntries,
  toRankRows,
} from './rank-list-rows.ts'
import { ShortlistPanel } from './shortlist-panel.tsx'
import { SkillList } from './skill-list.tsx'
import { type SortableHandle, SortableList } from './sortable-list.tsx'
import { useApiData } from './use-api-data.ts'

/** Application statuses whose applicants may be ranked (the API refuses the others). */
const RANKABLE_STATUSES: readonly string[] = RANKABLE_APPLICATION_STATUSES
/** How many matches the applicant search lists. */
const SEARCH_LIMIT = 8

/** Why the list is read-only, as the server last said. */
interface FreezeState {
  readonly isFrozen: boolean
  readonly phase: ProgramPhase
  readonly freezesOn: string | null
}

type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly isRemoved: boolean }
  | { readonly status: 'refused' }
  | { readonly status: 'error'; readonly error: unknown }

/** A date and time in the reader's language, for "saved at". */
function formatDateTime(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value))
}

/**
 * The rank list editor: the company's ranked applicants (drag and drop, keyboard, move buttons, ties,
 * remove), filled from the shortlist beside it, from a search, or from the score-derived ranking; saved
 * explicitly, with the saved/unsaved state always shown; read-only once lists are frozen.
 */
export function CompanyRankingEditor(props: {
  readonly programId: string
  readonly company: ProgramCompany
  /** The position whose own list this is; null = the company list for all its positions. */
  readonly position: ProgramPosition | null
  readonly initial: RankingView
  readonly hasCompanyList: boolean
  readonly applications: readonly ProgramApplication[]
  readonly onDirtyChange: (isDirty: boolean) => void
  readonly onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { programId, company, position, onDirtyChange } = props
  const positionId = position?.id ?? null
  const [rows, setRows] = useState<readonly RankRow[]>(() => toRankRows(props.initial.entries))
  const [saved, setSaved] = useState({ entries: props.initial.entries, updatedAt: props.initial.updatedAt })
  const [freeze, setFreeze] = useState<FreezeState>(props.initial)
  const [save, setSave] = useState<SaveState>({ status: 'idle' })
  const [notice, setNotice] = useState<Message | null>(null)
  // After a button move the pressed button moves too; focus follows it so the keyboard user stays put.
  const [focusId, setFocusId] = useState<string | null>(null)
  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus()
  }, [focusId])

  const loadFits = useCallback(
    () => fetchScoreDerivedRanking(programId, company.id, positionId),
    [programId, company.id, positionId],
  )
  const derived = useApiData(`score-derived:${programId}:${company.id}:${positionId ?? 'all'}`, loadFits)
  const fitOf = useMemo(() => {
    const fits = derived.status === 'ready' ? derived.data.fits : []
    return new Map<string, ApplicantFit>(fits.map((fit) => [fit.candidateId, fit]))
  }, [derived])
  const applicantOf = useMemo(
    () => new Map(props.applications.map((application) => [application.candidateId, application])),
    [props.applications],
  )

  const entries = useMemo(() => toRankEntries(rows), [rows])
  const ranks = useMemo(() => rankNumbersOf(rows), [rows])
  const rankOfId = useMemo(() => new Map(rows.map((row, index) => [row.id, ranks[index]!])), [rows, ranks])
  const isDirty = !isSameRanking(entries, saved.entries)
  const isReadOnly = freeze.isFrozen
  const isBusy = save.status === 'saving'
  const isDisabled = isReadOnly || isBusy
  useEffect(() => onDirtyChange(isDirty && !isReadOnly), [isDirty, isReadOnly, onDirtyChange])

  const nameOf = (id: string) => applicantOf.get(id)?.fullName ?? id
  const isRankable = (id: string) => RANKABLE_STATUSES.includes(applicantOf.get(id)?.status ?? '')
  const gone = rows.filter((row) => !isRankable(row.id))

  const change = (
    next: readonly RankRow[],
    nextFocus: string | null = null,
    message: Message | null = null,
  ) => {
    setRows(next)
    setSave({ status: 'idle' })
    setNotice(message)
    setFocusId(nextFocus)
  }
  const move = (index: number, delta: -1 | 1) => {
    const row = rows[index]
    const target = index + delta
    if (!row || target < 0 || target >= rows.length) return
    const next = moveRankRow(rows, index, target)
    // At the top or bottom the pressed button disappears; focus its twin instead.
    const isEdge = target === 0 || target === rows.length - 1
    const direction = isEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'
    const rank = rankNumbersOf(next)[target]!
    change(next, `company-rank-${direction}-${row.id}`, {
      key: 'companyRanking.movedTo',
      values: { name: nameOf(row.id), rank },
    })
  }
  const add = (id: string) => {
    if (rows.some((row) => row.id === id)) return
    const next = appendRankRow(rows, id)
    change(next, null, {
      key: 'companyRanking.added',
      values: { name: nameOf(id), rank: rankNumbersOf(next)[next.length - 1]! },
    })
  }
  const remove = (id: string) =>
    change(removeRankRow(rows, id), null, { key: 'companyRanking.removed', values: { name: nameOf(id) } })
  const toggleTie = (index: number) => {
    const row = rows[index]
    if (!row || index === 0) return
    change(setTiedWithAbove(rows, index, !row.isTiedWithAbove), `company-rank-tie-${row.id}`)
  }
  const fillFromScores = () => {
    if (derived.status !== 'ready') return
    if (rows.length > 0 && !window.confirm(t('companyRanking.confirmScores'))) return
    const next = toRankRows(derived.data.entries)
    change(next, null, { key: 'companyRanking.filledFromScores', values: { count: next.length } })
  }
  const clear = () => {
    if (!window.confirm(t('companyRanking.confirmClear'))) return
    change([], null, { key: 'companyRanking.cleared' })
  }
  const discard = () => change(toRankRows(saved.entries), null, { key: 'companyRanking.discarded' })
  const removeGone = () => {
    let next: readonly RankRow[] = rows
    for (const row of gone) next = removeRankRow(next, row.id)
    change(next)
  }

  const submit = async () => {
    setSave({ status: 'saving' })
    setNotice(null)
    try {
      const result = await saveCompanyRanking(programId, company.id, positionId, entries)
      applyServer(result)
      setSave({ status: 'saved', isRemoved: result.entries.length === 0 })
      props.onSaved()
    } catch (error) {
      if (error instanceof ApiError && error.code === 'phase_closed') {
        // A stale page: the lists froze since it loaded. Show what the match will use, and why.
        try {
          applyServer(await fetchCompanyRanking(programId, company.id, positionId))
        } catch {
          setFreeze((state) => ({ ...state, isFrozen: true }))
        }
        setSave({ status: 'refused' })
        return
      }
      setSave({ status: 'error', error })
    }
  }
  const applyServer = (ranking: RankingView) => {
    setSaved({ entries: ranking.entries, updatedAt: ranking.updatedAt })
    setRows(toRankRows(ranking.entries))
    setFreeze(ranking)
  }

  const freezeReason = (): string => {
    const phase = t(`phase.${freeze.phase}`)
    return freeze.freezesOn
      ? t('companyRanking.frozenOn', { phase, date: formatDate(freeze.freezesOn, locale) })
      : t('companyRanking.frozen', { phase })
  }
  const usesCompanyList = position !== null && props.hasCompanyList
  const fallbackNote = isReadOnly
    ? usesCompanyList
      ? t('companyRanking.frozenUsesCompany')
      : t('companyRanking.frozenUsesScores')
    : usesCompanyList
      ? t('companyRanking.noOwnListUsesCompany')
      : t('companyRanking.noListUsesScores')
  const statusLine = (): string => {
    if (save.status === 'saving') return t('companyRanking.saving')
    if (isDirty && !isReadOnly) return t('companyRanking.unsaved')
    if (save.status === 'saved' && save.isRemoved) return t('companyRanking.removedList')
    if (saved.updatedAt) {
      return t('companyRanking.savedAt', { date: formatDateTime(saved.updatedAt, locale) })
    }
    return fallbackNote
  }
  const listTitle = position
    ? t('companyRanking.positionListTitle', { position: position.title })
    : t('companyRanking.companyListTitle')
  const [shortlistPositionId, setShortlistPositionId] = useState(
    position?.id ?? company.positions[0]?.id ?? null,
  )
  const shortlistPosition =
    company.positions.find((entry) => entry.id === shortlistPositionId) ?? company.positions[0] ?? null

  return (
    <div className="company-ranking" data-testid="company-ranking">
      {isReadOnly ? (
        <p className="notice notice-error" role="status" data-testid="company-ranking-frozen">
          {freezeReason()}
        </p>
      ) : freeze.freezesOn ? (
        <p className="notice notice-muted" data-testid="company-ranking-deadline">
          {t('companyRanking.saveBefore', { date: formatDate(freeze.freezesOn, locale) })}
        </p>
      ) : null}
      {save.status === 'refused' ? (
        <p className="notice notice-error" role="alert" data-testid="company-ranking-save-error">
          {t('companyRanking.refused', { reason: freezeReason() })}
        </p>
      ) : null}
      {save.status === 'error' ? (
        <p className="notice notice-error" role="alert" data-testid="company-ranking-save-error">
          {isApplicationRefusal(save.error)
            ? t('ineligibleRanking.companySaveRefused', { count: save.error.issues.length })
            : t('companyRanking.saveFailed', { reason: describeError(save.error, t) })}
        </p>
      ) : null}
      <div className="company-ranking-columns">
        <section className="card company-ranking-list" aria-labelledby="company-ranking-list-title">
          <div className="section-head">
            <h2 id="company-ranking-list-title" className="section-title">
              {listTitle}
            </h2>
            <span className="badge">{t('companyRanking.count', { count: rows.length })}</span>
          </div>
          {isReadOnly ? null : (
            <div className="company-ranking-toolbar" role="toolbar" aria-label={t('companyRanking.toolbar')}>
              <button
                type="button"
                className="button"
                disabled={isDisabled || !isDirty}
                onClick={() => void submit()}
                data-testid="company-ranking-save"
              >
                {isBusy ? t('companyRanking.saving') : t('companyRanking.save')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={isDisabled || !isDirty}
                onClick={discard}
              >
                {t('companyRanking.discard')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={isDisabled || derived.status !== 'ready'}
                onClick={fillFromScores}
                data-testid="company-ranking-use-scores"
              >
                {t('companyRanking.useScores')}
              </button>
              <button
                type="button"
                className="button button-ghost"
                disabled={isDisabled || rows.length === 0}
                onClick={clear}
              >
                {t('companyRanking.clear')}
              </button>
            </div>
          )}
          <p
            className={
              isDirty && !isReadOnly
                ? 'save-state save-state-dirty'
                : saved.updatedAt
                  ? 'save-state save-state-saved'
                  : 'save-state'
            }
            aria-live="polite"
            data-testid="company-ranking-status"
          >
            {statusLine()}
          </p>
          <p className="visually-hidden" aria-live="polite" data-testid="company-ranking-announcement">
            {notice ? renderMessage(notice, t) : ''}
          </p>
          {gone.length > 0 && !isReadOnly ? (
            <div className="notice notice-error" role="status">
              <span>
                {gone.some((row) => applicantOf.get(row.id)?.status === 'ineligible')
                  ? t('ineligibleRanking.companyNotRankable', { count: gone.length })
                  : t('companyRanking.notApplicants', { count: gone.length })}
              </span>
              <button type="button" className="button button-small button-secondary" onClick={removeGone}>
                {t('companyRanking.removeNotApplicants')}
              </button>
            </div>
          ) : null}
          {isReadOnly ? null : <p className="field-hint">{t('companyRanking.howTo')}</p>}
          {rows.length === 0 ? (
            <p className="muted company-ranking-empty">
              {isReadOnly ? fallbackNote : t('companyRanking.empty')}
            </p>
          ) : (
            <SortableList
              items={rows}
              getId={(row) => row.id}
              getLabel={(row) => nameOf(row.id)}
              onMove={(from, to) => {
                const row = rows[from]
                if (!row) return
                const next = moveRankRow(rows, from, to)
                change(next, null, {
                  key: 'companyRanking.movedTo',
                  values: { name: nameOf(row.id), rank: rankNumbersOf(next)[to]! },
                })
              }}
              isDisabled={isDisabled}
              className="company-rank-list"
              aria-labelledby="company-ranking-list-title"
              testId="company-rank-list"
              itemTestId="company-rank-row"
              itemClassName={(row) => (row.isTiedWithAbove ? 'company-rank-row is-tied' : 'company-rank-row')}
              renderItem={(row, index, handle) => (
                <RankRowView
                  row={row}
                  index={index}
                  rank={ranks[index]!}
                  isLast={index === rows.length - 1}
                  isTiedBelow={rows[index + 1]?.isTiedWithAbove === true}
                  handle={handle}
                  application={applicantOf.get(row.id)}
                  fit={fitOf.get(row.id)}
                  isRankable={isRankable(row.id)}
                  isReadOnly={isReadOnly}
                  isDisabled={isDisabled}
                  onMove={move}
                  onToggleTie={toggleTie}
                  onRemove={remove}
                />
              )}
            />
          )}
        </section>
        <aside className="company-ranking-aside" aria-label={t('companyRanking.addFrom')}>
          {shortlistPosition ? (
            <ShortlistPanel
              key={shortlistPosition.id}
              programId={programId}
              positionId={shortlistPosition.id}
              title={t('companyRanking.shortlistTitle')}
              subtitle={shortlistPosition.title}
              tools={
                !position && company.positions.length > 1 ? (
                  <label className="field field-inline shortlist-picker">
                    <span className="field-label">{t('shortlist.pickPosition')}</span>
                    <select
                      className="input select"
                      value={shortlistPosition.id}
                      onChange={(event) => setShortlistPositionId(event.target.value)}
                    >
                      {company.positions.map((entry) => (
                        <option key={entry.id} value={entry.id}>
                          {entry.title}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null
              }
              adding={{
                rankOf: (id) => rankOfId.get(id) ?? null,
                onAdd: add,
                isDisabled,
                isReadOnly,
              }}
            />
          ) : null}
          {isReadOnly ? null : (
            <ApplicantSearch
              applications={props.applications}
              rankedIds={rankOfId}
              isDisabled={isDisabled}
              onAdd={add}
            />
          )}
        </aside>
      </div>
    </div>
  )
}

function RankRowView(props: {
  readonly row: RankRow
  readonly index: number
  readonly rank: number
  readonly isLast: boolean
  readonly isTiedBelow: boolean
  readonly handle: SortableHandle
  readonly application: ProgramApplication | undefined
  readonly fit: ApplicantFit | undefined
  readonly isRankable: boolean
  readonly isReadOnly: boolean
  readonly isDisabled: boolean
  readonly onMove: (index: number, delta: -1 | 1) => void
  readonly onToggleTie: (index: number) => void
  readonly onRemove: (id: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { row, index, application, fit } = props
  const name = application?.fullName ?? row.id
  const isTied = row.isTiedWithAbove || props.isTiedBelow
  return (
    <div className="company-rank-item" data-candidate-id={row.id}>
      {props.isReadOnly ? null : (
        <button
          ref={props.handle.ref}
          {...props.handle.props}
          className="drag-handle"
          aria-label={t('companyRanking.dragLabel', { name })}
          data-testid="company-rank-handle"
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <span className="company-rank-number" aria-hidden="true">
        {row.isTiedWithAbove ? '=' : props.rank}
      </span>
      <span className="company-rank-text">
        <span className="cell-strong">
          <span className="visually-hidden">
            {isTied
              ? t('companyRanking.rankTied', { rank: props.rank })
              : t('companyRanking.rank', { rank: props.rank })}{' '}
          </span>
          {name}
        </span>
        <span className="cell-sub">
          {application ? formatCountry(application.nationality, locale) : null}
          {fit
            ? ` · ${
                fit.isExcluded
                  ? t('companyRanking.fitExcluded', { score: formatScore(fit.score, locale) })
                  : t('companyRanking.fit', { score: formatScore(fit.score, locale) })
              }`
            : null}
        </span>
        {application ? <SkillList skills={application.skills} limit={3} /> : null}
        {!props.isRankable ? (
          <span className="badge badge-status-withdrawn" data-testid="company-rank-unrankable">
            {application?.status === 'ineligible'
              ? t('ineligibleRanking.companyBadge')
              : t('companyRanking.notApplicant')}
          </span>
        ) : null}
      </span>
      {props.isReadOnly ? null : (
        <span className="rank-actions">
          {index > 0 ? (
            <button
              id={`company-rank-tie-${row.id}`}
              type="button"
              className={
                row.isTiedWithAbove
                  ? 'button button-small tie-toggle is-on'
                  : 'button button-small button-secondary tie-toggle'
              }
              aria-pressed={row.isTiedWithAbove}
              disabled={props.isDisabled}
              aria-label={t('companyRanking.tieLabel', { name })}
              title={t('companyRanking.tieTitle')}
              onClick={() => props.onToggleTie(index)}
            >
              {t('companyRanking.tie')}
            </button>
          ) : null}
          {index > 0 ? (
            <button
              id={`company-rank-up-${row.id}`}
              type="button"
              className="button button-secondary button-small"
              disabled={props.isDisabled}
              aria-label={t('companyRanking.moveUp', { name })}
              onClick={() => props.onMove(index, -1)}
            >
              ↑
            </button>
          ) : null}
          {props.isLast ? null : (
            <button
              id={`company-rank-down-${row.id}`}
              type="button"
              className="button button-secondary button-small"
              disabled={props.isDisabled}
              aria-label={t('companyRanking.moveDown', { name })}
              onClick={() => props.onMove(index, 1)}
            >
              ↓
            </button>
          )}
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={props.isDisabled}
            aria-label={t('companyRanking.removeLabel', { name })}
            onClick={() => props.onRemove(row.id)}
          >
            ✕
          </button>
        </span>
      )}
    </div>
  )
}

/** Finds any current applicant of the program by name, country or skill and adds them to the list. */
function ApplicantSearch(props: {
  readonly applications: readonly ProgramApplication[]
  readonly rankedIds: ReadonlyMap<string, number>
  readonly isDisabled: boolean
  readonly onAdd: (candidateId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [query, setQuery] = useState('')
  const needle = query.trim().toLowerCase()
  const rankable = props.applications.filter((application) => RANKABLE_STATUSES.includes(application.status))
  const unranked = rankable.filter((application) => !props.rankedIds.has(application.candidateId))
  const matches =
    needle.length === 0
      ? []
      : unranked.filter((application) =>
          [
            application.fullName,
            formatCountry(application.nationality, locale),
            ...application.skills.map((entry) => entry.skill),
          ].some((text) => text.toLowerCase().includes(needle)),
        )
  return (
    <section
      className="card applicant-search"
      aria-labelledby="applicant-search-title"
      data-testid="applicant-search"
    >
      <h3 id="applicant-search-title" className="card-title">
        {t('companyRanking.searchTitle')}
      </h3>
      <p className="muted">
        {t('companyRanking.searchIntro', {
          ranked: formatNumber(rankable.length - unranked.length, locale),
          total: formatNumber(rankable.length, locale),
        })}
      </p>
      <label className="field">
        <span className="field-label">{t('companyRanking.searchLabel')}</span>
        <input
          type="search"
          className="input"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('programPage.filterPlaceholder')}
        />
      </label>
      {needle.length > 0 && matches.length === 0 ? (
        <p className="muted">{t('companyRanking.searchNone')}</p>
      ) : null}
      {matches.length > 0 ? (
        <ul className="plain-list applicant-search-results">
          {matches.slice(0, SEARCH_LIMIT).map((application) => (
            <li key={application.candidateId} className="applicant-search-item">
              <span className="rank-text">
                <span className="cell-strong">{application.fullName}</span>
                <span className="cell-sub">{formatCountry(application.nationality, locale)}</span>
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={props.isDisabled}
                aria-label={t('companyRanking.addLabel', { name: application.fullName })}
                onClick={() => props.onAdd(application.candidateId)}
              >
                {t('companyRanking.add')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {matches.length > SEARCH_LIMIT ? (
        <p className="muted">{t('companyRanking.searchMore', { count: matches.length - SEARCH_LIMIT })}</p>
      ) : null}
    </section>
  )
}
