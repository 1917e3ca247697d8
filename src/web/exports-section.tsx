import { useCallback, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MatchRunSummary } from '../domain/index.ts'
import { fetchMatchRuns } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { formatDate } from './format.ts'
import { type ExportKind, exportUrl } from './setup-api.ts'
import { useApiData } from './use-api-data.ts'

const RECORD_EXPORTS: readonly Exclude<ExportKind, 'results'>[] = ['applicants', 'positions', 'companies']
const FORMATS = ['csv', 'xlsx'] as const

/**
 * The operator's downloads for a program: its applicants, positions and companies, and the results of a
 * published round or of any match run, each as CSV or an Excel workbook.
 */
export function ExportsSection(props: { readonly programId: string; readonly phase: string }) {
  const { t } = useTranslation()
  const { programId } = props
  // The phase changes when a run is published: reload the runs then.
  const load = useCallback(() => fetchMatchRuns(programId), [programId])
  const runs = useApiData(`exports-runs:${programId}:${props.phase}`, load)
  return (
    <section className="section" aria-labelledby="exports-title" data-testid="exports">
      <h2 id="exports-title" className="section-title">
        {t('exports.title')}
      </h2>
      <p className="field-hint">{t('exports.intro')}</p>
      <div className="card exports-card">
        <ul className="exports-list">
          {RECORD_EXPORTS.map((kind) => (
            <li key={kind} className="exports-row">
              <span className="cell-strong">{t(`exports.kind.${kind}`)}</span>
              <span className="exports-links">
                {FORMATS.map((format) => (
                  <a
                    key={format}
                    className="button button-secondary button-small"
                    href={exportUrl(kind, format, { programId })}
                    download
                    aria-label={t('exports.download', {
                      what: t(`exports.kind.${kind}`),
                      format: format.toUpperCase(),
                    })}
                  >
                    {format.toUpperCase()}
                  </a>
                ))}
              </span>
            </li>
          ))}
          <li className="exports-row">
            <AsyncView data={runs}>{(data) => <ResultsExport programId={programId} runs={data} />}</AsyncView>
          </li>
        </ul>
      </div>
    </section>
  )
}

function ResultsExport(props: { readonly programId: string; readonly runs: readonly MatchRunSummary[] }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const hasPublished = props.runs.some((run) => run.status === 'published')
  const [choice, setChoice] = useState<string>(hasPublished ? 'published' : (props.runs[0]?.id ?? ''))
  const label = t('exports.kind.results')
  if (props.runs.length === 0) {
    return (
      <>
        <span className="cell-strong">{label}</span>
        <span className="muted">{t('exports.noRuns')}</span>
      </>
    )
  }
  const runId = choice === 'published' ? undefined : choice
  return (
    <>
      <span className="exports-results">
        <label className="cell-strong" htmlFor={`${id}-run`}>
          {label}
        </label>
        <select
          id={`${id}-run`}
          className="input select"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
        >
          {hasPublished ? <option value="published">{t('exports.published')}</option> : null}
          {props.runs.map((run) => (
            <option key={run.id} value={run.id}>
              {t('exports.run', {
                round: run.round,
                status: t(`runStatus.${run.status}`),
                date: formatDate(run.createdAt, i18n.language),
              })}
            </option>
          ))}
        </select>
      </span>
      <span className="exports-links">
        {FORMATS.map((format) => (
          <a
            key={format}
            className="button button-secondary button-small"
            href={exportUrl('results', format, { programId: props.programId, ...(runId && { runId }) })}
            download
            aria-label={t('exports.download', { what: label, format: format.toUpperCase() })}
          >
            {format.toUpperCase()}
          </a>
        ))}
      </span>
    </>
  )
}
