import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type EligibilityRule,
  type EligibilityRuleKind,
  EligibilityRuleSchema,
  LANGUAGE_LEVELS,
  VISA_STATUSES,
} from '../domain/index.ts'
import { formatCountry, formatLanguage } from './format.ts'
import type { Message } from './message.ts'
import { renderMessage } from './message.ts'

/** The editable fields of a rule, kept as text while the operator types. */
export interface RuleDraft {
  /** A key for React lists (not stored). */
  readonly key: string
  /** The stored rule id, kept so that verdicts keep pointing at it. */
  readonly id?: string
  readonly kind: EligibilityRuleKind
  readonly note: string
  readonly months: string
  readonly enrolledCountry: string
  readonly country: string
  readonly countries: readonly string[]
  readonly language: string
  readonly level: string
  readonly statuses: readonly string[]
  readonly hoursPerWeek: string
  readonly date: string
  readonly weeks: string
  /** The operator changed this rule: its errors show at once instead of on save. */
  readonly isTouched?: boolean
}

/** The fields a rule kind asks for, in the order the form shows them. */
export const FIELDS_OF_KIND: Readonly<Record<EligibilityRuleKind, readonly RuleField[]>> = {
  enrolled_or_recent_graduate: ['months', 'enrolledCountry'],
  studying_in_country: ['country'],
  nationality_in: ['countries'],
  nationality_not_in: ['countries'],
  language_min: ['language', 'level'],
  visa_allowed: ['statuses'],
  d2_max_hours: ['hoursPerWeek'],
  d10_max_months: ['months'],
  available_from_by: ['date'],
  available_for_weeks: ['weeks'],
  min_hours: ['hoursPerWeek'],
}

/** A field of a rule draft. */
export type RuleField =
  | 'months'
  | 'enrolledCountry'
  | 'country'
  | 'countries'
  | 'language'
  | 'level'
  | 'statuses'
  | 'hoursPerWeek'
  | 'date'
  | 'weeks'
  | 'note'

/** Validation messages by field. */
export type RuleErrors = Partial<Record<RuleField, Message>>

/** Allowed ranges, as the domain schema has them (the messages name them). */
const RANGES = {
  months: { min: 1, max: 120 },
  hoursPerWeek: { min: 1, max: 60 },
  weeks: { min: 1, max: 156 },
} as const

/** What a new rule of each kind starts with: the values a Korean hub most often uses. */
const DEFAULTS: Readonly<Record<EligibilityRuleKind, Partial<RuleDraft>>> = {
  enrolled_or_recent_graduate: { months: '12' },
  studying_in_country: { country: 'KR' },
  nationality_in: { countries: [] },
  nationality_not_in: { countries: ['KR'] },
  language_min: { language: 'en', level: 'B1' },
  visa_allowed: { statuses: ['D-2', 'D-10', 'abroad'] },
  d2_max_hours: { hoursPerWeek: '25' },
  d10_max_months: { months: '6' },
  available_from_by: { date: '' },
  available_for_weeks: { weeks: '8' },
  min_hours: { hoursPerWeek: '20' },
}

const EMPTY: Omit<RuleDraft, 'key' | 'kind'> = {
  note: '',
  months: '',
  enrolledCountry: '',
  country: '',
  countries: [],
  language: '',
  level: 'B1',
  statuses: [],
  hoursPerWeek: '',
  date: '',
  weeks: '',
}

/** A fresh draft of `kind` with its usual values. */
export function createRuleDraft(kind: EligibilityRuleKind, key: string): RuleDraft {
  return { ...EMPTY, ...DEFAULTS[kind], key, kind }
}

/** Changes a draft's kind, keeping its note and id and filling the new kind's usual values. */
export function changeRuleKind(draft: RuleDraft, kind: EligibilityRuleKind): RuleDraft {
  return { ...createRuleDraft(kind, draft.key), note: draft.note, ...(draft.id && { id: draft.id }) }
}

/** A stored rule as a draft. */
export function draftFromRule(rule: EligibilityRule, key: string): RuleDraft {
  const base: RuleDraft = {
    ...EMPTY,
    key,
    kind: rule.kind,
    note: rule.note ?? '',
    ...(rule.id && { id: rule.id }),
  }
  switch (rule.kind) {
    case 'enrolled_or_recent_graduate':
      return { ...base, months: String(rule.months), enrolledCountry: rule.enrolledCountry ?? '' }
    case 'studying_in_country':
      return { ...base, country: rule.country }
    case 'nationality_in':
    case 'nationality_not_in':
      return { ...base, countries: rule.countries }
    case 'language_min':
      return { ...base, language: rule.language, level: rule.level }
    case 'visa_allowed':
      return { ...base, statuses: rule.statuses }
    case 'd2_max_hours':
    case 'min_hours':
      return { ...base, hoursPerWeek: String(rule.hoursPerWeek) }
    case 'd10_max_months':
      return { ...base, months: String(rule.months) }
    case 'available_from_by':
      return { ...base, date: rule.date }
    case 'available_for_weeks':
      return { ...base, weeks: String(rule.weeks) }
  }
}

/** A whole number typed as text, or NaN (an empty field is not zero). */
function readWholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN
}

/** The rule a draft stands for, as the API takes it (not yet validated). */
function buildRule(draft: RuleDraft): Record<string, unknown> {
  const rule: Record<string, unknown> = { kind: draft.kind }
  if (draft.id) rule.id = draft.id
  if (draft.note.trim()) rule.note = draft.note.trim()
  for (const field of FIELDS_OF_KIND[draft.kind]) {
    if (field === 'months' || field === 'hoursPerWeek' || field === 'weeks')
      rule[field] = readWholeNumber(draft[field])
    else if (field === 'enrolledCountry') {
      if (draft.enrolledCountry) rule.enrolledCountry = draft.enrolledCountry
    } else rule[field] = draft[field]
  }
  return rule
}

/** The message for an invalid field, naming what it takes. */
function messageFor(field: RuleField, draft: RuleDraft): Message {
  switch (field) {
    case 'months':
    case 'hoursPerWeek':
    case 'weeks':
      return draft[field].trim() === ''
        ? { key: 'eligibilityScreen.errors.required' }
        : { key: 'eligibilityScreen.errors.wholeNumber', values: RANGES[field] }
    case 'countries':
      return { key: 'eligibilityScreen.errors.countries' }
    case 'statuses':
      return { key: 'eligibilityScreen.errors.statuses' }
    case 'date':
      return { key: 'eligibilityScreen.errors.date' }
    case 'note':
      return { key: 'eligibilityScreen.errors.note', values: { max: 500 } }
    default:
      return { key: 'eligibilityScreen.errors.pick' }
  }
}

/** Reads a field name from a validation path (`months`, `countries.0`, …). */
export function fieldOfPath(path: readonly PropertyKey[]): RuleField | null {
  const [first] = path
  const fields: readonly RuleField[] = [...new Set(Object.values(FIELDS_OF_KIND).flat()), 'note']
  return fields.find((field) => field === first) ?? null
}

/** Validates a draft with the domain's own schema: the rule, or a message per invalid field. */
export function readRuleDraft(draft: RuleDraft): { rule: EligibilityRule | null; errors: RuleErrors } {
  const parsed = EligibilityRuleSchema.safeParse(buildRule(draft))
  if (parsed.success) return { rule: parsed.data, errors: {} }
  const errors: RuleErrors = {}
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path) ?? FIELDS_OF_KIND[draft.kind][0] ?? 'note'
    errors[field] ??= messageFor(field, draft)
  }
  return { rule: null, errors }
}

/** A message for a field the server refused (the same wording as the form's own checks). */
export function messageForServerIssue(draft: RuleDraft, path: readonly string[]): [RuleField, Message] {
  const field = fieldOfPath(path) ?? FIELDS_OF_KIND[draft.kind][0] ?? 'note'
  return [field, messageFor(field, draft)]
}

/** Every region the browser can name in `locale`, sorted by that name (for country pickers). */
function listCountries(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  // Groupings and private-use codes that are not countries.
  const notCountries = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA'])
  const countries: { code: string; name: string }[] = []
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`
      if (notCountries.has(code)) continue
      let name: string | undefined
      try {
        name = names.of(code)
      } catch {
        name = undefined
      }
      if (name && name !== code) countries.push({ code, name })
    }
  }
  return countries.sort((a, b) => a.name.localeCompare(b.name, locale))
}

/** Languages offered in the language picker (a rule may name any other two-letter code). */
const COMMON_LANGUAGES = ['ko', 'en', 'vi', 'zh', 'ja', 'id', 'th', 'hi', 'mn', 'uz', 'ru', 'fr', 'de', 'es']

/** The parameter fields of one rule, chosen by its kind; each invalid field shows its message beside it. */
export function RuleFields(props: {
  readonly draft: RuleDraft
  readonly errors: RuleErrors
  readonly idPrefix: string
  readonly onChange: (draft: RuleDraft) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { draft, errors, idPrefix } = props
  const countries = useMemo(() => listCountries(locale), [locale])
  const set = (patch: Partial<RuleDraft>) => props.onChange({ ...draft, ...patch })
  const errorId = (field: RuleField) => `${idPrefix}-${field}-error`
  const invalid = (field: RuleField) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {}
  const errorOf = (field: RuleField) =>
    errors[field] ? (
      <p className="field-error" id={errorId(field)}>
        {renderMessage(errors[field], t)}
      </p>
    ) : null
  const numberField = (field: 'months' | 'hoursPerWeek' | 'weeks', label: string) => (
    <label className="field field-narrow" key={field}>
      <span className="field-label">{label}</span>
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={RANGES[field].min}
        max={RANGES[field].max}
        step={1}
        value={draft[field]}
        onChange={(event) => set({ [field]: event.target.value })}
        {...invalid(field)}
      />
      {errorOf(field)}
    </label>
  )
  const countrySelect = (field: 'country' | 'enrolledCountry', label: string, isOptional: boolean) => (
    <label className="field" key={field}>
      <span className="field-label">{label}</span>
      <select
        className="input"
        value={draft[field]}
        onChange={(event) => set({ [field]: event.target.value })}
        {...invalid(field)}
      >
        <option value="">
          {isOptional ? t('eligibilityScreen.fields.anyCountry') : t('eligibilityScreen.fields.pick')}
        </option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      {errorOf(field)}
    </label>
  )

  const fields = FIELDS_OF_KIND[draft.kind].map((field) => {
    switch (field) {
      case 'months':
        return numberField(
          'months',
          draft.kind === 'd10_max_months'
            ? t('eligibilityScreen.fields.maxMonths')
            : t('eligibilityScreen.fields.graduatedWithin'),
        )
      case 'hoursPerWeek':
        return numberField(
          'hoursPerWeek',
          draft.kind === 'd2_max_hours'
            ? t('eligibilityScreen.fields.maxHours')
            : t('eligibilityScreen.fields.minHours'),
        )
      case 'weeks':
        return numberField('weeks', t('eligibilityScreen.fields.weeks'))
      case 'enrolledCountry':
        return countrySelect('enrolledCountry', t('eligibilityScreen.fields.enrolledCountry'), true)
      case 'country':
        return countrySelect('country', t('eligibilityScreen.fields.country'), false)
      case 'countries':
        return (
          <CountryListField
            key={field}
            label={
              draft.kind === 'nationality_in'
                ? t('eligibilityScreen.fields.allowedCountries')
                : t('eligibilityScreen.fields.excludedCountries')
            }
            selected={draft.countries}
            countries={countries}
            error={errors.countries ? renderMessage(errors.countries, t) : null}
            errorId={errorId('countries')}
            onChange={(codes) => set({ countries: codes })}
          />
        )
      case 'language': {
        const options =
          COMMON_LANGUAGES.includes(draft.language) || !draft.language
            ? COMMON_LANGUAGES
            : [draft.language, ...COMMON_LANGUAGES]
        return (
          <label className="field" key={field}>
            <span className="field-label">{t('eligibilityScreen.fields.language')}</span>
            <select
              className="input"
              value={draft.language}
              onChange={(event) => set({ language: event.target.value })}
              {...invalid('language')}
            >
              <option value="">{t('eligibilityScreen.fields.pick')}</option>
              {options.map((code) => (
                <option key={code} value={code}>
                  {formatLanguage(code, locale)}
                </option>
              ))}
            </select>
            {errorOf('language')}
          </label>
        )
      }
      case 'level':
        return (
          <label className="field field-narrow" key={field}>
            <span className="field-label">{t('eligibilityScreen.fields.level')}</span>
            <select
              className="input"
              value={draft.level}
              onChange={(event) => set({ level: event.target.value })}
              {...invalid('level')}
            >
              {LANGUAGE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`languageLevel.${level}`)}
                </option>
              ))}
            </select>
            {errorOf('level')}
          </label>
        )
      case 'statuses':
        return (
          <fieldset
            className="fieldset rule-checks"
            key={field}
            aria-describedby={errors.statuses ? errorId('statuses') : undefined}
          >
            <legend className="field-label">{t('eligibilityScreen.fields.visas')}</legend>
            <div className="rule-check-grid">
              {VISA_STATUSES.map((status) => (
                <label key={status} className="rule-check">
                  <input
                    type="checkbox"
                    checked={draft.statuses.includes(status)}
                    onChange={(event) =>
                      set({
                        statuses: event.target.checked
                          ? VISA_STATUSES.filter((s) => s === status || draft.statuses.includes(s))
                          : draft.statuses.filter((s) => s !== status),
                      })
                    }
                  />
                  <span>{t(`visa.${status}`)}</span>
                </label>
              ))}
            </div>
            {errorOf('statuses')}
          </fieldset>
        )
      case 'date':
        return (
          <label className="field field-narrow" key={field}>
            <span className="field-label">{t('eligibilityScreen.fields.startBy')}</span>
            <input
              className="input"
              type="date"
              value={draft.date}
              onChange={(event) => set({ date: event.target.value })}
              {...invalid('date')}
            />
            {errorOf('date')}
          </label>
        )
      default:
        return null
    }
  })

  return (
    <div className="rule-fields">
      <div className="form-row rule-field-row">{fields}</div>
      <label className="field">
        <span className="field-label">{t('eligibilityScreen.fields.note')}</span>
        <textarea
          className="input"
          rows={2}
          maxLength={600}
          value={draft.note}
          placeholder={t('eligibilityScreen.fields.notePlaceholder')}
          onChange={(event) => set({ note: event.target.value })}
          {...invalid('note')}
        />
        {errorOf('note')}
      </label>
    </div>
  )
}

/** A list of countries: chips with a remove button each, and a picker to add one. */
function CountryListField(props: {
  readonly label: string
  readonly selected: readonly string[]
  readonly countries: readonly { code: string; name: string }[]
  readonly error: string | null
  readonly errorId: string
  readonly onChange: (codes: readonly string[]) => void
}) {
  const { t, i18n } = useTranslation()
  const available = props.countries.filter((country) => !props.selected.includes(country.code))
  return (
    <fieldset className="fieldset rule-checks" aria-describedby={props.error ? props.errorId : undefined}>
      <legend className="field-label">{props.label}</legend>
      {props.selected.length === 0 ? (
        <p className="muted">{t('eligibilityScreen.fields.noCountries')}</p>
      ) : (
        <ul className="chips">
          {props.selected.map((code) => (
            <li key={code} className="chip">
              {formatCountry(code, i18n.language)}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('eligibilityScreen.fields.removeCountry', {
                  country: formatCountry(code, i18n.language),
                })}
                onClick={() => props.onChange(props.selected.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field field-inline">
        <span className="field-label">{t('eligibilityScreen.fields.addCountry')}</span>
        <select
          className="input"
          value=""
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => {
            if (event.target.value) props.onChange([...props.selected, event.target.value])
          }}
        >
          <option value="">{t('eligibilityScreen.fields.pick')}</option>
          {available.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </label>
      {props.error ? (
        <p className="field-error" id={props.errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  )
}
