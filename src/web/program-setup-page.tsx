import {
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CatalogPosition,
  DEFAULT_SCORE_WEIGHTS,
  MATCHING_MECHANISMS,
  PROGRAM_KINDS,
  PROGRAM_PHASES,
  type ProgramInput,
  SCORE_WEIGHT_COMPONENTS,
} from '../domain/index.ts'
import { ApiError, fetchProgram } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { errorMessage } from './describe-error.ts'
import { formatNumber } from './format.ts'
import type { Message } from './message.ts'
import { importPath, navigateTo, programEditPath, programPath } from './navigation.ts'
import {
  type FieldErrors,
  fieldOfIssue,
  newSetupValues,
  readSetupValues,
  renderSetupMessage,
  type SetupValues,
  setupValuesOf,
} from './program-setup-form.ts'
import { createProgram, fetchPositionCatalog, saveProgramPositions, updateProgram } from './setup-api.ts'
import { useApiData } from './use-api-data.ts'

// A notice to show on the page the app goes to next (after creating a program: its set-up page).
let pendingNotice: Message | null = null

/** Seats typed per position that takes part, by position id ('' = the position's own capacity). */
type Offer = ReadonlyMap<string, string>

function offerOf(catalog: readonly CatalogPosition[]): Offer {
  return new Map(
    catalog
      .filter((entry) => entry.isInProgram)
      .map((entry) => [entry.id, entry.programSeats === null ? '' : String(entry.programSeats)]),
  )
}

/** The operator's program set-up: a new program, or an existing one's settings, positions and seats. */
export function ProgramSetupPage(props: { readonly programId: string | null }) {
  const { t } = useTranslation()
  const { programId } = props
  const load = useCallback(
    async () =>
      programId === null
        ? null
        : { program: await fetchProgram(programId), catalog: await fetchPositionCatalog(programId) },
    [programId],
  )
  const data = useApiData(`program-setup:${programId ?? 'new'}`, load)
  return (
    <>
      <p className="back-link">
        <AppLink to={programId === null ? '/' : programPath(programId)}>
          ← {programId === null ? t('programPage.back') : t('programSetup.backToProgram')}
        </AppLink>
      </p>
      <AsyncView data={data}>
        {(loaded) =>
          loaded === null ? (
            <SetupForm programId={null} initial={newSetupValues()} catalog={null} onSaved={() => {}} />
          ) : (
            <SetupForm
              key={loaded.program.id}
              programId={loaded.program.id}
              initial={setupValuesOf(loaded.program)}
              catalog={loaded.catalog}
              onSaved={data.reload}
            />
          )
        }
      </AsyncView>
    </>
  )
}

function SetupForm(props: {
  readonly programId: string | null
  readonly initial: SetupValues
  readonly catalog: readonly CatalogPosition[] | null
  readonly onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { programId, catalog } = props
  const isNew = programId === null
  const [values, setValues] = useState<SetupValues>(props.initial)
  const [offer, setOffer] = useState<Offer>(() => offerOf(catalog ?? []))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<Message | null>(null)
  const [otherIssues, setOtherIssues] = useState<readonly string[]>([])
  const [notice, setNotice] = useState<Message | null>(() => {
    const pending = pendingNotice
    pendingNotice = null
    return pending
  })
  const [isSaving, setIsSaving] = useState(false)

  const change = <K extends keyof SetupValues>(field: K, value: SetupValues[K], errorKey: string = field) => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [errorKey]: undefined }) as FieldErrors)
    setNotice(null)
  }

  const participating = useMemo(
    () => (catalog ?? []).filter((entry) => offer.has(entry.id)),
    [catalog, offer],
  )
  const companyIds = useMemo(
    () => [...new Set(participating.map((entry) => entry.companyId))],
    [participating],
  )

  const seatsOf = (entry: CatalogPosition): number | null => {
    const text = (offer.get(entry.id) ?? '').trim()
    if (text === '') return null
    return /^\d+$/.test(text) && Number(text) <= 10_000 ? Number(text) : Number.NaN
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setNotice(null)
    setOtherIssues([])
    const read = readSetupValues(values, isNew ? null : companyIds)
    const found: Record<string, Message> = { ...read.errors }
    for (const entry of participating) {
      if (Number.isNaN(seatsOf(entry)))
        found[`seats.${entry.id}`] = { key: 'programSetup.errors.whole', values: { min: 0, max: 10_000 } }
    }
    setErrors(found)
    if (!read.input || Object.keys(found).length > 0) {
      setFormError({ key: 'programSetup.errors.check' })
      return
    }
    setFormError(null)
    setIsSaving(true)
    const input: ProgramInput = read.input
    try {
      if (isNew) {
        const created = await createProgram(input)
        pendingNotice = { key: 'programSetup.created', values: { title: created.title } }
        navigateTo(programEditPath(created.id))
        return
      }
      await updateProgram(programId, input)
      await saveProgramPositions(
        programId,
        participating.map((entry) => ({ positionId: entry.id, seats: seatsOf(entry) })),
      )
      setNotice({ key: 'programSetup.saved' })
      props.onSaved()
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && catalog) {
        // Positions with placements cannot leave: name them (the settings themselves were saved).
        const titleOf = new Map(catalog.map((entry) => [`position ${entry.id}`, entry.title]))
        const titles = error.issues.map((issue) => titleOf.get(issue.path) ?? issue.message)
        setFormError({ key: 'programSetup.errors.placed', values: { positions: titles.join(', ') } })
        props.onSaved()
      } else if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Record<string, Message> = {}
        const unplaced: string[] = []
        for (const issue of error.issues) {
          const field = fieldOfIssue(issue.path, input)
          if (field && !fromServer[field]) fromServer[field] = { text: issue.message }
          else if (!field) unplaced.push(`${issue.path}: ${issue.message}`)
        }
        setErrors(fromServer)
        setOtherIssues(unplaced)
        setFormError({ key: 'programSetup.errors.check' })
      } else {
        setFormError(errorMessage(error))
      }
    } finally {
      setIsSaving(false)
    }
  }

  const fieldId = (name: string) => `${id}-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`
  const errorOf = (name: string) => errors[name]
  const describedBy = (name: string, hint?: string) =>
    [errors[name] ? `${fieldId(name)}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined
  const fieldError = (name: string) => {
    const message = errorOf(name)
    return message ? (
      <p className="field-error" id={`${fieldId(name)}-error`}>
        {renderSetupMessage(message, t)}
      </p>
    ) : null
  }
  const locale = i18n.language
  /** A labelled input bound to the error of `name`, with its hint below it when there is one. */
  const inputField = (
    name: string,
    label: string,
    input: InputHTMLAttributes<HTMLInputElement>,
    options: { readonly hint?: string; readonly className?: string; readonly key?: string } = {},
  ) => {
    const hintId = options.hint === undefined ? undefined : `${fieldId(name)}-hint`
    return (
      <div className={options.className ?? 'field'} key={options.key}>
        <label className="field-label" htmlFor={fieldId(name)}>
          {label}
        </label>
        <input
          {...input}
          id={fieldId(name)}
          className="input"
          aria-invalid={errorOf(name) ? true : undefined}
          aria-describedby={describedBy(name, hintId)}
        />
        {hintId ? (
          <p className="field-hint" id={hintId}>
            {options.hint}
          </p>
        ) : null}
        {fieldError(name)}
      </div>
    )
  }

  return (
    <form
      className="form setup-form"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={`${id}-heading`}
      data-testid="program-setup-form"
    >
      <div className="page-head">
        <p className="eyebrow">{t('programSetup.eyebrow')}</p>
        <h1 id={`${id}-heading`}>{isNew ? t('programSetup.newTitle') : t('programSetup.editTitle')}</h1>
        <p className="lead">{isNew ? t('programSetup.newIntro') : t('programSetup.editIntro')}</p>
      </div>
      {notice ? (
        <p className="notice notice-success" role="status">
          {renderSetupMessage(notice, t)}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice-error" role="alert">
          <span>{renderSetupMessage(formError, t)}</span>
          {otherIssues.length > 0 ? (
            <ul className="setup-issues">
              {otherIssues.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <SetupSection title={t('programSetup.basics')}>
        <div className="setup-grid">
          {inputField(
            'title',
            t('programSetup.title'),
            {
              value: values.title,
              onChange: (event) => change('title', event.target.value),
              maxLength: 200,
              required: true,
            },
            { className: 'field setup-wide' },
          )}
          <div className="field">
            <label className="field-label" htmlFor={fieldId('kind')}>
              {t('programSetup.kind')}
            </label>
            <select
              id={fieldId('kind')}
              className="input"
              value={values.kind}
              onChange={(event) => change('kind', event.target.value as SetupValues['kind'])}
            >
              {PROGRAM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`programKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          {inputField(
            'capacity',
            t('programSetup.capacity'),
            {
              type: 'number',
              min: 0,
              max: 100000,
              inputMode: 'numeric',
              value: values.capacity,
              onChange: (event) => change('capacity', event.target.value),
            },
            { hint: t('programSetup.capacityHint') },
          )}
          <div className="field setup-wide">
            <label className="field-label" htmlFor={fieldId('description')}>
              {t('programSetup.description')}
            </label>
            <textarea
              id={fieldId('description')}
              className="input"
              rows={4}
              value={values.description}
              onChange={(event) => change('description', event.target.value)}
              aria-invalid={errorOf('description') ? true : undefined}
              aria-describedby={describedBy('description')}
            />
            {fieldError('description')}
          </div>
        </div>
      </SetupSection>

      <SetupSection title={t('programSetup.timeline')} intro={t('programSetup.timelineIntro')}>
        <div className="setup-grid setup-grid-dates">
          {PROGRAM_PHASES.map((phase) => {
            const name = `timeline.${phase}`
            return inputField(
              name,
              t(`phase.${phase}`),
              {
                type: 'date',
                value: values.timeline[phase],
                onChange: (event) =>
                  change('timeline', { ...values.timeline, [phase]: event.target.value }, name),
              },
              { key: phase },
            )
          })}
        </div>
        {fieldError('timeline')}
      </SetupSection>

      <SetupSection title={t('programSetup.matching')} intro={t('programSetup.matchingIntro')}>
        <div className="setup-grid">
          <div className="field">
            <label className="field-label" htmlFor={fieldId('mechanism')}>
              {t('programSetup.mechanism')}
            </label>
            <select
              id={fieldId('mechanism')}
              className="input"
              value={values.mechanism}
              onChange={(event) => change('mechanism', event.target.value as SetupValues['mechanism'])}
              aria-describedby={`${fieldId('mechanism')}-hint`}
            >
              {MATCHING_MECHANISMS.map((mechanism) => (
                <option key={mechanism} value={mechanism}>
                  {t(`mechanism.${mechanism}`)}
                </option>
              ))}
            </select>
            <p className="field-hint" id={`${fieldId('mechanism')}-hint`}>
              {t(`programSetup.mechanismHint.${values.mechanism}`)}
            </p>
            {fieldError('mechanism')}
          </div>
          {inputField(
            'tieBreakSeed',
            t('programSetup.tieBreakSeed'),
            {
              type: 'number',
              min: 0,
              inputMode: 'numeric',
              value: values.tieBreakSeed,
              onChange: (event) => change('tieBreakSeed', event.target.value),
            },
            { hint: t('programSetup.tieBreakSeedHint') },
          )}
          <div className="field setup-wide">
            <label className="setup-check">
              <input
                type="checkbox"
                checked={values.stableImprovementCycles}
                onChange={(event) => change('stableImprovementCycles', event.target.checked)}
                aria-describedby={`${fieldId('cycles')}-hint`}
              />
              <span>{t('programSetup.stableImprovementCycles')}</span>
            </label>
            <p className="field-hint" id={`${fieldId('cycles')}-hint`}>
              {t('programSetup.stableImprovementCyclesHint')}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={fieldId('groupCapAttribute')}>
              {t('programSetup.groupCap')}
            </label>
            <select
              id={fieldId('groupCapAttribute')}
              className="input"
              value={values.groupCapAttribute}
              onChange={(event) =>
                change(
                  'groupCapAttribute',
                  event.target.value as SetupValues['groupCapAttribute'],
                  'groupCapMax',
                )
              }
              aria-describedby={`${fieldId('groupCapAttribute')}-hint`}
            >
              <option value="">{t('programSetup.groupCapNone')}</option>
              <option value="nationality">{t('programSetup.groupCapNationality')}</option>
              <option value="institution">{t('programSetup.groupCapInstitution')}</option>
            </select>
            <p className="field-hint" id={`${fieldId('groupCapAttribute')}-hint`}>
              {t('programSetup.groupCapHint')}
            </p>
          </div>
          {inputField('groupCapMax', t('programSetup.groupCapMax'), {
            type: 'number',
            min: 1,
            inputMode: 'numeric',
            value: values.groupCapMax,
            disabled: values.groupCapAttribute === '',
            onChange: (event) => change('groupCapMax', event.target.value),
          })}
        </div>
        <fieldset className="fieldset" aria-describedby={`${fieldId('weights')}-hint`}>
          <legend className="field-label">{t('programSetup.weights')}</legend>
          <p className="field-hint" id={`${fieldId('weights')}-hint`}>
            {t('programSetup.weightsHint')}
          </p>
          <div className="setup-grid setup-grid-weights">
            {SCORE_WEIGHT_COMPONENTS.map((component) => {
              const name = `weight.${component}`
              return inputField(
                name,
                t(`programSetup.weight.${component}`),
                {
                  type: 'number',
                  min: 0,
                  max: 100,
                  step: 'any',
                  value: values.weights[component],
                  placeholder: formatNumber(DEFAULT_SCORE_WEIGHTS[component], locale),
                  onChange: (event) =>
                    change('weights', { ...values.weights, [component]: event.target.value }, name),
                },
                { key: component },
              )
            })}
          </div>
          {fieldError('weights')}
        </fieldset>
      </SetupSection>

      {catalog === null || programId === null ? (
        <SetupSection title={t('programSetup.positions')}>
          <p className="muted">{t('programSetup.positionsAfterCreate')}</p>
        </SetupSection>
      ) : (
        <PositionsEditor
          programId={programId}
          catalog={catalog}
          offer={offer}
          onOfferChange={(next, field) => {
            setOffer(next)
            setNotice(null)
            if (field) setErrors((current) => ({ ...current, [field]: undefined }) as FieldErrors)
          }}
          companyCaps={values.companyCaps}
          onCapChange={(companyId, text) =>
            change('companyCaps', { ...values.companyCaps, [companyId]: text }, `cap.${companyId}`)
          }
          fieldId={fieldId}
          fieldError={fieldError}
          errorOf={errorOf}
        />
      )}

      <div className="form-actions setup-actions">
        <button type="submit" className="button" disabled={isSaving}>
          {isSaving ? t('programSetup.saving') : isNew ? t('programSetup.create') : t('programSetup.save')}
        </button>
        <AppLink to={isNew ? '/' : programPath(programId)} className="button button-secondary">
          {isNew ? t('common.cancel') : t('programSetup.backToProgram')}
        </AppLink>
      </div>
    </form>
  )
}

function SetupSection(props: {
  readonly title: string
  readonly intro?: string
  readonly children: ReactNode
}) {
  const id = useId()
  return (
    <section className="card setup-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {props.title}
      </h2>
      {props.intro ? <p className="field-hint">{props.intro}</p> : null}
      {props.children}
    </section>
  )
}

function PositionsEditor(props: {
  readonly programId: string
  readonly catalog: readonly CatalogPosition[]
  readonly offer: Offer
  readonly onOfferChange: (offer: Offer, field?: string) => void
  readonly companyCaps: Readonly<Record<string, string>>
  readonly onCapChange: (companyId: string, text: string) => void
  readonly fieldId: (name: string) => string
  readonly fieldError: (name: string) => ReactNode
  readonly errorOf: (name: string) => Message | undefined
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { catalog, offer, fieldId } = props
  const [query, setQuery] = useState('')
  const participating = catalog.filter((entry) => offer.has(entry.id))
  const available = useMemo(() => {
    const needle = query.trim().toLowerCase()
    return catalog.filter(
      (entry) =>
        !offer.has(entry.id) &&
        (needle === '' ||
          [entry.title, entry.companyName, entry.externalKey ?? '', entry.location].some((text) =>
            text.toLowerCase().includes(needle),
          )),
    )
  }, [catalog, offer, query])
  const seatsShown = (entry: CatalogPosition) => {
    const text = (offer.get(entry.id) ?? '').trim()
    return text === '' ? entry.capacity : /^\d+$/.test(text) ? Number(text) : 0
  }
  const byCompany = new Map<string, { name: string; positions: number; seats: number }>()
  for (const entry of participating) {
    const current = byCompany.get(entry.companyId) ?? { name: entry.companyName, positions: 0, seats: 0 }
    current.positions += 1
    current.seats += seatsShown(entry)
    byCompany.set(entry.companyId, current)
  }
  const companies = [...byCompany.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name, locale))
  const totalSeats = participating.reduce((sum, entry) => sum + seatsShown(entry), 0)

  const add = (positionId: string) => {
    const next = new Map(offer)
    next.set(positionId, '')
    props.onOfferChange(next)
  }
  const remove = (positionId: string) => {
    const next = new Map(offer)
    next.delete(positionId)
    props.onOfferChange(next, `seats.${positionId}`)
  }
  const setSeats = (positionId: string, text: string) => {
    const next = new Map(offer)
    next.set(positionId, text)
    props.onOfferChange(next, `seats.${positionId}`)
  }

  return (
    <section
      className="card setup-section"
      aria-labelledby="setup-positions-title"
      data-testid="setup-positions"
    >
      <div className="section-head">
        <h2 id="setup-positions-title" className="section-title">
          {t('programSetup.positions')}
        </h2>
        <AppLink to={importPath(props.programId)} className="button button-secondary button-small">
          {t('programSetup.importInto')}
        </AppLink>
      </div>
      <p className="field-hint">{t('programSetup.positionsIntro')}</p>
      <p className="muted" aria-live="polite" data-testid="setup-offer-summary">
        {t('programSetup.offerSummary', {
          companies: formatNumber(companies.length, locale),
          positions: formatNumber(participating.length, locale),
          seats: formatNumber(totalSeats, locale),
        })}
      </p>
      {participating.length === 0 ? (
        <p className="muted">{t('programSetup.noPositions')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label={t('programSetup.participatingTable')}>
            <thead>
              <tr>
                <th scope="col">{t('position.company')}</th>
                <th scope="col">{t('position.title')}</th>
                <th scope="col" className="numeric">
                  {t('programSetup.ownCapacity')}
                </th>
                <th scope="col">{t('programSetup.seats')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('programSetup.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {participating.map((entry) => {
                const name = `seats.${entry.id}`
                return (
                  <tr key={entry.id}>
                    <td>{entry.companyName}</td>
                    <td>
                      <span className="cell-strong">{entry.title}</span>
                      <span className="cell-sub">
                        {t(`positionKind.${entry.kind}`)} · {entry.location}
                        {entry.externalKey ? ` · ${entry.externalKey}` : ''}
                      </span>
                    </td>
                    <td className="numeric">{formatNumber(entry.capacity, locale)}</td>
                    <td>
                      <input
                        id={fieldId(name)}
                        className="input setup-seats"
                        type="number"
                        min={0}
                        max={10000}
                        inputMode="numeric"
                        value={offer.get(entry.id) ?? ''}
                        placeholder={String(entry.capacity)}
                        onChange={(event) => setSeats(entry.id, event.target.value)}
                        aria-label={t('programSetup.seatsFor', {
                          position: entry.title,
                          company: entry.companyName,
                        })}
                        aria-invalid={props.errorOf(name) ? true : undefined}
                        aria-describedby={props.errorOf(name) ? `${fieldId(name)}-error` : undefined}
                      />
                      {props.fieldError(name)}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        onClick={() => remove(entry.id)}
                        aria-label={t('programSetup.removePosition', {
                          position: entry.title,
                          company: entry.companyName,
                        })}
                      >
                        {t('programSetup.remove')}
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}

      {companies.length > 0 ? (
        <fieldset className="fieldset setup-caps">
          <legend className="field-label">{t('programSetup.companyCaps')}</legend>
          <p className="field-hint">{t('programSetup.companyCapsHint')}</p>
          <div className="setup-grid">
            {companies.map(([companyId, company]) => {
              const name = `cap.${companyId}`
              return (
                <div className="field" key={companyId}>
                  <label className="field-label" htmlFor={fieldId(name)}>
                    {t('programSetup.capFor', { company: company.name })}
                  </label>
                  <input
                    id={fieldId(name)}
                    className="input"
                    type="number"
                    min={0}
                    inputMode="numeric"
                    value={props.companyCaps[companyId] ?? ''}
                    placeholder={t('programSetup.noCap')}
                    onChange={(event) => props.onCapChange(companyId, event.target.value)}
                    aria-invalid={props.errorOf(name) ? true : undefined}
                    aria-describedby={`${fieldId(name)}-hint${props.errorOf(name) ? ` ${fieldId(name)}-error` : ''}`}
                  />
                  <p className="field-hint" id={`${fieldId(name)}-hint`}>
                    {t('programSetup.capSeats', {
                      positions: formatNumber(company.positions, locale),
                      seats: formatNumber(company.seats, locale),
                    })}
                  </p>
                  {props.fieldError(name)}
                </div>
              )
            })}
          </div>
        </fieldset>
      ) : null}

      <h3 className="mini-title setup-subtitle">{t('programSetup.addPositions')}</h3>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('programSetup.searchPositions')}</span>
          <input
            type="search"
            className="input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('programSetup.searchPlaceholder')}
          />
        </label>
        <p className="muted" aria-live="polite">
          {t('programSetup.availableCount', { count: available.length })}
        </p>
      </div>
      {catalog.length === 0 ? (
        <p className="muted">{t('programSetup.noHubPositions')}</p>
      ) : (
        <ul className="setup-catalog" aria-label={t('programSetup.catalog')}>
          {available.slice(0, 200).map((entry) => (
            <li key={entry.id} className="setup-catalog-item">
              <span>
                <span className="cell-strong">{entry.title}</span>
                <span className="cell-sub">
                  {entry.companyName} · {t(`positionKind.${entry.kind}`)} ·{' '}
                  {t('programSetup.capacityShort', { count: entry.capacity })}
                </span>
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => add(entry.id)}
                aria-label={t('programSetup.addPosition', {
                  position: entry.title,
                  company: entry.companyName,
                })}
              >
                {t('programSetup.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {available.length > 200 ? <p className="muted">{t('programSetup.narrowSearch')}</p> : null}
    </section>
  )
}
