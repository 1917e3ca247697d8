import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ELIGIBILITY_RULE_KINDS,
  type EligibilityRule,
  type EligibilityRuleKind,
  type EligibilityRulesPreview,
  type LocalizedEligibilityRule,
} from '../domain/index.ts'
import { ApiError } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { describeError } from './describe-error.ts'
import {
  changeRuleKind,
  createRuleDraft,
  draftFromRule,
  messageForServerIssue,
  type RuleDraft,
  type RuleErrors,
  readRuleDraft,
} from './eligibility-rule-draft.ts'
import { RuleFields } from './eligibility-rule-fields.tsx'
import { formatNumber } from './format.ts'
import { fetchEligibilityRules, previewEligibilityRules, saveEligibilityRules } from './operator-api.ts'
import { useApiData } from './use-api-data.ts'

/** A program's eligibility rules as sentences; operators edit them in a structured form. */
export function EligibilityRulesPanel(props: {
  readonly programId: string
  readonly canEdit: boolean
  readonly onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { programId } = props
  const load = useCallback(() => fetchEligibilityRules(programId, locale), [programId, locale])
  const rules = useApiData(`eligibility-rules:${programId}:${locale}`, load)
  const [isEditing, setIsEditing] = useState(false)
  const [isSavedShown, setIsSavedShown] = useState(false)
  return (
    <section className="section" aria-labelledby="eligibility-rules-title" data-testid="eligibility-rules">
      <div className="section-head">
        <h2 id="eligibility-rules-title" className="section-title">
          {t('eligibilityScreen.rulesTitle')}
        </h2>
        {props.canEdit && !isEditing && rules.status === 'ready' ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setIsSavedShown(false)
              setIsEditing(true)
            }}
          >
            {t('eligibilityScreen.editRules')}
          </button>
        ) : null}
      </div>
      <p className="card-text">{t('eligibilityScreen.rulesIntro')}</p>
      {isSavedShown ? (
        <p className="notice notice-success" role="status">
          {t('eligibilityScreen.rulesSaved')}
        </p>
      ) : null}
      <AsyncView data={rules}>
        {(data) =>
          isEditing ? (
            <EligibilityRulesEditor
              programId={programId}
              rules={data.rules.map((entry) => entry.rule)}
              onCancel={() => setIsEditing(false)}
              onSaved={() => {
                setIsEditing(false)
                setIsSavedShown(true)
                rules.reload()
                props.onSaved()
              }}
            />
          ) : (
            <RuleSentences rules={data.rules} />
          )
        }
      </AsyncView>
    </section>
  )
}

function RuleSentences(props: { readonly rules: readonly LocalizedEligibilityRule[] }) {
  const { t } = useTranslation()
  if (props.rules.length === 0) return <p className="muted">{t('eligibilityScreen.noRules')}</p>
  return (
    <ol className="rule-sentences" data-testid="rule-sentences">
      {props.rules.map((entry, index) => (
        <li key={entry.rule.id ?? `${entry.rule.kind}-${index}`} className="rule-sentence">
          <span className="cell-strong">{entry.text}</span>
          {entry.rule.note ? <span className="cell-sub">{entry.rule.note}</span> : null}
        </li>
      ))}
    </ol>
  )
}

/** A new key for a draft row (React keys only; never stored). */
let draftCounter = 0
const nextKey = () => {
  draftCounter += 1
  return `rule-${draftCounter}`
}

type Preview =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly texts: readonly string[]; readonly impact: EligibilityRulesPreview }
  | { readonly status: 'error'; readonly error: unknown }

/** The structured rule form: one card per rule, live sentences and the effect on applicants, then save. */
function EligibilityRulesEditor(props: {
  readonly programId: string
  readonly rules: readonly EligibilityRule[]
  readonly onCancel: () => void
  readonly onSaved: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const formId = useId()
  const [drafts, setDrafts] = useState<readonly RuleDraft[]>(() =>
    props.rules.map((rule) => draftFromRule(rule, nextKey())),
  )
  const [serverErrors, setServerErrors] = useState<Readonly<Record<string, RuleErrors>>>({})
  const [isSubmitted, setIsSubmitted] = useState(false)
  const [newKind, setNewKind] = useState<EligibilityRuleKind>('language_min')
  const [isSaving, setIsSaving] = useState(false)
  const [saveError, setSaveError] = useState<unknown>(null)
  const [preview, setPreview] = useState<Preview>({ status: 'idle' })
  const focusKey = useRef<string | null>(null)

  const checked = drafts.map((draft) => readRuleDraft(draft))
  const isValid = checked.every((entry) => entry.rule !== null)
  const validRules = checked.flatMap((entry) => (entry.rule ? [entry.rule] : []))
  const rulesKey = JSON.stringify(validRules)

  // The sentences and the effect follow the form, a moment after the operator stops typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rulesKey` stands for `validRules`
  useEffect(() => {
    if (!isValid) {
      setPreview({ status: 'idle' })
      return
    }
    let isCurrent = true
    setPreview({ status: 'loading' })
    const timer = window.setTimeout(() => {
      previewEligibilityRules(props.programId, validRules, locale).then(
        (answer) => {
          if (isCurrent)
            setPreview({
              status: 'ready',
              texts: answer.rules.map((entry) => entry.text),
              impact: answer.impact,
            })
        },
        (error: unknown) => {
          if (isCurrent) setPreview({ status: 'error', error })
        },
      )
    }, 350)
    return () => {
      isCurrent = false
      window.clearTimeout(timer)
    }
  }, [rulesKey, isValid, props.programId, locale])

  useEffect(() => {
    if (!focusKey.current) return
    document.getElementById(`${formId}-${focusKey.current}-kind`)?.focus()
    focusKey.current = null
  })

  const update = (index: number, draft: RuleDraft) => {
    setDrafts(drafts.map((current, i) => (i === index ? draft : current)))
    setServerErrors({ ...serverErrors, [draft.key]: {} })
  }
  const move = (index: number, offset: number) => {
    const target = index + offset
    if (target < 0 || target >= drafts.length) return
    const next = [...drafts]
    const [moved] = next.splice(index, 1)
    if (moved) next.splice(target, 0, moved)
    setDrafts(next)
  }
  const add = () => {
    const draft = createRuleDraft(newKind, nextKey())
    focusKey.current = draft.key
    setDrafts([...drafts, draft])
  }

  const save = async () => {
    setIsSubmitted(true)
    setSaveError(null)
    if (!isValid) return
    setIsSaving(true)
    try {
      await saveEligibilityRules(props.programId, validRules, locale)
      props.onSaved()
    } catch (error) {
      setSaveError(error)
      if (error instanceof ApiError) setServerErrors(readServerIssues(error, drafts))
      setIsSaving(false)
    }
  }

  return (
    <form
      className="form rule-editor"
      aria-label={t('eligibilityScreen.editorLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      {drafts.length === 0 ? <p className="muted">{t('eligibilityScreen.noRulesDraft')}</p> : null}
      <ol className="rule-drafts">
        {drafts.map((draft, index) => {
          const own = checked[index]
          const errors: RuleErrors = {
            ...(isSubmitted || draft.isTouched ? own?.errors : {}),
            ...serverErrors[draft.key],
          }
          const sentence =
            preview.status === 'ready' && isValid ? preview.texts[index] : own?.rule ? null : undefined
          const prefix = `${formId}-${draft.key}`
          return (
            <li key={draft.key} className="card rule-draft" data-testid="rule-draft">
              <div className="rule-draft-head">
                <span className="rank-number" aria-hidden="true">
                  {index + 1}
                </span>
                <label className="field field-inline rule-kind">
                  <span className="field-label">{t('eligibilityScreen.ruleKind')}</span>
                  <select
                    id={`${prefix}-kind`}
                    className="input"
                    value={draft.kind}
                    onChange={(event) =>
                      update(index, {
                        ...changeRuleKind(draft, event.target.value as EligibilityRuleKind),
                        isTouched: true,
                      })
                    }
                  >
                    {ELIGIBILITY_RULE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`eligibilityScreen.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="rank-actions">
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    disabled={index === 0}
                    aria-label={t('eligibilityScreen.moveUp', { number: index + 1 })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    disabled={index === drafts.length - 1}
                    aria-label={t('eligibilityScreen.moveDown', { number: index + 1 })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    aria-label={t('eligibilityScreen.removeRule', { number: index + 1 })}
                    onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}
                  >
                    {t('eligibilityScreen.remove')}
                  </button>
                </div>
              </div>
              <p className="rule-preview" aria-live="polite" data-testid="rule-preview">
                {sentence
                  ? sentence
                  : sentence === null
                    ? t('eligibilityScreen.previewPending')
                    : t('eligibilityScreen.previewInvalid')}
              </p>
              <RuleFields
                draft={draft}
                errors={errors}
                idPrefix={prefix}
                onChange={(changed) => update(index, { ...changed, isTouched: true })}
              />
            </li>
          )
        })}
      </ol>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('eligibilityScreen.newRuleKind')}</span>
          <select
            className="input"
            value={newKind}
            onChange={(event) => setNewKind(event.target.value as EligibilityRuleKind)}
          >
            {ELIGIBILITY_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`eligibilityScreen.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-secondary" onClick={add}>
          {t('eligibilityScreen.addRule')}
        </button>
      </div>
      <ImpactNote preview={preview} isValid={isValid} />
      {saveError ? (
        <p className="notice notice-error" role="alert">
          {describeError(saveError, t)}
        </p>
      ) : null}
      {isSubmitted && !isValid ? (
        <p className="notice notice-error" role="alert">
          {t('eligibilityScreen.errors.check')}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={isSaving}>
          {isSaving ? t('eligibilityScreen.saving') : t('eligibilityScreen.saveRules')}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/** Maps the server's `body.rules.<i>.<field>` issues onto the drafts' fields. */
function readServerIssues(error: ApiError, drafts: readonly RuleDraft[]): Record<string, RuleErrors> {
  const found: Record<string, RuleErrors> = {}
  for (const issue of error.issues) {
    const parts = String(issue.path).split('.')
    if (parts[0] !== 'body' || parts[1] !== 'rules') continue
    const draft = drafts[Number(parts[2])]
    if (!draft) continue
    const [field, message] = messageForServerIssue(draft, parts.slice(3))
    found[draft.key] = { ...found[draft.key], [field]: message }
  }
  return found
}

function ImpactNote(props: { readonly preview: Preview; readonly isValid: boolean }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { preview } = props
  if (!props.isValid) return null
  if (preview.status === 'error')
    return (
      <p className="notice notice-error" role="alert">
        {describeError(preview.error, t)}
      </p>
    )
  if (preview.status !== 'ready')
    return (
      <p className="notice notice-muted" role="status">
        {t('eligibilityScreen.impactLoading')}
      </p>
    )
  const { impact } = preview
  return (
    <div className="notice notice-muted impact-note" role="status" data-testid="rules-impact">
      <span>
        {t('eligibilityScreen.impact', {
          eligible: formatNumber(impact.eligible, locale),
          ineligible: formatNumber(impact.ineligible, locale),
          date: impact.referenceDate,
        })}
      </span>
      <span>
        {impact.changed === 0
          ? t('eligibilityScreen.impactNoChange')
          : t('eligibilityScreen.impactChange', {
              count: impact.changed,
              toEligible: formatNumber(impact.becomeEligible, locale),
              toIneligible: formatNumber(impact.becomeIneligible, locale),
            })}
      </span>
    </div>
  )
}
