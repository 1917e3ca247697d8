import { type ChangeEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportColumnDoc, ImportColumnsAnswer, ImportKind } from '../domain/index.ts'
import { ApiError, fetchPrograms, type ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { errorMessage } from './describe-error.ts'
import { formatNumber } from './format.ts'
import { ImportReport, type ImportState } from './import-report.tsx'
import { programPath } from './navigation.ts'
import {
  fetchImportColumns,
  IMPORT_KINDS,
  type ImportProblem,
  importFile,
  importTemplateUrl,
  readFileAsBase64,
} from './setup-api.ts'
import { useApiData } from './use-api-data.ts'

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The operator's import screen: pick what to import and (for positions and applicants) the program they
 * join, choose a CSV or XLSX file; a dry run checks the whole file and reports what would change or every
 * bad row; "Import" then stores it. The documented columns and templates sit beside it.
 */
export function ImportPage(props: { readonly programId: string | null }) {
  const load = useCallback(
    async () => ({ programs: await fetchPrograms(), columns: await fetchImportColumns() }),
    [],
  )
  const data = useApiData('import-page', load)
  return (
    <AsyncView data={data}>
      {(loaded) => (
        <ImportScreen
          key={props.programId ?? 'hub'}
          programs={loaded.programs}
          columns={loaded.columns}
          initialProgramId={props.programId}
        />
      )}
    </AsyncView>
  )
}

function ImportScreen(props: {
  readonly programs: readonly ProgramOverview[]
  readonly columns: ImportColumnsAnswer
  readonly initialProgramId: string | null
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const { programs, columns } = props
  const [kind, setKind] = useState<ImportKind>('companies')
  const [programId, setProgramId] = useState<string | null>(
    programs.some((program) => program.id === props.initialProgramId) ? props.initialProgramId : null,
  )
  const [file, setFile] = useState<File | null>(null)
  const [state, setState] = useState<ImportState>({ status: 'idle' })
  const request = useRef(0)
  const fileInput = useRef<HTMLInputElement>(null)
  const program = programs.find((entry) => entry.id === programId) ?? null
  const targetProgramId = kind === 'companies' ? null : programId

  const run = useCallback(
    async (dryRun: boolean) => {
      if (!file) return
      const ticket = ++request.current
      if (file.size > columns.limits.maxBytes) {
        setState({
          status: 'failed',
          message: {
            key: 'importPage.tooLarge',
            values: {
              size: formatNumber(Math.ceil(file.size / 1024 / 1024), locale),
              max: formatNumber(columns.limits.maxBytes / 1024 / 1024, locale),
            },
          },
        })
        return
      }
      setState((current) =>
        dryRun
          ? { status: 'checking' }
          : { status: 'importing', summary: current.status === 'checked' ? current.summary : null },
      )
      try {
        const contentBase64 = await readFileAsBase64(file)
        const summary = await importFile(kind, {
          fileName: file.name,
          contentBase64,
          programId: targetProgramId,
          dryRun,
        })
        if (ticket !== request.current) return
        setState(dryRun ? { status: 'checked', summary } : { status: 'imported', summary })
      } catch (error) {
        if (ticket !== request.current) return
        if (error instanceof ApiError && error.code === 'validation_failed' && error.issues.length > 0) {
          setState({
            status: 'invalid',
            problems: error.issues as readonly ImportProblem[],
            summary: error.message,
          })
        } else if (error instanceof ApiError && error.code === 'phase_closed') {
          setState({ status: 'failed', message: { key: 'importPage.programClosed' } })
        } else if (error instanceof ApiError && error.status === 413) {
          setState({ status: 'failed', message: { key: 'importPage.bodyTooLarge' } })
        } else {
          setState({ status: 'failed', message: errorMessage(error) })
        }
      }
    },
    [file, kind, targetProgramId, columns.limits.maxBytes, locale],
  )
  const runLatest = useRef(run)
  runLatest.current = run

  // A chosen file is checked at once, and again when what it is imported as changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are what the check depends on
  useEffect(() => {
    if (file) void runLatest.current(true)
    else setState({ status: 'idle' })
  }, [file, kind, targetProgramId])

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null)
  }
  const startOver = () => {
    request.current++
    setFile(null)
    setState({ status: 'idle' })
    if (fileInput.current) fileInput.current.value = ''
  }

  return (
    <>
      <p className="back-link">
        <AppLink to={program ? programPath(program.id) : '/'}>
          ← {program ? t('importPage.backToProgram', { title: program.title }) : t('programPage.back')}
        </AppLink>
      </p>
      <section className="page-head">
        <p className="eyebrow">{t('importPage.eyebrow')}</p>
        <h1>{program ? t('importPage.titleInto', { title: program.title }) : t('importPage.title')}</h1>
        <p className="lead">{t('importPage.intro')}</p>
      </section>
      {program ? (
        <ol className="import-steps" aria-label={t('importPage.stepsLabel')}>
          <li>{t('importPage.step1')}</li>
          <li>{t('importPage.step2')}</li>
          <li>{t('importPage.step3')}</li>
        </ol>
      ) : null}
      <div className="import-layout">
        <section className="card import-panel" aria-labelledby={`${id}-choose`}>
          <h2 id={`${id}-choose`} className="section-title">
            {t('importPage.choose')}
          </h2>
          <fieldset className="fieldset">
            <legend className="field-label">{t('importPage.kindLabel')}</legend>
            <div className="import-kinds">
              {IMPORT_KINDS.map((option) => (
                <label key={option} className="import-kind">
                  <input
                    type="radio"
                    name={`${id}-kind`}
                    value={option}
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />
                  <span>{t(`importPage.kind.${option}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-program`}>
              {t('importPage.program')}
            </label>
            <select
              id={`${id}-program`}
              className="input"
              value={kind === 'companies' ? '' : (programId ?? '')}
              disabled={kind === 'companies'}
              onChange={(event) => setProgramId(event.target.value === '' ? null : event.target.value)}
              aria-describedby={`${id}-program-hint`}
            >
              <option value="">{t('importPage.noProgram')}</option>
              {programs.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </select>
            <p className="field-hint" id={`${id}-program-hint`}>
              {kind === 'companies'
                ? t('importPage.programHintCompanies')
                : kind === 'positions'
                  ? t('importPage.programHintPositions')
                  : t('importPage.programHintCandidates')}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-file`}>
              {t('importPage.file')}
            </label>
            <input
              id={`${id}-file`}
              ref={fileInput}
              className="input"
              type="file"
              accept={ACCEPT}
              onChange={chooseFile}
              aria-describedby={`${id}-file-hint`}
            />
            <p className="field-hint" id={`${id}-file-hint`}>
              {t('importPage.fileHint', {
                rows: formatNumber(columns.limits.maxRows, locale),
                size: formatNumber(columns.limits.maxBytes / 1024 / 1024, locale),
              })}
            </p>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={!file || state.status === 'checking' || state.status === 'importing'}
              onClick={() => void run(true)}
            >
              {t('importPage.check')}
            </button>
          </div>
          <ImportReport
            state={state}
            kind={kind}
            program={targetProgramId === null ? null : program}
            onImport={() => void run(false)}
            onStartOver={startOver}
          />
        </section>
        <ColumnsGuide kind={kind} columns={columns.columns[kind]} />
      </div>
    </>
  )
}

function ColumnsGuide(props: { readonly kind: ImportKind; readonly columns: readonly ImportColumnDoc[] }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const holds = (column: ImportColumnDoc) => {
    const range =
      column.min !== undefined && column.max !== undefined
        ? t('importValueType.range', {
            min: formatNumber(column.min, locale),
            max: formatNumber(column.max, locale),
          })
        : ''
    return [t(`importValueType.${column.valueType}`), range].filter(Boolean).join(' ')
  }
  return (
    <section className="card import-guide" aria-labelledby={`${id}-guide`} data-testid="import-columns">
      <h2 id={`${id}-guide`} className="section-title">
        {t('importPage.columnsTitle', { kind: t(`importPage.kind.${props.kind}`) })}
      </h2>
      <p className="field-hint">{t('importPage.columnsIntro')}</p>
      <div className="form-actions import-templates">
        <a
          className="button button-secondary button-small"
          href={importTemplateUrl(props.kind, 'csv')}
          download
        >
          {t('importPage.templateCsv')}
        </a>
        <a
          className="button button-secondary button-small"
          href={importTemplateUrl(props.kind, 'xlsx')}
          download
        >
          {t('importPage.templateXlsx')}
        </a>
      </div>
      <div className="table-scroll">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('importPage.column')}</th>
              <th scope="col">{t('importPage.holds')}</th>
              <th scope="col">{t('importPage.example')}</th>
            </tr>
          </thead>
          <tbody>
            {props.columns.map((column) => (
              <tr key={column.name}>
                <td>
                  <code>{column.name}</code>
                  {column.isRequired ? (
                    <span className="badge import-required">{t('importPage.required')}</span>
                  ) : null}
                </td>
                <td>
                  {holds(column)}
                  {column.values ? <span className="cell-sub">{column.values.join(', ')}</span> : null}
                </td>
                <td>
                  <code className="import-example">{column.example}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
