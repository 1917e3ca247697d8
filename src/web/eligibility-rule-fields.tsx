import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_LEVELS, VISA_STATUSES } from '../domain/index.ts'
import {
  FIELDS_OF_KIND,
  RANGES,
  type RuleDraft,
  type RuleErrors,
  type RuleField,
} from './eligibility-rule-draft.ts'
import { formatCountry, formatLanguage } from './format.ts'
import { renderMessage } from './message.ts'

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
