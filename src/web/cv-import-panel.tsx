import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CvProfileSuggestion } from '../domain/index.ts'
import { extractFromCv } from './candidate-api.ts'
import type { CvMergeReport } from './candidate-profile-form.tsx'
import { describeError } from './describe-error.ts'
import { formatLanguage } from './format.ts'
import { isUiLocale } from './i18n.ts'
import { type Message, renderMessage } from './message.ts'

/** Longest CV text the server accepts. */
const MAX_CV_LENGTH = 20_000

type ReadState =
  | { readonly status: 'idle' }
  | { readonly status: 'reading' }
  | { readonly status: 'read'; readonly suggestion: CvProfileSuggestion; readonly report: CvMergeReport }
  | { readonly status: 'error'; readonly error: unknown }

/**
 * "Paste your CV": the text is kept with the profile, and "Read my CV" runs the server's extraction and
 * pre-fills the form's skills, languages and education (added, never overwriting what is there), then shows
 * everything that was found, with the words it was found in, so the candidate can check it before saving.
 */
export function CvImportPanel(props: {
  readonly cvText: string
  readonly onCvTextChange: (text: string) => void
  /** Merges a suggestion into the form; returns what was added. */
  readonly onSuggestion: (suggestion: CvProfileSuggestion) => CvMergeReport
  readonly error?: Message | undefined
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = isUiLocale(i18n.language) ? i18n.language : 'en'
  const [state, setState] = useState<ReadState>({ status: 'idle' })

  const read = async () => {
    if (props.cvText.trim().length === 0) {
      setState({ status: 'idle' })
      return
    }
    setState({ status: 'reading' })
    try {
      const suggestion = await extractFromCv(props.cvText)
      const report = props.onSuggestion(suggestion)
      setState({ status: 'read', suggestion, report })
    } catch (error) {
      setState({ status: 'error', error })
    }
  }

  return (
    <section className="cv-panel" aria-labelledby={`${id}-title`} data-testid="cv-panel">
      <h3 id={`${id}-title`} className="group-title">
        {t('cvImport.title')}
      </h3>
      <p className="field-hint" id={`${id}-hint`}>
        {t('cvImport.intro')}
      </p>
      <label className="field-label" htmlFor={`${id}-text`}>
        {t('cvImport.label')}
      </label>
      <textarea
        id={`${id}-text`}
        className="input textarea cv-text"
        rows={8}
        value={props.cvText}
        maxLength={MAX_CV_LENGTH}
        onChange={(event) => props.onCvTextChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        aria-invalid={props.error ? true : undefined}
      />
      {props.error ? <p className="field-error">{renderMessage(props.error, t)}</p> : null}
      <div className="toolbar">
        <button
          type="button"
          className="button button-secondary"
          disabled={state.status === 'reading' || props.cvText.trim().length === 0}
          onClick={() => void read()}
          data-testid="cv-read"
        >
          {state.status === 'reading' ? t('cvImport.reading') : t('cvImport.read')}
        </button>
        <span className="muted">
          {t('cvImport.length', { count: props.cvText.length, max: MAX_CV_LENGTH })}
        </span>
      </div>
      {state.status === 'error' ? (
        <p className="notice notice-error" role="alert">
          {describeError(state.error, t)}
        </p>
      ) : null}
      {state.status === 'read' ? (
        <div className="cv-result" role="status" data-testid="cv-result">
          {state.suggestion.status === 'nothing_extracted' ? (
            <p className="notice notice-muted">{t('cvImport.nothing')}</p>
          ) : (
            <>
              <p className="notice notice-success">
                {t('cvImport.added', {
                  skills: state.report.skills,
                  languages: state.report.languages,
                  education: state.report.education,
                })}
              </p>
              {state.suggestion.warnings.includes('keyword_stuffing_suspected') ? (
                <p className="notice notice-muted">{t('cvImport.stuffing')}</p>
              ) : null}
              <h4 className="mini-title">{t('cvImport.foundTitle')}</h4>
              <dl className="facts facts-compact cv-found">
                <div>
                  <dt>{t('profile.skills')}</dt>
                  <dd>
                    {state.suggestion.skills.length === 0 ? (
                      '–'
                    ) : (
                      <ul className="chips" data-testid="cv-skills">
                        {state.suggestion.skills.map((skill) => (
                          <li
                            key={skill.skill}
                            className="chip"
                            title={t('cvImport.evidence', { text: skill.evidence.join(' … ') })}
                          >
                            {skill.label[locale]}
                            <span className="chip-level">{skill.level}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('profile.languages')}</dt>
                  <dd>
                    {state.suggestion.languages.length === 0
                      ? '–'
                      : state.suggestion.languages
                          .map(
                            (entry) =>
                              `${formatLanguage(entry.language, locale)} ${t(`candidateProfile.cefr.${entry.level}`)}`,
                          )
                          .join(', ')}
                  </dd>
                </div>
                <div>
                  <dt>{t('profile.education')}</dt>
                  <dd>
                    {state.suggestion.education
                      ? [
                          t(`degree.${state.suggestion.education.degree}`),
                          state.suggestion.education.status
                            ? t(`educationStatus.${state.suggestion.education.status}`)
                            : null,
                          state.suggestion.education.graduationDate,
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : '–'}
                  </dd>
                </div>
                <div>
                  <dt>{t('cvImport.experience')}</dt>
                  <dd>
                    {state.suggestion.yearsOfExperience
                      ? t('cvImport.years', { count: state.suggestion.yearsOfExperience.years })
                      : '–'}
                  </dd>
                </div>
              </dl>
              <p className="field-hint">{t('cvImport.checkBelow')}</p>
            </>
          )}
        </div>
      ) : null}
    </section>
  )
}
