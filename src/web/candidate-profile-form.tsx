import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Candidate, SkillLevelEntry } from '../domain/index.ts'
import { ApiError, updateOwnCandidate } from './api-client.ts'
import { errorMessage } from './describe-error.ts'
import { type Message, renderMessage } from './message.ts'

type FieldName = 'city' | 'hoursPerWeek' | 'skills'
type FieldErrors = Partial<Record<FieldName, Message>>
type SkillRow = { readonly key: number; readonly skill: string; readonly level: number }

const SKILL_LEVELS = [1, 2, 3, 4, 5] as const

/** Which form field an API issue path (`city`, `body.skills.2.level`, `/hoursPerWeek`) is about. */
function fieldOfIssue(path: string): FieldName | null {
  const parts = path.split(/[./[\]]+/).filter((part) => part.length > 0 && part !== 'body')
  const first = parts[0]
  return first === 'city' || first === 'hoursPerWeek' || first === 'skills' ? first : null
}

/** The part of their profile a candidate edits here: city, hours per week and skills. */
export function CandidateProfileForm(props: {
  readonly candidate: Candidate
  readonly onSaved: (candidate: Candidate) => void
  readonly onCancel: () => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [city, setCity] = useState(props.candidate.city)
  const [hours, setHours] = useState(String(props.candidate.hoursPerWeek))
  const [rows, setRows] = useState<SkillRow[]>(() =>
    props.candidate.skills.map((entry, index) => ({ key: index, skill: entry.skill, level: entry.level })),
  )
  const [nextKey, setNextKey] = useState(props.candidate.skills.length)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<Message | null>(null)
  const [isSaving, setIsSaving] = useState(false)

  const validate = (): { errors: FieldErrors; skills: SkillLevelEntry[]; hoursPerWeek: number } => {
    const found: FieldErrors = {}
    if (city.trim().length === 0) found.city = { key: 'profile.errors.cityRequired' }
    else if (city.trim().length > 200) found.city = { key: 'profile.errors.tooLong', values: { max: 200 } }
    const hoursPerWeek = Number(hours)
    if (!Number.isInteger(hoursPerWeek) || hoursPerWeek < 1 || hoursPerWeek > 60) {
      found.hoursPerWeek = { key: 'profile.errors.hoursRange', values: { min: 1, max: 60 } }
    }
    const skills = rows
      .map((row) => ({ skill: row.skill.trim(), level: row.level }))
      .filter((entry) => entry.skill.length > 0)
    const names = skills.map((entry) => entry.skill.toLowerCase())
    if (new Set(names).size !== names.length) found.skills = { key: 'profile.errors.duplicateSkill' }
    else if (skills.some((entry) => entry.skill.length > 80))
      found.skills = { key: 'profile.errors.tooLong', values: { max: 80 } }
    return { errors: found, skills, hoursPerWeek }
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const checked = validate()
    setErrors(checked.errors)
    setFormError(null)
    if (Object.keys(checked.errors).length > 0) {
      setFormError({ key: 'profile.errors.check' })
      return
    }
    setIsSaving(true)
    try {
      const updated = await updateOwnCandidate({
        city: city.trim(),
        hoursPerWeek: checked.hoursPerWeek,
        skills: checked.skills,
      })
      props.onSaved(updated)
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: FieldErrors = {}
        for (const issue of error.issues) {
          const field = fieldOfIssue(issue.path)
          if (field && !fromServer[field]) fromServer[field] = { text: issue.message }
        }
        setErrors(fromServer)
        setFormError({ key: 'profile.errors.check' })
      } else {
        setFormError(errorMessage(error))
      }
    } finally {
      setIsSaving(false)
    }
  }

  const describedBy = (field: FieldName) => (errors[field] ? `${id}-${field}-error` : undefined)

  return (
    <form className="card form" onSubmit={handleSubmit} noValidate aria-label={t('profile.editTitle')}>
      {formError ? (
        <p className="notice notice-error" role="alert">
          {renderMessage(formError, t)}
        </p>
      ) : null}
      <div className="form-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-city`}>
            {t('profile.city')}
          </label>
          <input
            id={`${id}-city`}
            className="input"
            value={city}
            onChange={(event) => {
              setCity(event.target.value)
              setErrors({ ...errors, city: undefined })
            }}
            aria-invalid={errors.city ? true : undefined}
            aria-describedby={describedBy('city')}
            autoComplete="address-level2"
            maxLength={200}
            required
          />
          {errors.city ? (
            <p className="field-error" id={`${id}-city-error`}>
              {renderMessage(errors.city, t)}
            </p>
          ) : null}
        </div>
        <div className="field field-narrow">
          <label className="field-label" htmlFor={`${id}-hours`}>
            {t('profile.hoursPerWeek')}
          </label>
          <input
            id={`${id}-hours`}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            step={1}
            value={hours}
            onChange={(event) => {
              setHours(event.target.value)
              setErrors({ ...errors, hoursPerWeek: undefined })
            }}
            aria-invalid={errors.hoursPerWeek ? true : undefined}
            aria-describedby={describedBy('hoursPerWeek')}
            required
          />
          {errors.hoursPerWeek ? (
            <p className="field-error" id={`${id}-hoursPerWeek-error`}>
              {renderMessage(errors.hoursPerWeek, t)}
            </p>
          ) : null}
        </div>
      </div>
      <fieldset className="fieldset" aria-describedby={describedBy('skills')}>
        <legend className="field-label">{t('profile.skills')}</legend>
        <p className="field-hint">{t('profile.skillsHint')}</p>
        {rows.map((row, index) => (
          <div key={row.key} className="skill-row">
            <label className="visually-hidden" htmlFor={`${id}-skill-${row.key}`}>
              {t('profile.skillName', { number: index + 1 })}
            </label>
            <input
              id={`${id}-skill-${row.key}`}
              className="input"
              value={row.skill}
              maxLength={80}
              onChange={(event) =>
                setRows(rows.map((r) => (r.key === row.key ? { ...r, skill: event.target.value } : r)))
              }
            />
            <label className="visually-hidden" htmlFor={`${id}-level-${row.key}`}>
              {t('profile.skillLevel', { number: index + 1 })}
            </label>
            <select
              id={`${id}-level-${row.key}`}
              className="input select"
              value={row.level}
              onChange={(event) =>
                setRows(
                  rows.map((r) => (r.key === row.key ? { ...r, level: Number(event.target.value) } : r)),
                )
              }
            >
              {SKILL_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t('skill.levelOption', { level })}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              aria-label={t('profile.removeSkill', { skill: row.skill || index + 1 })}
            >
              {t('profile.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            setRows([...rows, { key: nextKey, skill: '', level: 3 }])
            setNextKey(nextKey + 1)
          }}
        >
          + {t('profile.addSkill')}
        </button>
        {errors.skills ? (
          <p className="field-error" id={`${id}-skills-error`}>
            {renderMessage(errors.skills, t)}
          </p>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={isSaving}>
          {isSaving ? t('profile.saving') : t('profile.save')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={props.onCancel}
          disabled={isSaving}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
