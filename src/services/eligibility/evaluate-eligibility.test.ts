import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import {
  type Education,
  type EligibilityRule,
  EligibilityRuleSchema,
  EligibilityVerdictSchema,
  LANGUAGE_LEVELS,
  UI_LOCALES,
  VISA_STATUSES,
} from '../../domain/index.ts'
import { describeEligibilityReason } from './describe-eligibility-reason.ts'
import { describeEligibilityRule } from './describe-eligibility-rule.ts'
import {
  type EligibilityCandidate,
  type EligibilityOptions,
  evaluateEligibility,
} from './evaluate-eligibility.ts'

// Generators (small value sets so that edges are hit often).

const START = Date.UTC(2023, 0, 1)
const DAY = 86_400_000

/** A day between 2023-01-01 and about 2028-06, as `YYYY-MM-DD`. */
const arbitraryDay = (): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 2000 }).map((offset) => new Date(START + offset * DAY).toISOString().slice(0, 10))

const arbitraryCountry = () => fc.constantFrom('VN', 'KR', 'IN', 'ID', 'US')
const arbitraryLanguage = () => fc.constantFrom('en', 'ko', 'vi')

const arbitraryEducation = (): fc.Arbitrary<Education> =>
  fc.record({
    institution: fc.constant('Demo University'),
    country: arbitraryCountry(),
    degree: fc.constantFrom('bachelor', 'master', 'doctorate', 'high_school', 'bootcamp'),
    field: fc.constant('Computer science'),
    status: fc.constantFrom('enrolled', 'graduated', 'on_leave', 'withdrawn'),
    graduationDate: fc.option(arbitraryDay(), { nil: undefined }),
  })

/** A candidate with the fields eligibility reads. */
const arbitraryCandidate = (): fc.Arbitrary<EligibilityCandidate> =>
  fc.record({
    nationality: arbitraryCountry(),
    languages: fc.array(
      fc.record({ language: arbitraryLanguage(), level: fc.constantFrom(...LANGUAGE_LEVELS) }),
      { maxLength: 3 },
    ),
    education: fc.array(arbitraryEducation(), { maxLength: 3 }),
    visaStatus: fc.constantFrom(...VISA_STATUSES),
    availableFrom: fc.option(arbitraryDay(), { nil: undefined }),
    availableTo: fc.option(arbitraryDay(), { nil: undefined }),
    hoursPerWeek: fc.integer({ min: 1, max: 60 }),
  })

/** Any valid rule of any kind. */
const arbitraryRule = (): fc.Arbitrary<EligibilityRule> =>
  fc.oneof(
    fc.record(
      {
        kind: fc.constant('enrolled_or_recent_graduate' as const),
        months: fc.integer({ min: 1, max: 36 }),
        enrolledCountry: arbitraryCountry(),
      },
      { requiredKeys: ['kind', 'months'] },
    ),
    fc.record({ kind: fc.constant('studying_in_country' as const), country: arbitraryCountry() }),
    fc.record({
      kind: fc.constant('nationality_in' as const),
      countries: fc.uniqueArray(arbitraryCountry(), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('nationality_not_in' as const),
      countries: fc.uniqueArray(arbitraryCountry(), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant('language_min' as const),
      language: arbitraryLanguage(),
      level: fc.constantFrom(...LANGUAGE_LEVELS),
    }),
    fc.record({
      kind: fc.constant('visa_allowed' as const),
      statuses: fc.uniqueArray(fc.constantFrom(...VISA_STATUSES), { minLength: 1, maxLength: 5 }),
    }),
    fc.record({ kind: fc.constant('d2_max_hours' as const), hoursPerWeek: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ kind: fc.constant('d10_max_months' as const), months: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ kind: fc.constant('available_from_by' as const), date: arbitraryDay() }),
    fc.record({ kind: fc.constant('available_for_weeks' as const), weeks: fc.integer({ min: 1, max: 52 }) }),
    fc.record({ kind: fc.constant('min_hours' as const), hoursPerWeek: fc.integer({ min: 1, max: 60 }) }),
  )

/** A reference date and, sometimes, program dates. */
const arbitraryOptions = (): fc.Arbitrary<EligibilityOptions> =>
  fc.record(
    { referenceDate: arbitraryDay(), programStart: arbitraryDay(), programEnd: arbitraryDay() },
    { requiredKeys: ['referenceDate'] },
  )

/** fast-check runs with a fixed seed: the suite is deterministic. */
const FC = { seed: 20270405, numRuns: 400 }

const BASE: EligibilityCandidate = {
  nationality: 'VN',
  languages: [
    { language: 'vi', level: 'native' },
    { language: 'en', level: 'B2' },
  ],
  education: [],
  visaStatus: 'abroad',
  hoursPerWeek: 40,
  availableFrom: undefined,
  availableTo: undefined,
}

const school = (patch: Partial<Education>): Education => ({
  institution: 'Demo University of Technology',
  country: 'VN',
  degree: 'bachelor',
  field: 'Computer science',
  status: 'enrolled',
  ...patch,
})

/** Evaluates one rule for `BASE` changed by `patch` and returns its reason. */
function reasonFor(
  rule: EligibilityRule,
  patch: Partial<EligibilityCandidate>,
  options?: Partial<EligibilityOptions>,
) {
  const verdict = evaluateEligibility({ ...BASE, ...patch }, [rule], {
    referenceDate: '2026-02-20',
    ...options,
  })
  const reason = verdict.reasons[0]
  assert.ok(reason)
  assert.equal(verdict.isEligible, reason.isMet)
  return reason
}

describe('enrolled_or_recent_graduate', () => {
  const rule: EligibilityRule = { kind: 'enrolled_or_recent_graduate', months: 12 }

  test('an enrolled student is met', () => {
    const reason = reasonFor(rule, { education: [school({ graduationDate: '2028-06-30' })] })
    assert.deepEqual(
      [reason.code, reason.isMet, reason.params],
      ['currently_enrolled', true, { country: 'VN' }],
    )
  })

  test('graduated exactly 12 months before the reference date is met; one day more is not', () => {
    const education = [school({ status: 'graduated', graduationDate: '2025-02-20' })]
    const exact = reasonFor(rule, { education }, { referenceDate: '2026-02-20' })
    assert.deepEqual([exact.code, exact.isMet], ['graduated_within_months', true])
    const late = reasonFor(rule, { education }, { referenceDate: '2026-02-21' })
    assert.deepEqual(
      [late.code, late.isMet, late.params],
      ['graduated_too_long_ago', false, { months: 12, graduationDate: '2025-02-20' }],
    )
  })

  test('month ends clamp: 31 August + 6 months is the last day of February', () => {
    const six: EligibilityRule = { kind: 'enrolled_or_recent_graduate', months: 6 }
    const education = [school({ status: 'graduated', graduationDate: '2025-08-31' })]
    assert.equal(reasonFor(six, { education }, { referenceDate: '2026-02-28' }).isMet, true)
    assert.equal(reasonFor(six, { education }, { referenceDate: '2026-03-01' }).isMet, false)
  })

  test('the latest graduation counts', () => {
    const education = [
      school({ status: 'graduated', graduationDate: '2021-06-30' }),
      school({ status: 'graduated', degree: 'master', graduationDate: '2025-08-22' }),
    ]
    const reason = reasonFor(rule, { education })
    assert.deepEqual([reason.code, reason.params.graduationDate], ['graduated_within_months', '2025-08-22'])
  })

  test('a graduate without a graduation date is asked for it, even beside an old dated degree', () => {
    const undated = reasonFor(rule, { education: [school({ status: 'graduated' })] })
    assert.deepEqual(
      [undated.code, undated.isMet, undated.params],
      ['graduation_date_missing', false, { months: 12 }],
    )
    const mixed = reasonFor(rule, {
      education: [
        school({ status: 'graduated', graduationDate: '2019-06-30' }),
        school({ status: 'graduated' }),
      ],
    })
    assert.equal(mixed.code, 'graduation_date_missing')
  })

  test('no education, studies on leave or withdrawn, and non-university records are not met', () => {
    for (const education of [
      [],
      [school({ status: 'on_leave' })],
      [school({ status: 'withdrawn' })],
      [school({ degree: 'bootcamp' })],
      [school({ degree: 'high_school', status: 'graduated', graduationDate: '2025-12-01' })],
    ]) {
      const reason = reasonFor(rule, { education })
      assert.deepEqual([reason.code, reason.isMet], ['no_education', false], JSON.stringify(education))
    }
  })

  test('with enrolledCountry only enrolment there counts, a recent graduation anywhere still does', () => {
    const inKorea: EligibilityRule = { ...rule, enrolledCountry: 'KR' }
    const abroad = reasonFor(inKorea, { education: [school({ country: 'VN' })] })
    assert.deepEqual(
      [abroad.code, abroad.isMet, abroad.params],
      ['enrolled_outside_country', false, { requiredCountry: 'KR', country: 'VN' }],
    )
    assert.equal(reasonFor(inKorea, { education: [school({ country: 'KR' })] }).code, 'currently_enrolled')
    const graduate = reasonFor(inKorea, {
      education: [school({ country: 'VN' }), school({ status: 'graduated', graduationDate: '2025-06-30' })],
    })
    assert.equal(graduate.code, 'graduated_within_months')
  })
})

test('studying_in_country: only current enrolment in that country', () => {
  const rule: EligibilityRule = { kind: 'studying_in_country', country: 'KR' }
  assert.equal(reasonFor(rule, { education: [school({ country: 'KR' })] }).code, 'currently_enrolled')
  const graduated = reasonFor(rule, {
    education: [school({ country: 'KR', status: 'graduated', graduationDate: '2026-02-01' })],
  })
  assert.deepEqual([graduated.code, graduated.isMet], ['not_enrolled_in_country', false])
  assert.equal(reasonFor(rule, { education: [] }).code, 'not_enrolled_in_country')
})

test('nationality_in and nationality_not_in', () => {
  const only: EligibilityRule = { kind: 'nationality_in', countries: ['VN', 'ID'] }
  const except: EligibilityRule = { kind: 'nationality_not_in', countries: ['KR'] }
  assert.deepEqual(reasonFor(only, {}).params, { nationality: 'VN', countries: ['VN', 'ID'] })
  assert.equal(reasonFor(only, {}).code, 'nationality_allowed')
  assert.equal(reasonFor(only, { nationality: 'KR' }).code, 'nationality_not_allowed')
  assert.equal(reasonFor(except, {}).code, 'nationality_allowed')
  assert.deepEqual(
    [reasonFor(except, { nationality: 'KR' }).code, reasonFor(except, { nationality: 'KR' }).isMet],
    ['nationality_excluded', false],
  )
})

test('language_min: at the level is met, below or missing is not, native is highest, the best entry counts', () => {
  const b1: EligibilityRule = { kind: 'language_min', language: 'en', level: 'B1' }
  const exact = reasonFor(b1, { languages: [{ language: 'en', level: 'B1' }] })
  assert.deepEqual(
    [exact.code, exact.params],
    ['language_level_met', { language: 'en', level: 'B1', required: 'B1' }],
  )
  assert.equal(reasonFor(b1, { languages: [{ language: 'en', level: 'A2' }] }).code, 'language_level_below')
  assert.deepEqual(reasonFor(b1, { languages: [{ language: 'vi', level: 'native' }] }).params, {
    language: 'en',
    required: 'B1',
  })
  assert.equal(reasonFor(b1, { languages: [] }).code, 'language_missing')
  const native: EligibilityRule = { kind: 'language_min', language: 'en', level: 'C2' }
  assert.equal(reasonFor(native, { languages: [{ language: 'en', level: 'native' }] }).isMet, true)
  const twice = reasonFor(b1, {
    languages: [
      { language: 'en', level: 'A2' },
      { language: 'en', level: 'C1' },
    ],
  })
  assert.deepEqual([twice.isMet, twice.params.level], [true, 'C1'])
})

test('visa_allowed', () => {
  const rule: EligibilityRule = { kind: 'visa_allowed', statuses: ['D-2', 'D-10'] }
  assert.equal(reasonFor(rule, { visaStatus: 'D-10' }).code, 'visa_allowed')
  const refused = reasonFor(rule, { visaStatus: 'E-7' })
  assert.deepEqual(
    [refused.code, refused.isMet, refused.params],
    ['visa_not_allowed', false, { visaStatus: 'E-7', statuses: ['D-2', 'D-10'] }],
  )
})

test('d2_max_hours: applies to D-2 only; exactly the limit is met', () => {
  const rule: EligibilityRule = { kind: 'd2_max_hours', hoursPerWeek: 25 }
  assert.deepEqual(
    [
      reasonFor(rule, { visaStatus: 'D-10', hoursPerWeek: 40 }).code,
      reasonFor(rule, { visaStatus: 'D-10' }).isMet,
    ],
    ['d2_not_applicable', true],
  )
  assert.equal(reasonFor(rule, { visaStatus: 'D-2', hoursPerWeek: 25 }).code, 'd2_hours_within_limit')
  const over = reasonFor(rule, { visaStatus: 'D-2', hoursPerWeek: 26 })
  assert.deepEqual(
    [over.code, over.isMet, over.params],
    ['d2_hours_over_limit', false, { hoursPerWeek: 26, maxHours: 25 }],
  )
})

test('d10_max_months: compares the program dates; exactly 6 months is met; unknown dates are flagged but met', () => {
  const rule: EligibilityRule = { kind: 'd10_max_months', months: 6 }
  const d10 = { visaStatus: 'D-10' as const }
  assert.equal(reasonFor(rule, { visaStatus: 'D-2' }).code, 'd10_not_applicable')
  const exact = reasonFor(rule, d10, { programStart: '2027-01-31', programEnd: '2027-07-31' })
  assert.deepEqual([exact.code, exact.isMet], ['d10_duration_within_limit', true])
  const over = reasonFor(rule, d10, { programStart: '2027-01-31', programEnd: '2027-08-01' })
  assert.deepEqual(
    [over.code, over.isMet, over.params],
    ['d10_duration_over_limit', false, { months: 6, programStart: '2027-01-31', programEnd: '2027-08-01' }],
  )
  const unknown = reasonFor(rule, d10, { programStart: '2027-01-31' })
  assert.deepEqual([unknown.code, unknown.isMet], ['d10_duration_unknown', true])
})

test('available_from_by: on the day is met, later or not given is not', () => {
  const rule: EligibilityRule = { kind: 'available_from_by', date: '2027-07-05' }
  assert.equal(reasonFor(rule, { availableFrom: '2027-07-05' }).code, 'available_in_time')
  assert.equal(reasonFor(rule, { availableFrom: '2027-07-06' }).code, 'available_too_late')
  const missing = reasonFor(rule, {})
  assert.deepEqual([missing.code, missing.isMet], ['availability_missing', false])
})

test('available_for_weeks: both ends count; from the later of availability and program start', () => {
  const rule: EligibilityRule = { kind: 'available_for_weeks', weeks: 8 }
  const exact = reasonFor(rule, { availableFrom: '2027-07-05', availableTo: '2027-08-29' })
  assert.deepEqual(
    [exact.code, exact.params],
    ['available_weeks_enough', { weeks: 8, availableWeeks: 8, from: '2027-07-05', to: '2027-08-29' }],
  )
  const short = reasonFor(rule, { availableFrom: '2027-07-05', availableTo: '2027-08-28' })
  assert.deepEqual(
    [short.code, short.isMet, short.params.availableWeeks],
    ['available_weeks_too_few', false, 7],
  )
  const laterProgram = reasonFor(
    rule,
    { availableFrom: '2027-07-05', availableTo: '2027-08-29' },
    { programStart: '2027-07-12' },
  )
  assert.deepEqual([laterProgram.isMet, laterProgram.params.from], [false, '2027-07-12'])
  assert.deepEqual(reasonFor(rule, { availableTo: '2027-01-01' }, { referenceDate: '2027-03-01' }).params, {
    weeks: 8,
    availableWeeks: 0,
    from: '2027-03-01',
    to: '2027-01-01',
  })
  const open = reasonFor(rule, { availableFrom: '2027-07-05' })
  assert.deepEqual([open.code, open.isMet], ['available_open_ended', true])
})

test('min_hours: exactly the minimum is met', () => {
  const rule: EligibilityRule = { kind: 'min_hours', hoursPerWeek: 20 }
  assert.equal(reasonFor(rule, { hoursPerWeek: 20 }).code, 'hours_enough')
  assert.deepEqual(reasonFor(rule, { hoursPerWeek: 19 }).isMet, false)
})

test('a verdict lists every rule in order, carries rule ids, and is eligible only when all are met', () => {
  const rules: EligibilityRule[] = [
    { id: 'english', kind: 'language_min', language: 'en', level: 'B1' },
    { kind: 'min_hours', hoursPerWeek: 41 },
  ]
  const verdict = evaluateEligibility(BASE, rules, { referenceDate: '2027-04-05' })
  assert.equal(verdict.isEligible, false)
  assert.equal(verdict.referenceDate, '2027-04-05')
  assert.deepEqual(
    verdict.reasons.map((r) => [r.ruleId, r.kind, r.isMet]),
    [
      ['english', 'language_min', true],
      [undefined, 'min_hours', false],
    ],
  )
  assert.ok(!('ruleId' in (verdict.reasons[1] ?? {})), 'no ruleId key when the rule has no id')
  assert.deepEqual(evaluateEligibility(BASE, [], { referenceDate: '2027-04-05' }), {
    isEligible: true,
    referenceDate: '2027-04-05',
    reasons: [],
  })
})

describe('properties', () => {
  const rulesArbitrary = fc.array(arbitraryRule(), { maxLength: 6 })

  test('generated rules are valid rules', () => {
    fc.assert(
      fc.property(arbitraryRule(), (rule) => EligibilityRuleSchema.safeParse(rule).success),
      FC,
    )
  })

  test('deterministic, one reason per rule in order, eligible iff all met, valid and JSON-stable', () => {
    fc.assert(
      fc.property(arbitraryCandidate(), rulesArbitrary, arbitraryOptions(), (candidate, rules, options) => {
        const verdict = evaluateEligibility(candidate, rules, options)
        assert.deepEqual(evaluateEligibility(candidate, rules, options), verdict)
        assert.equal(verdict.reasons.length, rules.length)
        assert.deepEqual(
          verdict.reasons.map((reason) => reason.kind),
          rules.map((rule) => rule.kind),
        )
        assert.equal(
          verdict.isEligible,
          verdict.reasons.every((reason) => reason.isMet),
        )
        assert.ok(EligibilityVerdictSchema.safeParse(verdict).success)
        assert.deepEqual(JSON.parse(JSON.stringify(verdict)), verdict)
      }),
      FC,
    )
  })

  test('dropping a rule never makes an eligible candidate ineligible', () => {
    fc.assert(
      fc.property(
        arbitraryCandidate(),
        rulesArbitrary,
        arbitraryOptions(),
        fc.nat(),
        (candidate, rules, options, drop) => {
          fc.pre(rules.length > 0)
          const fewer = rules.filter((_, index) => index !== drop % rules.length)
          if (evaluateEligibility(candidate, rules, options).isEligible)
            assert.ok(evaluateEligibility(candidate, fewer, options).isEligible)
        },
      ),
      FC,
    )
  })

  test('a recent graduate within N months is also within N + 1 months; a later check never helps', () => {
    fc.assert(
      fc.property(
        arbitraryCandidate(),
        fc.integer({ min: 1, max: 36 }),
        arbitraryDay(),
        fc.integer({ min: 0, max: 400 }),
        (candidate, months, referenceDate, laterBy) => {
          const rule = (m: number): EligibilityRule[] => [{ kind: 'enrolled_or_recent_graduate', months: m }]
          const now = evaluateEligibility(candidate, rule(months), { referenceDate }).isEligible
          if (now) assert.ok(evaluateEligibility(candidate, rule(months + 1), { referenceDate }).isEligible)
          const later = new Date(Date.parse(referenceDate) + laterBy * DAY).toISOString().slice(0, 10)
          if (!now)
            assert.ok(!evaluateEligibility(candidate, rule(months), { referenceDate: later }).isEligible)
        },
      ),
      FC,
    )
  })

  test('every reason and rule the engine produces reads as a sentence in ko, en and vi', () => {
    fc.assert(
      fc.property(arbitraryCandidate(), rulesArbitrary, arbitraryOptions(), (candidate, rules, options) => {
        for (const reason of evaluateEligibility(candidate, rules, options).reasons) {
          for (const locale of UI_LOCALES) {
            const text = describeEligibilityReason(reason, locale)
            assert.match(text, /^\S.{10,}[.)]$/u, `${reason.code} ${locale}: ${text}`)
            assert.doesNotMatch(text, /undefined|NaN|\[object|\$\{/, `${reason.code} ${locale}: ${text}`)
          }
        }
        for (const rule of rules) {
          for (const locale of UI_LOCALES) {
            const text = describeEligibilityRule(rule, locale)
            assert.ok(text.length > 5)
            assert.doesNotMatch(text, /undefined|NaN|\[object/, `${rule.kind} ${locale}: ${text}`)
          }
        }
      }),
      { ...FC, numRuns: 150 },
    )
  })
})
