import type { TFunction } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportKind, ImportSummary } from '../domain/index.ts'
import type { ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { formatNumber } from './format.ts'
import { type Message, renderMessage } from './message.ts'
import { programPath } from './navigation.ts'
import type { ImportProblem } from './setup-api.ts'

/** Where an import stands: nothing chosen, checking, checked (ready), refused with problems, importing, done. */
export type ImportState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'checked'; readonly summary: ImportSummary }
  | { readonly status: 'invalid'; readonly problems: readonly ImportProblem[]; readonly summary: string }
  | { readonly status: 'failed'; readonly message: Message }
  | { readonly status: 'importing'; readonly summary: ImportSummary | null }
  | { readonly status: 'imported'; readonly summary: ImportSummary }

/** The most problems the API lists for one file. */
const LISTED_PROBLEMS = 200

/** A problem in the reader's language, from its code and values (the server's English if the code is new). */
export function describeProblem(problem: ImportProblem, t: TFunction): string {
  if (!problem.code) return problem.message
  const params = problem.params ?? {}
  const text = t(`importIssue.${problem.code}`, { ...params, defaultValue: problem.message })
  return params.item === undefined ? text : `${t('importIssue.item', { item: params.item })}: ${text}`
}

/** The result of a dry run or an import: the counts and the Import button, or every bad row. */
export function ImportReport(props: {
  readonly state: ImportState
  readonly kind: ImportKind
  readonly program: ProgramOverview | null
  readonly onImport: () => void
  readonly onStartOver: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const { state, program } = props
  const number = (value: number) => formatNumber(value, locale)

  if (state.status === 'idle') return null
  if (state.status === 'checking') {
    return (
      <p className="notice notice-muted" role="status" data-testid="import-report">
        {t('importPage.checking')}
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <p className="notice notice-error" role="alert" data-testid="import-report">
        {renderMessage(state.message, t)}
      </p>
    )
  }
  if (state.status === 'invalid') {
    const rows = new Set(state.problems.filter((problem) => (problem.row ?? 0) > 0).map((p) => p.row)).size
    return (
      <section
        className="import-report is-invalid"
        aria-labelledby={`${id}-title`}
        data-testid="import-report"
      >
        <div role="alert">
          <h3 id={`${id}-title`} className="import-report-title">
            {t('importPage.invalidTitle')}
          </h3>
        </div>
        <p>
          {rows > 0
            ? t('importPage.invalidSummary', { count: state.problems.length, rows: number(rows) })
            : t('importPage.invalidFile')}
        </p>
        {state.problems.length >= LISTED_PROBLEMS ? (
          <p className="muted">{t('importPage.firstProblems', { count: LISTED_PROBLEMS })}</p>
        ) : null}
        <div className="table-scroll import-problems">
          <table
            className="table table-compact"
            aria-label={t('importPage.problemsTable')}
            data-testid="import-problems"
          >
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('importPage.row')}
                </th>
                <th scope="col">{t('importPage.column')}</th>
                <th scope="col">{t('importPage.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {state.problems.map((problem) => (
                <tr key={`${problem.path}|${problem.message}`}>
                  <td className="numeric">{problem.row ? number(problem.row) : '–'}</td>
                  <td>
                    {problem.field === '(file)' || problem.field === undefined ? (
                      t('importPage.wholeFile')
                    ) : problem.field === '(row)' ? (
                      t('importPage.wholeRow')
                    ) : (
                      <code>{problem.field}</code>
                    )}
                  </td>
                  <td>{describeProblem(problem, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t('importPage.fixAndRetry')}</p>
      </section>
    )
  }
  const summary = state.summary
  const isDone = state.status === 'imported'
  const counts = summary ? (
    <dl className="stats import-counts" data-testid="import-summary">
      <div className="stat">
        <dt>{t('importPage.rows')}</dt>
        <dd>{number(summary.rows)}</dd>
      </div>
      <div className="stat">
        <dt>{t('importPage.created')}</dt>
        <dd>{number(summary.created)}</dd>
      </div>
      <div className="stat">
        <dt>{t('importPage.updated')}</dt>
        <dd>{number(summary.updated)}</dd>
      </div>
      <div className="stat">
        <dt>{t('importPage.unchanged')}</dt>
        <dd>{number(summary.unchanged)}</dd>
      </div>
      {summary.programId !== null ? (
        <>
          <div className="stat">
            <dt>{t(`importPage.added.${props.kind}`)}</dt>
            <dd>{number(summary.addedToProgram)}</dd>
          </div>
          <div className="stat">
            <dt>{t('importPage.alreadyIn')}</dt>
            <dd>{number(summary.alreadyInProgram)}</dd>
          </div>
        </>
      ) : null}
    </dl>
  ) : null
  const changes = summary ? summary.created + summary.updated + summary.addedToProgram : 0
  return (
    <section
      className={`import-report ${isDone ? 'is-done' : 'is-ready'}`}
      aria-labelledby={`${id}-title`}
      data-testid="import-report"
    >
      <div role="status">
        <h3 id={`${id}-title`} className="import-report-title">
          {isDone
            ? t('importPage.doneTitle')
            : state.status === 'importing'
              ? t('importPage.importing')
              : t('importPage.readyTitle')}
        </h3>
      </div>
      {summary ? (
        <p>
          {isDone
            ? t('importPage.doneText', { file: summary.fileName })
            : changes === 0
              ? t('importPage.nothingToChange', { file: summary.fileName })
              : t('importPage.readyText', { file: summary.fileName })}
        </p>
      ) : null}
      {counts}
      <div className="form-actions">
        {state.status === 'checked' ? (
          <button type="button" className="button" onClick={props.onImport}>
            {t('importPage.import', { count: summary?.rows ?? 0 })}
          </button>
        ) : null}
        {state.status === 'importing' ? (
          <button type="button" className="button" disabled>
            {t('importPage.importing')}
          </button>
        ) : null}
        {isDone && program ? (
          <AppLink to={programPath(program.id)} className="button button-secondary">
            {t('importPage.openProgram')}
          </AppLink>
        ) : null}
        {isDone || state.status === 'checked' ? (
          <button type="button" className="button button-secondary" onClick={props.onStartOver}>
            {isDone ? t('importPage.another') : t('common.cancel')}
          </button>
        ) : null}
      </div>
    </section>
  )
}
