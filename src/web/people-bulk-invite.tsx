import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProgramInvitationResult, UiLocale } from '../domain/index.ts'
import { fetchPrograms } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { describeError } from './describe-error.ts'
import { LocaleSelect } from './form-field.tsx'
import { formatNumber } from './format.ts'
import { inviteProgramApplicants } from './invitations-api.ts'
import { useApiData } from './use-api-data.ts'

const RESULT_ROWS = [
  'invited',
  'alreadyHasLogin',
  'alreadyInvited',
  'withoutEmail',
  'duplicateEmail',
] as const

/** "Invite every applicant of program X who has no login yet", with the counts of what happened. */
export function PeopleBulkInvite(props: { readonly onSent: () => void }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const programs = useApiData('programs', fetchPrograms)
  const [programId, setProgramId] = useState('')
  const [locale, setLocale] = useState<UiLocale | ''>('')
  const [isWorking, setIsWorking] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<{ program: string; counts: ProgramInvitationResult } | null>(null)

  return (
    <section className="card people-card" aria-labelledby={`${id}-title`} data-testid="bulk-invite">
      <h2 id={`${id}-title`} className="section-title">
        {t('people.bulk.title')}
      </h2>
      <p className="field-hint">{t('people.bulk.intro')}</p>
      <AsyncView data={programs}>
        {(list) => {
          if (list.length === 0) return <p className="muted">{t('people.bulk.noPrograms')}</p>
          const chosen = list.find((program) => program.id === programId) ?? list[0]
          const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault()
            if (!chosen) return
            setIsWorking(true)
            setError(null)
            setResult(null)
            try {
              const counts = await inviteProgramApplicants(chosen.id, locale || undefined)
              setResult({ program: chosen.title, counts })
              props.onSent()
            } catch (caught) {
              setError(caught)
            } finally {
              setIsWorking(false)
            }
          }
          return (
            <form onSubmit={handleSubmit} aria-labelledby={`${id}-title`}>
              <div className="people-form-row">
                <div className="field">
                  <label className="field-label" htmlFor={`${id}-program`}>
                    {t('people.bulk.program')}
                  </label>
                  <select
                    id={`${id}-program`}
                    className="input"
                    value={chosen?.id ?? ''}
                    onChange={(event) => setProgramId(event.target.value)}
                    data-testid="bulk-program"
                  >
                    {list.map((program) => (
                      <option key={program.id} value={program.id}>
                        {program.title}
                      </option>
                    ))}
                  </select>
                </div>
                <LocaleSelect
                  id={`${id}-locale`}
                  label={t('people.bulk.locale')}
                  autoLabel={t('people.invite.localeAuto')}
                  value={locale}
                  onChange={setLocale}
                  testId="bulk-locale"
                />
              </div>
              <button type="submit" className="button" disabled={isWorking} data-testid="bulk-submit">
                {isWorking ? t('people.bulk.working') : t('people.bulk.submit')}
              </button>
            </form>
          )
        }}
      </AsyncView>
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
      {result ? (
        <div className="notice notice-success people-bulk-result" role="status" data-testid="bulk-result">
          <p className="cell-strong">{t('people.bulk.resultTitle', { program: result.program })}</p>
          <dl className="people-counts">
            <div>
              <dt>{t('people.bulk.applicants')}</dt>
              <dd data-count="applicants">{formatNumber(result.counts.applicants, i18n.language)}</dd>
            </div>
            {RESULT_ROWS.map((row) => (
              <div key={row}>
                <dt>{t(`people.bulk.${row}`)}</dt>
                <dd data-count={row}>{formatNumber(result.counts[row], i18n.language)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </section>
  )
}
