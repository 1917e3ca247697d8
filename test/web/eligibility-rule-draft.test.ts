import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ELIGIBILITY_RULE_KINDS,
  type EligibilityRule,
  type EligibilityRuleKind,
} from '../../src/domain/index.ts'
import { DEMO_ELIGIBILITY_RULES } from '../../src/services/eligibility/index.ts'
import {
  changeRuleKind,
  createRuleDraft,
  draftFromRule,
  FIELDS_OF_KIND,
  messageForServerIssue,
  readRuleDraft,
} from '../../src/web/eligibility-rule-draft.ts'

// The operator's rule form keeps rules as text fields; these tests hold it to the domain schema: every kind
// survives the round trip, every fresh rule of a kind is valid, and bad values are named by their field.

const SAMPLES: Readonly<Record<EligibilityRuleKind, EligibilityRule>> = {
  enrolled_or_recent_graduate: {
    id: 'study',
    kind: 'enrolled_or_recent_graduate',
    months: 12,
    enrolledCountry: 'KR',
  },
  studying_in_country: { kind: 'studying_in_country', country: 'KR', note: 'Korean universities only' },
  nationality_in: { kind: 'nationality_in', countries: ['VN', 'ID'] },
  nationality_not_in: { kind: 'nationality_not_in', countries: ['KR'] },
  language_min: { kind: 'language_min', language: 'ko', level: 'B2' },
  visa_allowed: { kind: 'visa_allowed', statuses: ['D-2', 'D-10'] },
  d2_max_hours: { kind: 'd2_max_hours', hoursPerWeek: 25 },
  d10_max_months: { kind: 'd10_max_months', months: 6 },
  available_from_by: { kind: 'available_from_by', date: '2027-07-05' },
  available_for_weeks: { kind: 'available_for_weeks', weeks: 8 },
  min_hours: { kind: 'min_hours', hoursPerWeek: 20 },
}

test('every rule kind and the demo rules survive draft → rule unchanged', () => {
  for (const rule of [...Object.values(SAMPLES), ...DEMO_ELIGIBILITY_RULES]) {
    const { rule: read, errors } = readRuleDraft(draftFromRule(rule, 'k'))
    assert.deepEqual(errors, {}, JSON.stringify(rule))
    assert.deepEqual(read, rule)
  }
  assert.deepEqual(Object.keys(SAMPLES).sort(), [...ELIGIBILITY_RULE_KINDS].sort(), 'a sample per kind')
})

test('a fresh rule of each kind starts valid, except where the operator must choose (countries, date)', () => {
  const needsChoice = new Set<EligibilityRuleKind>(['nationality_in', 'available_from_by'])
  for (const kind of ELIGIBILITY_RULE_KINDS) {
    const { rule, errors } = readRuleDraft(createRuleDraft(kind, 'k'))
    if (needsChoice.has(kind)) {
      assert.equal(rule, null, kind)
      assert.deepEqual(Object.keys(errors), [FIELDS_OF_KIND[kind][0]], kind)
    } else assert.equal(rule?.kind, kind, JSON.stringify(errors))
  }
})

test('bad values are named by their field with the allowed range', () => {
  const months = readRuleDraft({ ...draftFromRule(SAMPLES.enrolled_or_recent_graduate, 'k'), months: '0' })
  assert.equal(months.rule, null)
  assert.deepEqual(months.errors, {
    months: { key: 'eligibilityScreen.errors.wholeNumber', values: { min: 1, max: 120 } },
  })
  const empty = readRuleDraft({ ...draftFromRule(SAMPLES.min_hours, 'k'), hoursPerWeek: ' ' })
  assert.deepEqual(empty.errors, { hoursPerWeek: { key: 'eligibilityScreen.errors.required' } })
  const fraction = readRuleDraft({ ...draftFromRule(SAMPLES.available_for_weeks, 'k'), weeks: '2.5' })
  assert.deepEqual(Object.keys(fraction.errors), ['weeks'])
  const noVisa = readRuleDraft({ ...draftFromRule(SAMPLES.visa_allowed, 'k'), statuses: [] })
  assert.deepEqual(noVisa.errors, { statuses: { key: 'eligibilityScreen.errors.statuses' } })
  const badDate = readRuleDraft({ ...draftFromRule(SAMPLES.available_from_by, 'k'), date: '2027-02-30' })
  assert.deepEqual(Object.keys(badDate.errors), ['date'])
  const longNote = readRuleDraft({ ...draftFromRule(SAMPLES.min_hours, 'k'), note: 'x'.repeat(501) })
  assert.deepEqual(Object.keys(longNote.errors), ['note'])
})

test('changing the kind keeps the note and id and fills the new kind; server issues map to fields', () => {
  const draft = draftFromRule(SAMPLES.enrolled_or_recent_graduate, 'k')
  const changed = changeRuleKind({ ...draft, note: 'why' }, 'language_min')
  assert.deepEqual(readRuleDraft(changed).rule, {
    id: 'study',
    kind: 'language_min',
    language: 'en',
    level: 'B1',
    note: 'why',
  })
  const [field, message] = messageForServerIssue(draftFromRule(SAMPLES.nationality_in, 'k'), [
    'countries',
    '0',
  ])
  assert.equal(field, 'countries')
  assert.deepEqual(message, { key: 'eligibilityScreen.errors.countries' })
})
