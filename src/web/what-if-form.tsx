import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MATCHING_MECHANISMS, type MatchRunSummary } from '../domain/index.ts'
import { describeError } from './describe-error.ts'
import { formatNumber } from './format.ts'
import { navigateTo, runComparePath } from './navigation.ts'
import { createRun } from './operator-api.ts'

const MAX_SEED = 2 ** 31 - 1

interface SeatRow {
  readonly key: number
  readonly positionId: string
  readonly seats: string
}

/**
 * Creates an alternative draft of a run's round — another mechanism, another tie-break seed, or extra seats
 * at chosen positions — and opens the what-if view comparing the two. Nothing is announced until a run is
 * published.
 */
export function WhatIfForm(props: {
  readonly programId: string
  readonly base: MatchRunSummary
  readonly onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const id = useId()
  const { base } = props
  const [mechanism, setMechanism] = useState(base.mechanism)
  const [seed, setSeed] = useState(String(base.seed))
  const [rows, setRows] = useState<readonly SeatRow[]>(() => {
    const existing = Object.entries(base.extraSeats).map(([positionId, seats], index) => ({
      key: index,
      positionId,
      seats: String(seats),
    }))
    return existing.length > 0 ? existing : [{ key: 0, positionId: '', seats: '1' }]
  })
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({})
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  // Full positions first: one more seat there is the question operators usually ask.
  const positions = [...base.byPosition].sort(
    (a, b) =>
      Number(b.filled >= b.seats) - Number(a.filled >= a.seats) ||
      a.companyName.localeCompare(b.companyName) ||
      a.title.localeCompare(b.title),
  )

  const validate = () => {
    const found: Record<string, string> = {}
    const seedValue = /^\s*\d+\s*$/.test(seed) ? Number(seed) : Number.NaN
    if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > MAX_SEED)
      found.seed = t('whatIf.errors.seed', { max: formatNumber(MAX_SEED, locale) })
    const extraSeats: Record<string, number> = {}
    for (const row of rows) {
      if (!row.positionId) continue
      const seats = /^\s*\d+\s*$/.test(row.seats) ? Number(row.seats) : Number.NaN
      if (!Number.isInteger(seats) || seats < 1 || seats > 100)
        found[`seats-${row.key}`] = t('whatIf.errors.seats')
      else if (extraSeats[row.positionId] !== undefined)
        found[`position-${row.key}`] = t('whatIf.errors.duplicate')
      else extraSeats[row.positionId] = seats
    }
    const isSameSeats =
      JSON.stringify(Object.entries(extraSeats).sort()) ===
      JSON.stringify(Object.entries(base.extraSeats).sort())
    if (
      Object.keys(found).length === 0 &&
      mechanism === base.mechanism &&
      seedValue === base.seed &&
      isSameSeats
    )
      found.form = t('whatIf.errors.unchanged')
    return { found, seed: seedValue, extraSeats }
  }

  const submit = async () => {
    const checked = validate()
    setErrors(checked.found)
    if (Object.keys(checked.found).length > 0) return
    setIsBusy(true)
    setError(null)
    try {
      const created = await createRun(props.programId, {
        round: base.round,
        mechanism,
        seed: checked.seed,
        ...(Object.keys(checked.extraSeats).length > 0 && { extraSeats: checked.extraSeats }),
      })
      navigateTo(runComparePath(props.programId, base.id, created.id))
    } catch (caught) {
      setError(caught)
      setIsBusy(false)
    }
  }

  const fieldError = (key: string) =>
    errors[key] ? (
      <p className="field-error" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null
  const invalid = (key: string) =>
    errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${key}-error` } : {}

  return (
    <form
      className="form what-if-form"
      aria-label={t('whatIf.formLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h4 className="mini-title">{t('whatIf.formTitle')}</h4>
      <p className="card-text">{t('whatIf.formIntro')}</p>
      <div className="form-row">
        <label className="field">
          <span className="field-label">{t('whatIf.mechanism')}</span>
          <select className="input" value={mechanism} onChange={(event) => setMechanism(event.target.value)}>
            {MATCHING_MECHANISMS.map((option) => (
              <option key={option} value={option}>
                {t(`mechanism.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-narrow">
          <span className="field-label">{t('whatIf.seed')}</span>
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_SEED}
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
            {...invalid('seed')}
          />
          {fieldError('seed')}
        </label>
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('whatIf.extraSeats')}</legend>
        <p className="field-hint">{t('whatIf.extraSeatsHint')}</p>
        {rows.map((row, index) => (
          <div key={row.key} className="form-row seat-row">
            <label className="field">
              <span className="field-label">{t('whatIf.position', { number: index + 1 })}</span>
              <select
                className="input"
                value={row.positionId}
                onChange={(event) =>
                  setRows(rows.map((r) => (r.key === row.key ? { ...r, positionId: event.target.value } : r)))
                }
                {...invalid(`position-${row.key}`)}
              >
                <option value="">{t('whatIf.noPosition')}</option>
                {positions.map((position) => (
                  <option key={position.positionId} value={position.positionId}>
                    {t('whatIf.positionOption', {
                      company: position.companyName,
                      title: position.title,
                      filled: position.filled,
                      seats: position.seats,
                    })}
                  </option>
                ))}
              </select>
              {fieldError(`position-${row.key}`)}
            </label>
            <label className="field field-narrow">
              <span className="field-label">{t('whatIf.seats', { number: index + 1 })}</span>
              <input
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                value={row.seats}
                onChange={(event) =>
                  setRows(rows.map((r) => (r.key === row.key ? { ...r, seats: event.target.value } : r)))
                }
                {...invalid(`seats-${row.key}`)}
              />
              {fieldError(`seats-${row.key}`)}
            </label>
            {rows.length > 1 ? (
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={t('whatIf.removeSeatRow', { number: index + 1 })}
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              >
                {t('eligibilityScreen.remove')}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            setRows([
              ...rows,
              { key: Math.max(0, ...rows.map((r) => r.key)) + 1, positionId: '', seats: '1' },
            ])
          }
        >
          {t('whatIf.addSeatRow')}
        </button>
      </fieldset>
      {errors.form ? (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? t('matchRuns.working') : t('whatIf.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
