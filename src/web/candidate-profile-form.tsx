import { type FormEvent, type InputHTMLAttributes, type ReactNode, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  CandidateInput,
  CvProfileSuggestion,
  OwnProfile,
  SkillLabel,
  UiLocale,
  WorkMode,
} from '../domain/index.ts'
import { ApiError } from './api-client.ts'
import { saveOwnProfile } from './candidate-api.ts'
import { CvImportPanel } from './cv-import-panel.tsx'
import { errorMessage } from './describe-error.ts'
import { isUiLocale } from './i18n.ts'
import { type Message, renderMessage } from './message.ts'
import {
  countryOptions,
  DEGREE_OPTIONS,
  EDUCATION_STATUS_OPTIONS,
  LANGUAGE_LEVEL_OPTIONS,
  languageOptions,
  timeZoneOptions,
  UNKNOWN_COUNTRY,
  VISA_OPTIONS,
  WORK_MODE_OPTIONS,
} from './profile-options.ts'

type Education = CandidateInput['education'][number]
type LanguageRow = { key: number; language: string; level: string; isFromCv: boolean }
type EducationRow = {
  key: number
  institution: string
  country: string
  degree: string
  field: string
  status: string
  graduationDate: string
  isFromCv: boolean
}
type ExperienceRow = { key: number; organisation: string; role: string; months: string; summary: string }
type SkillRow = { key: number; skill: string; level: number; isFromCv: boolean }

/** The fields of the form that are lists of rows. */
type ListField = 'languages' | 'education' | 'skills' | 'experience'

/** A draft patch that sets one list field (the rows are of that field's type). */
function listPatch(list: ListField, rows: readonly { readonly key: number }[]): Partial<Draft> {
  return { [list]: rows } as Partial<Draft>
}

/** The whole form as typed (numbers and dates as text until saved). */
interface Draft {
  fullName: string
  email: string
  nationality: string
  residenceCountry: string
  city: string
  timeZone: string
  visaStatus: string
  availableFrom: string
  availableTo: string
  hours: string
  workModes: WorkMode[]
  languages: LanguageRow[]
  education: EducationRow[]
  experience: ExperienceRow[]
  skills: SkillRow[]
  links: string
  cvText: string
}

/** Field errors by path (`city`, `education.0.institution`), as the server names them without `body.`. */
type Errors = Readonly<Record<string, Message>>

const SKILL_LEVELS = [1, 2, 3, 4, 5] as const
const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME_ZONE = /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/

let nextRowKey = 1
const rowKey = () => nextRowKey++

function toDraft(profile: OwnProfile): Draft {
  return {
    fullName: profile.fullName,
    email: profile.email,
    nationality: profile.nationality === UNKNOWN_COUNTRY ? '' : profile.nationality,
    residenceCountry: profile.residenceCountry === UNKNOWN_COUNTRY ? '' : profile.residenceCountry,
    city: profile.city,
    timeZone: profile.timeZone,
    visaStatus: profile.missingFields.includes('visaStatus') ? '' : profile.visaStatus,
    availableFrom: profile.availableFrom ?? '',
    availableTo: profile.availableTo ?? '',
    hours: String(profile.hoursPerWeek),
    workModes: [...profile.workModePreference],
    languages: profile.languages.map((entry) => ({ key: rowKey(), ...entry, isFromCv: false })),
    education: profile.education.map((entry) => ({
      key: rowKey(),
      ...entry,
      graduationDate: entry.graduationDate ?? '',
      isFromCv: false,
    })),
    experience: profile.experience.map((entry) => ({
      key: rowKey(),
      organisation: entry.organisation,
      role: entry.role,
      months: String(entry.months),
      summary: entry.summary,
    })),
    skills: profile.skills.map((entry) => ({ key: rowKey(), ...entry, isFromCv: false })),
    links: profile.links.join('\n'),
    cvText: profile.cvText,
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** Checks the draft the way the server will, and builds the patch to send. */
function validate(draft: Draft): { errors: Errors; patch: Partial<CandidateInput> } {
  const errors: Record<string, Message> = {}
  const required = (path: string, value: string, key = 'candidateProfile.errors.required') => {
    if (value.trim().length === 0) errors[path] = { key }
    else if (value.trim().length > 200) errors[path] = { key: 'profile.errors.tooLong', values: { max: 200 } }
  }
  required('fullName', draft.fullName)
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(draft.email.trim()))
    errors.email = { key: 'candidateProfile.errors.email' }
  if (!draft.nationality) errors.nationality = { key: 'candidateProfile.errors.choose' }
  if (!draft.residenceCountry) errors.residenceCountry = { key: 'candidateProfile.errors.choose' }
  if (draft.city.trim().length === 0) errors.city = { key: 'profile.errors.cityRequired' }
  else if (draft.city.trim().length > 200)
    errors.city = { key: 'profile.errors.tooLong', values: { max: 200 } }
  if (!TIME_ZONE.test(draft.timeZone.trim())) errors.timeZone = { key: 'candidateProfile.errors.timeZone' }
  if (!draft.visaStatus) errors.visaStatus = { key: 'candidateProfile.errors.choose' }
  const hoursPerWeek = Number(draft.hours)
  if (!Number.isInteger(hoursPerWeek) || hoursPerWeek < 1 || hoursPerWeek > 60)
    errors.hoursPerWeek = { key: 'profile.errors.hoursRange', values: { min: 1, max: 60 } }
  if (draft.availableFrom && !DATE.test(draft.availableFrom))
    errors.availableFrom = { key: 'candidateProfile.errors.date' }
  if (draft.availableTo && !DATE.test(draft.availableTo))
    errors.availableTo = { key: 'candidateProfile.errors.date' }
  if (draft.availableFrom && draft.availableTo && draft.availableTo < draft.availableFrom)
    errors.availableTo = { key: 'candidateProfile.errors.dateOrder' }
  if (draft.workModes.length === 0) errors.workModePreference = { key: 'candidateProfile.errors.workMode' }

  const seenLanguages = new Set<string>()
  draft.languages.forEach((row, index) => {
    if (!row.language) errors[`languages.${index}.language`] = { key: 'candidateProfile.errors.choose' }
    else if (seenLanguages.has(row.language))
      errors[`languages.${index}.language`] = { key: 'candidateProfile.errors.duplicateLanguage' }
    seenLanguages.add(row.language)
  })
  draft.education.forEach((row, index) => {
    required(`education.${index}.institution`, row.institution)
    required(`education.${index}.field`, row.field)
    if (!row.country) errors[`education.${index}.country`] = { key: 'candidateProfile.errors.choose' }
    if (row.graduationDate && !DATE.test(row.graduationDate))
      errors[`education.${index}.graduationDate`] = { key: 'candidateProfile.errors.date' }
  })
  draft.experience.forEach((row, index) => {
    required(`experience.${index}.organisation`, row.organisation)
    required(`experience.${index}.role`, row.role)
    const months = Number(row.months)
    if (!Number.isInteger(months) || months < 0 || months > 600)
      errors[`experience.${index}.months`] = {
        key: 'profile.errors.hoursRange',
        values: { min: 0, max: 600 },
      }
  })
  const skills = draft.skills
    .map((row) => ({ skill: row.skill.trim(), level: row.level }))
    .filter((entry) => entry.skill.length > 0)
  const names = skills.map((entry) => entry.skill.toLowerCase())
  if (new Set(names).size !== names.length) errors.skills = { key: 'profile.errors.duplicateSkill' }
  else if (skills.some((entry) => entry.skill.length > 80))
    errors.skills = { key: 'profile.errors.tooLong', values: { max: 80 } }
  const links = draft.links
    .split(/\s+/)
    .map((link) => link.trim())
    .filter((link) => link.length > 0)
  if (links.length > 10 || links.some((link) => !isHttpUrl(link) || link.length > 300))
    errors.links = { key: 'candidateProfile.errors.links' }
  if (draft.cvText.length > 20_000) errors.cvText = { key: 'profile.errors.tooLong', values: { max: 20_000 } }

  const patch: Partial<CandidateInput> = {
    fullName: draft.fullName.trim(),
    email: draft.email.trim(),
    nationality: draft.nationality,
    residenceCountry: draft.residenceCountry,
    city: draft.city.trim(),
    timeZone: draft.timeZone.trim(),
    visaStatus: draft.visaStatus as CandidateInput['visaStatus'],
    hoursPerWeek,
    workModePreference: draft.workModes,
    ...(draft.availableFrom ? { availableFrom: draft.availableFrom } : {}),
    ...(draft.availableTo ? { availableTo: draft.availableTo } : {}),
    languages: draft.languages.map((row) => ({
      language: row.language,
      level: row.level as CandidateInput['languages'][number]['level'],
    })),
    education: draft.education.map(
      (row): Education => ({
        institution: row.institution.trim(),
        country: row.country,
        degree: row.degree as Education['degree'],
        field: row.field.trim(),
        status: row.status as Education['status'],
        ...(row.graduationDate ? { graduationDate: row.graduationDate } : {}),
      }),
    ),
    experience: draft.experience.map((row) => ({
      organisation: row.organisation.trim(),
      role: row.role.trim(),
      months: Number(row.months),
      summary: row.summary.trim(),
    })),
    skills,
    links,
    cvText: draft.cvText,
  }
  return { errors, patch }
}

/** What applying a CV's suggestion added to the form. */
export interface CvMergeReport {
  readonly skills: number
  readonly languages: number
  readonly education: number
}

/** Adds what a CV suggests and the form does not have yet; never overwrites what the candidate wrote. */
function mergeSuggestion(
  draft: Draft,
  suggestion: CvProfileSuggestion,
): { draft: Draft; report: CvMergeReport } {
  const haveSkills = new Set(draft.skills.map((row) => row.skill.trim().toLowerCase()))
  const newSkills = suggestion.skills
    .filter((entry) => !haveSkills.has(entry.skill.toLowerCase()))
    .map((entry) => ({ key: rowKey(), skill: entry.skill, level: entry.level, isFromCv: true }))
  const haveLanguages = new Set(draft.languages.map((row) => row.language))
  const newLanguages = suggestion.languages
    .filter((entry) => !haveLanguages.has(entry.language))
    .map((entry) => ({ key: rowKey(), language: entry.language, level: entry.level, isFromCv: true }))
  const education = suggestion.education
  const hasDegree = education !== null && draft.education.some((row) => row.degree === education.degree)
  const newEducation: EducationRow[] =
    education && !hasDegree
      ? [
          {
            key: rowKey(),
            institution: '',
            country: draft.residenceCountry || draft.nationality,
            degree: education.degree,
            field: '',
            status: education.status ?? 'enrolled',
            graduationDate: education.graduationDate ?? '',
            isFromCv: true,
          },
        ]
      : []
  return {
    draft: {
      ...draft,
      // Found skills go first: they are what the candidate should check.
      skills: [...newSkills, ...draft.skills.filter((row) => row.skill.trim().length > 0)],
      languages: [...draft.languages, ...newLanguages],
      education: [...draft.education, ...newEducation],
    },
    report: { skills: newSkills.length, languages: newLanguages.length, education: newEducation.length },
  }
}

/**
 * The candidate's whole profile: identity and contact, where they live, visa, availability, languages,
 * education, experience, skills and links, plus their CV, which can be read to pre-fill skills, languages
 * and education for them to correct before saving. Errors are shown beside each field, in the interface
 * language, whether found here or by the server.
 */
export function CandidateProfileForm(props: {
  readonly candidate: OwnProfile
  readonly onSaved: (profile: OwnProfile) => void
  readonly onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale: UiLocale = isUiLocale(i18n.language) ? i18n.language : 'en'
  const [draft, setDraft] = useState<Draft>(() => toDraft(props.candidate))
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<Message | null>(null)
  const [isSaving, setIsSaving] = useState(false)
  const [labels, setLabels] = useState<Readonly<Record<string, SkillLabel>>>(props.candidate.skillLabels)
  const countries = useMemo(() => countryOptions(locale), [locale])
  const languages = useMemo(() => languageOptions(locale), [locale])
  const timeZones = useMemo(() => timeZoneOptions(), [])

  const update = (patch: Partial<Draft>, clear: readonly string[] = []) => {
    setDraft((current) => ({ ...current, ...patch }))
    if (clear.length > 0)
      setErrors((current) =>
        Object.fromEntries(Object.entries(current).filter(([key]) => !clear.includes(key))),
      )
  }
  /** Changes one row of a list field (found by its key) and clears the errors named in `clear`. */
  const changeRow = <K extends ListField>(
    list: K,
    key: number,
    patch: Partial<Draft[K][number]>,
    clear: readonly string[] = [],
  ) =>
    update(
      listPatch(
        list,
        draft[list].map((r) => (r.key === key ? { ...r, ...patch } : r)),
      ),
      clear,
    )
  /** Removes one row of a list field. */
  const removeRow = (list: ListField, key: number, clear: readonly string[] = []) =>
    update(
      listPatch(
        list,
        draft[list].filter((r) => r.key !== key),
      ),
      clear,
    )
  const errorOf = (path: string) => errors[path]
  const errorId = (path: string) => `${id}-${path.replace(/\./g, '-')}-error`
  const describedBy = (path: string) => (errors[path] ? errorId(path) : undefined)
  const fieldError = (path: string): ReactNode => {
    const error = errorOf(path)
    return error ? (
      <p className="field-error" id={errorId(path)}>
        {renderMessage(error, t)}
      </p>
    ) : null
  }
  const invalid = (path: string) => (errors[path] ? true : undefined)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const checked = validate(draft)
    setErrors(checked.errors)
    setFormError(null)
    if (Object.keys(checked.errors).length > 0) {
      setFormError({ key: 'profile.errors.check' })
      return
    }
    setIsSaving(true)
    try {
      props.onSaved(await saveOwnProfile(checked.patch))
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        const fromServer: Record<string, Message> = {}
        for (const issue of error.issues) {
          const parts = issue.path
            .replace(/^body\./, '')
            .replace(/^profile\./, '')
            .split('.')
          const head = parts[0] ?? ''
          // List fields shown as one block take the error as a whole; rows of records per field.
          const field = ['skills', 'links', 'workModePreference'].includes(head)
            ? head
            : parts.slice(0, 3).join('.')
          if (!fromServer[field]) fromServer[field] = { text: issue.message }
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

  const applySuggestion = (suggestion: CvProfileSuggestion): CvMergeReport => {
    const merged = mergeSuggestion(draft, suggestion)
    setDraft(merged.draft)
    setLabels({
      ...labels,
      ...Object.fromEntries(suggestion.skills.map((entry) => [entry.skill, entry.label])),
    })
    return merged.report
  }

  /** A labelled input bound to the error at `path` (`after` goes between the input and its error). */
  const inputField = (
    path: string,
    inputId: string,
    label: string,
    input: InputHTMLAttributes<HTMLInputElement>,
    options: { readonly className?: string; readonly after?: ReactNode } = {},
  ) => (
    <div className={options.className ?? 'field'}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        {...input}
        id={inputId}
        className="input"
        aria-invalid={invalid(path)}
        aria-describedby={describedBy(path)}
      />
      {options.after}
      {fieldError(path)}
    </div>
  )

  const countrySelect = (path: string, value: string, onChange: (code: string) => void, label: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${path}`}>
        {label}
      </label>
      <select
        id={`${id}-${path}`}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid(path)}
        aria-describedby={describedBy(path)}
        required
      >
        <option value="">{t('candidateProfile.chooseCountry')}</option>
        <optgroup label={t('candidateProfile.commonCountries')}>
          {countries.common.map((country) => (
            <option key={`common-${country.code}`} value={country.code}>
              {country.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('candidateProfile.allCountries')}>
          {countries.all.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </optgroup>
      </select>
      {fieldError(path)}
    </div>
  )

  const skillLabel = (skill: string) => labels[skill.trim()]?.[locale]

  return (
    <form
      className="card form profile-form"
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('profile.editTitle')}
      data-testid="profile-form"
    >
      {formError ? (
        <p className="notice notice-error" role="alert" data-testid="profile-form-error">
          {renderMessage(formError, t)}
        </p>
      ) : null}

      <CvImportPanel
        cvText={draft.cvText}
        onCvTextChange={(cvText) => update({ cvText }, ['cvText'])}
        onSuggestion={applySuggestion}
        error={errorOf('cvText')}
      />

      <fieldset className="fieldset profile-group">
        <legend className="group-title">{t('candidateProfile.groupPerson')}</legend>
        <div className="form-row">
          {inputField('fullName', `${id}-fullName`, t('candidateProfile.fullName'), {
            value: draft.fullName,
            maxLength: 200,
            autoComplete: 'name',
            onChange: (event) => update({ fullName: event.target.value }, ['fullName']),
            required: true,
          })}
          {inputField('email', `${id}-email`, t('candidateProfile.contactEmail'), {
            type: 'email',
            value: draft.email,
            maxLength: 200,
            autoComplete: 'email',
            onChange: (event) => update({ email: event.target.value }, ['email']),
            required: true,
          })}
        </div>
        <div className="form-row">
          {countrySelect(
            'nationality',
            draft.nationality,
            (nationality) => update({ nationality }, ['nationality']),
            t('profile.nationality'),
          )}
          <div className="field">
            <label className="field-label" htmlFor={`${id}-visaStatus`}>
              {t('profile.visa')}
            </label>
            <select
              id={`${id}-visaStatus`}
              className="input select"
              value={draft.visaStatus}
              onChange={(event) => update({ visaStatus: event.target.value }, ['visaStatus'])}
              aria-invalid={invalid('visaStatus')}
              aria-describedby={[describedBy('visaStatus'), `${id}-visa-hint`].filter(Boolean).join(' ')}
              required
            >
              <option value="">{t('candidateProfile.chooseVisa')}</option>
              {VISA_OPTIONS.map((status) => (
                <option key={status} value={status}>
                  {t(`visa.${status}`)}
                </option>
              ))}
            </select>
            <p className="field-hint" id={`${id}-visa-hint`}>
              {t('candidateProfile.visaHint')}
            </p>
            {fieldError('visaStatus')}
          </div>
        </div>
      </fieldset>

      <fieldset className="fieldset profile-group">
        <legend className="group-title">{t('candidateProfile.groupResidence')}</legend>
        <div className="form-row">
          {countrySelect(
            'residenceCountry',
            draft.residenceCountry,
            (residenceCountry) =>
              update(
                {
                  residenceCountry,
                  // A degree read from the CV has no country yet: most study where they live.
                  education: draft.education.map((row) =>
                    row.country === '' && residenceCountry !== ''
                      ? { ...row, country: residenceCountry }
                      : row,
                  ),
                },
                ['residenceCountry', ...draft.education.map((_, index) => `education.${index}.country`)],
              ),
            t('candidateProfile.residenceCountry'),
          )}
          {inputField('city', `${id}-city`, t('profile.city'), {
            value: draft.city,
            maxLength: 200,
            autoComplete: 'address-level2',
            onChange: (event) => update({ city: event.target.value }, ['city']),
            required: true,
          })}
          {inputField(
            'timeZone',
            `${id}-timeZone`,
            t('profile.timeZone'),
            {
              list: `${id}-time-zones`,
              value: draft.timeZone,
              maxLength: 64,
              onChange: (event) => update({ timeZone: event.target.value }, ['timeZone']),
              required: true,
            },
            {
              after: (
                <datalist id={`${id}-time-zones`}>
                  {timeZones.map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              ),
            },
          )}
        </div>
      </fieldset>

      <fieldset className="fieldset profile-group">
        <legend className="group-title">{t('candidateProfile.groupAvailability')}</legend>
        <div className="form-row">
          {inputField('availableFrom', `${id}-availableFrom`, t('candidateProfile.availableFrom'), {
            type: 'date',
            value: draft.availableFrom,
            onChange: (event) =>
              update({ availableFrom: event.target.value }, ['availableFrom', 'availableTo']),
          })}
          {inputField('availableTo', `${id}-availableTo`, t('candidateProfile.availableTo'), {
            type: 'date',
            value: draft.availableTo,
            onChange: (event) => update({ availableTo: event.target.value }, ['availableTo']),
          })}
          {inputField(
            'hoursPerWeek',
            `${id}-hours`,
            t('profile.hoursPerWeek'),
            {
              type: 'number',
              inputMode: 'numeric',
              min: 1,
              max: 60,
              step: 1,
              value: draft.hours,
              onChange: (event) => update({ hours: event.target.value }, ['hoursPerWeek']),
              required: true,
            },
            { className: 'field field-narrow' },
          )}
        </div>
        <fieldset className="fieldset" aria-describedby={describedBy('workModePreference')}>
          <legend className="field-label">{t('candidateProfile.workModes')}</legend>
          <div className="choice-row">
            {WORK_MODE_OPTIONS.map((mode) => (
              <label key={mode} className="choice">
                <input
                  type="checkbox"
                  checked={draft.workModes.includes(mode)}
                  onChange={(event) =>
                    update(
                      {
                        workModes: event.target.checked
                          ? WORK_MODE_OPTIONS.filter((m) => m === mode || draft.workModes.includes(m))
                          : draft.workModes.filter((m) => m !== mode),
                      },
                      ['workModePreference'],
                    )
                  }
                />
                {t(`workMode.${mode}`)}
              </label>
            ))}
          </div>
          {fieldError('workModePreference')}
        </fieldset>
      </fieldset>

      <fieldset className="fieldset profile-group" data-testid="profile-languages">
        <legend className="group-title">{t('profile.languages')}</legend>
        <p className="field-hint">{t('candidateProfile.languagesHint')}</p>
        {draft.languages.map((row, index) => (
          <div key={row.key} className={row.isFromCv ? 'list-row is-from-cv' : 'list-row'}>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-language-${row.key}`}>
                {t('candidateProfile.languageName', { number: index + 1 })}
              </label>
              <select
                id={`${id}-language-${row.key}`}
                className="input select"
                value={row.language}
                onChange={(event) =>
                  changeRow('languages', row.key, { language: event.target.value }, [
                    `languages.${index}.language`,
                  ])
                }
                aria-invalid={invalid(`languages.${index}.language`)}
                aria-describedby={describedBy(`languages.${index}.language`)}
              >
                <option value="">{t('candidateProfile.chooseLanguage')}</option>
                {languages.map((language) => (
                  <option key={language.code} value={language.code}>
                    {language.name}
                  </option>
                ))}
              </select>
              {fieldError(`languages.${index}.language`)}
            </div>
            <div className="field field-narrow">
              <label className="field-label" htmlFor={`${id}-language-level-${row.key}`}>
                {t('candidateProfile.languageLevel', { number: index + 1 })}
              </label>
              <select
                id={`${id}-language-level-${row.key}`}
                className="input select"
                value={row.level}
                onChange={(event) => changeRow('languages', row.key, { level: event.target.value })}
              >
                {LANGUAGE_LEVEL_OPTIONS.map((level) => (
                  <option key={level} value={level}>
                    {t(`candidateProfile.cefr.${level}`)}
                  </option>
                ))}
              </select>
            </div>
            {row.isFromCv ? <span className="from-cv">{t('cvImport.fromCv')}</span> : null}
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => removeRow('languages', row.key)}
              aria-label={t('candidateProfile.removeLanguage', { number: index + 1 })}
            >
              {t('profile.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            update({
              languages: [...draft.languages, { key: rowKey(), language: '', level: 'B1', isFromCv: false }],
            })
          }
        >
          + {t('candidateProfile.addLanguage')}
        </button>
      </fieldset>

      <fieldset className="fieldset profile-group" data-testid="profile-education">
        <legend className="group-title">{t('profile.education')}</legend>
        <p className="field-hint">{t('candidateProfile.educationHint')}</p>
        {draft.education.map((row, index) => {
          const path = (field: string) => `education.${index}.${field}`
          const change = (patch: Partial<EducationRow>, field: string) =>
            changeRow('education', row.key, patch, [path(field)])
          return (
            <div key={row.key} className={row.isFromCv ? 'sub-card is-from-cv' : 'sub-card'}>
              <SubCardHead
                title={t('candidateProfile.educationEntry', { number: index + 1 })}
                isFromCv={row.isFromCv}
                removeLabel={t('candidateProfile.removeEducation', { number: index + 1 })}
                onRemove={() => removeRow('education', row.key)}
              />
              <div className="form-row">
                {inputField(
                  path('institution'),
                  `${id}-institution-${row.key}`,
                  t('candidateProfile.institution'),
                  {
                    value: row.institution,
                    maxLength: 200,
                    onChange: (event) => change({ institution: event.target.value }, 'institution'),
                  },
                )}
                {inputField(path('field'), `${id}-field-${row.key}`, t('candidateProfile.fieldOfStudy'), {
                  value: row.field,
                  maxLength: 200,
                  onChange: (event) => change({ field: event.target.value }, 'field'),
                })}
              </div>
              <div className="form-row">
                <div className="field">
                  <label className="field-label" htmlFor={`${id}-degree-${row.key}`}>
                    {t('candidateProfile.degree')}
                  </label>
                  <select
                    id={`${id}-degree-${row.key}`}
                    className="input select"
                    value={row.degree}
                    onChange={(event) => change({ degree: event.target.value }, 'degree')}
                  >
                    {DEGREE_OPTIONS.map((degree) => (
                      <option key={degree} value={degree}>
                        {t(`degree.${degree}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label className="field-label" htmlFor={`${id}-education-status-${row.key}`}>
                    {t('candidateProfile.studyStatus')}
                  </label>
                  <select
                    id={`${id}-education-status-${row.key}`}
                    className="input select"
                    value={row.status}
                    onChange={(event) => change({ status: event.target.value }, 'status')}
                  >
                    {EDUCATION_STATUS_OPTIONS.map((status) => (
                      <option key={status} value={status}>
                        {t(`educationStatus.${status}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {inputField(
                  path('graduationDate'),
                  `${id}-graduation-${row.key}`,
                  t('candidateProfile.graduationDate'),
                  {
                    type: 'date',
                    value: row.graduationDate,
                    onChange: (event) => change({ graduationDate: event.target.value }, 'graduationDate'),
                  },
                )}
                <div className="field">
                  <label className="field-label" htmlFor={`${id}-education-country-${row.key}`}>
                    {t('candidateProfile.institutionCountry')}
                  </label>
                  <select
                    id={`${id}-education-country-${row.key}`}
                    className="input select"
                    value={row.country}
                    onChange={(event) => change({ country: event.target.value }, 'country')}
                    aria-invalid={invalid(path('country'))}
                    aria-describedby={describedBy(path('country'))}
                  >
                    <option value="">{t('candidateProfile.chooseCountry')}</option>
                    {countries.all.map((country) => (
                      <option key={country.code} value={country.code}>
                        {country.name}
                      </option>
                    ))}
                  </select>
                  {fieldError(path('country'))}
                </div>
              </div>
            </div>
          )
        })}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            update({
              education: [
                ...draft.education,
                {
                  key: rowKey(),
                  institution: '',
                  country: draft.residenceCountry || draft.nationality,
                  degree: 'bachelor',
                  field: '',
                  status: 'enrolled',
                  graduationDate: '',
                  isFromCv: false,
                },
              ],
            })
          }
        >
          + {t('candidateProfile.addEducation')}
        </button>
      </fieldset>

      <fieldset
        className="fieldset profile-group"
        aria-describedby={describedBy('skills')}
        data-testid="profile-skills"
      >
        <legend className="group-title">{t('profile.skills')}</legend>
        <p className="field-hint">{t('profile.skillsHint')}</p>
        {draft.skills.map((row, index) => {
          const label = skillLabel(row.skill)
          return (
            <div key={row.key} className={row.isFromCv ? 'skill-row is-from-cv' : 'skill-row'}>
              <label className="visually-hidden" htmlFor={`${id}-skill-${row.key}`}>
                {t('profile.skillName', { number: index + 1 })}
              </label>
              <input
                id={`${id}-skill-${row.key}`}
                className="input"
                value={row.skill}
                maxLength={80}
                onChange={(event) => changeRow('skills', row.key, { skill: event.target.value }, ['skills'])}
              />
              <label className="visually-hidden" htmlFor={`${id}-level-${row.key}`}>
                {t('profile.skillLevel', { number: index + 1 })}
              </label>
              <select
                id={`${id}-level-${row.key}`}
                className="input select"
                value={row.level}
                onChange={(event) => changeRow('skills', row.key, { level: Number(event.target.value) })}
              >
                {SKILL_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t('skill.levelOption', { level })}
                  </option>
                ))}
              </select>
              <span className="skill-row-note">
                {label && label.toLowerCase() !== row.skill.trim().toLowerCase() ? (
                  <span className="skill-label">{label}</span>
                ) : null}
                {row.isFromCv ? <span className="from-cv">{t('cvImport.fromCv')}</span> : null}
              </span>
              <button
                type="button"
                className="button button-ghost"
                onClick={() => removeRow('skills', row.key, ['skills'])}
                aria-label={t('profile.removeSkill', { skill: label ?? (row.skill || index + 1) })}
              >
                {t('profile.remove')}
              </button>
            </div>
          )
        })}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            update({ skills: [...draft.skills, { key: rowKey(), skill: '', level: 3, isFromCv: false }] })
          }
        >
          + {t('profile.addSkill')}
        </button>
        {fieldError('skills')}
      </fieldset>

      <fieldset className="fieldset profile-group" data-testid="profile-experience">
        <legend className="group-title">{t('candidateProfile.experience')}</legend>
        {draft.experience.map((row, index) => {
          const path = (field: string) => `experience.${index}.${field}`
          const change = (patch: Partial<ExperienceRow>, field: string) =>
            changeRow('experience', row.key, patch, [path(field)])
          return (
            <div key={row.key} className="sub-card">
              <SubCardHead
                title={t('candidateProfile.experienceEntry', { number: index + 1 })}
                removeLabel={t('candidateProfile.removeExperience', { number: index + 1 })}
                onRemove={() => removeRow('experience', row.key)}
              />
              <div className="form-row">
                {inputField(
                  path('organisation'),
                  `${id}-organisation-${row.key}`,
                  t('candidateProfile.organisation'),
                  {
                    value: row.organisation,
                    maxLength: 200,
                    onChange: (event) => change({ organisation: event.target.value }, 'organisation'),
                  },
                )}
                {inputField(path('role'), `${id}-role-${row.key}`, t('candidateProfile.role'), {
                  value: row.role,
                  maxLength: 200,
                  onChange: (event) => change({ role: event.target.value }, 'role'),
                })}
                {inputField(
                  path('months'),
                  `${id}-months-${row.key}`,
                  t('candidateProfile.months'),
                  {
                    type: 'number',
                    min: 0,
                    max: 600,
                    value: row.months,
                    onChange: (event) => change({ months: event.target.value }, 'months'),
                  },
                  { className: 'field field-narrow' },
                )}
              </div>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-summary-${row.key}`}>
                  {t('candidateProfile.summary')}
                </label>
                <textarea
                  id={`${id}-summary-${row.key}`}
                  className="input textarea"
                  rows={2}
                  maxLength={2000}
                  value={row.summary}
                  onChange={(event) => change({ summary: event.target.value }, 'summary')}
                />
              </div>
            </div>
          )
        })}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            update({
              experience: [
                ...draft.experience,
                { key: rowKey(), organisation: '', role: '', months: '0', summary: '' },
              ],
            })
          }
        >
          + {t('candidateProfile.addExperience')}
        </button>
      </fieldset>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-links`}>
          {t('candidateProfile.links')}
        </label>
        <textarea
          id={`${id}-links`}
          className="input textarea"
          rows={2}
          value={draft.links}
          onChange={(event) => update({ links: event.target.value }, ['links'])}
          aria-invalid={invalid('links')}
          aria-describedby={[describedBy('links'), `${id}-links-hint`].filter(Boolean).join(' ')}
        />
        <p className="field-hint" id={`${id}-links-hint`}>
          {t('candidateProfile.linksHint')}
        </p>
        {fieldError('links')}
      </div>

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

/** The head of one education or experience entry: its title, a "from your CV" mark, and its remove button. */
function SubCardHead(props: {
  readonly title: string
  readonly isFromCv?: boolean
  readonly removeLabel: string
  readonly onRemove: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="sub-card-head">
      <h4 className="mini-title">{props.title}</h4>
      {props.isFromCv ? <span className="from-cv">{t('cvImport.fromCvCheck')}</span> : null}
      <button
        type="button"
        className="button button-ghost button-small"
        onClick={props.onRemove}
        aria-label={props.removeLabel}
      >
        {t('profile.remove')}
      </button>
    </div>
  )
}
