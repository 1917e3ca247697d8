import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ELIGIBILITY_REASON_CODES,
  ELIGIBILITY_RULE_KINDS,
  type EligibilityReason,
  type EligibilityReasonCode,
  type EligibilityRule,
  type EligibilityRuleKind,
  UI_LOCALES,
} from '../../domain/index.ts'
import { DEMO_ELIGIBILITY_RULES } from './demo-eligibility-rules.ts'
import { describeEligibilityReason } from './describe-eligibility-reason.ts'
import { describeEligibilityRule } from './describe-eligibility-rule.ts'

/** Typical params for every code (the Record type makes the table complete). */
const SAMPLE_PARAMS: Record<EligibilityReasonCode, EligibilityReason['params']> = {
  currently_enrolled: { country: 'KR' },
  graduated_within_months: { months: 12, graduationDate: '2026-02-20' },
  graduated_too_long_ago: { months: 12, graduationDate: '2025-02-20' },
  graduation_date_missing: { months: 12 },
  enrolled_outside_country: { requiredCountry: 'KR', country: 'VN' },
  no_education: { months: 12 },
  not_enrolled_in_country: { requiredCountry: 'KR' },
  nationality_allowed: { nationality: 'VN', countries: ['VN', 'ID'] },
  nationality_not_allowed: { nationality: 'IN', countries: ['VN', 'ID'] },
  nationality_excluded: { nationality: 'KR', countries: ['KR'] },
  language_level_met: { language: 'en', level: 'B2', required: 'B1' },
  language_level_below: { language: 'en', level: 'A2', required: 'B1' },
  language_missing: { language: 'ko', required: 'A2' },
  visa_allowed: { visaStatus: 'D-2', statuses: ['D-2', 'D-10'] },
  visa_not_allowed: { visaStatus: 'E-7', statuses: ['D-2', 'D-10', 'abroad'] },
  d2_not_applicable: { visaStatus: 'abroad' },
  d2_hours_within_limit: { hoursPerWeek: 20, maxHours: 25 },
  d2_hours_over_limit: { hoursPerWeek: 40, maxHours: 25 },
  d10_not_applicable: { visaStatus: 'D-2' },
  d10_duration_within_limit: { months: 6, programStart: '2027-07-05', programEnd: '2027-12-24' },
  d10_duration_over_limit: { months: 6, programStart: '2027-03-02', programEnd: '2027-12-24' },
  d10_duration_unknown: { months: 6 },
  available_in_time: { availableFrom: '2027-07-01', date: '2027-07-05' },
  available_too_late: { availableFrom: '2027-07-12', date: '2027-07-05' },
  availability_missing: { date: '2027-07-05' },
  available_weeks_enough: { weeks: 8, availableWeeks: 12, from: '2027-07-05', to: '2027-09-30' },
  available_weeks_too_few: { weeks: 8, availableWeeks: 5, from: '2027-07-05', to: '2027-08-10' },
  available_open_ended: { weeks: 8, from: '2027-07-05' },
  hours_enough: { hoursPerWeek: 40, minHours: 30 },
  hours_too_few: { hoursPerWeek: 20, minHours: 30 },
}

const SAMPLE_RULES: Record<EligibilityRuleKind, EligibilityRule> = {
  enrolled_or_recent_graduate: { kind: 'enrolled_or_recent_graduate', months: 12, enrolledCountry: 'KR' },
  studying_in_country: { kind: 'studying_in_country', country: 'KR' },
  nationality_in: { kind: 'nationality_in', countries: ['VN', 'ID'] },
  nationality_not_in: { kind: 'nationality_not_in', countries: ['KR', 'JP'] },
  language_min: { kind: 'language_min', language: 'en', level: 'B1' },
  visa_allowed: { kind: 'visa_allowed', statuses: ['D-2', 'D-10', 'F-5'] },
  d2_max_hours: { kind: 'd2_max_hours', hoursPerWeek: 25 },
  d10_max_months: { kind: 'd10_max_months', months: 6 },
  available_from_by: { kind: 'available_from_by', date: '2027-07-05' },
  available_for_weeks: { kind: 'available_for_weeks', weeks: 8 },
  min_hours: { kind: 'min_hours', hoursPerWeek: 20 },
}

const reason = (code: EligibilityReasonCode, params = SAMPLE_PARAMS[code]): EligibilityReason => ({
  kind: 'min_hours',
  code,
  params,
  isMet: true,
})

test('every reason code has its own sentence in Korean, English and Vietnamese', () => {
  for (const code of ELIGIBILITY_REASON_CODES) {
    const texts = UI_LOCALES.map((locale) => describeEligibilityReason(reason(code), locale))
    const [ko = '', en = '', vi = ''] = texts
    assert.equal(new Set(texts).size, 3, `${code}: ${texts.join(' | ')}`)
    assert.match(ko, /[가-힣]/u, `${code} ko: ${ko}`)
    assert.match(en, /^[A-Z]/, `${code} en: ${en}`)
    assert.match(vi, /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/iu, `${code} vi: ${vi}`)
    for (const text of texts) {
      assert.match(text, /[.)]$/, `${code}: ${text}`)
      assert.doesNotMatch(text, /undefined|NaN|\[object/, `${code}: ${text}`)
    }
  }
})

test('the graduation sentences read as the hub writes them', () => {
  const late = reason('graduated_too_long_ago')
  assert.equal(describeEligibilityReason(late, 'ko'), '졸업 후 12개월이 지났습니다 (졸업일 2025-02-20).')
  assert.equal(describeEligibilityReason(late, 'en'), 'Graduated more than 12 months ago (on 2025-02-20).')
  assert.equal(describeEligibilityReason(late, 'vi'), 'Đã tốt nghiệp hơn 12 tháng (ngày 2025-02-20).')
})

test('countries, languages, levels and visas are named in the reader’s language', () => {
  const below = reason('language_level_below')
  assert.equal(describeEligibilityReason(below, 'ko'), '영어 수준(A2)이 요구 수준(B1 이상)보다 낮습니다.')
  assert.equal(describeEligibilityReason(below, 'en'), 'English at A2 is below the required B1.')
  assert.equal(
    describeEligibilityReason(below, 'vi'),
    'Trình độ tiếng Anh (A2) thấp hơn mức yêu cầu (từ B1 trở lên).',
  )
  const abroad = reason('enrolled_outside_country')
  assert.match(describeEligibilityReason(abroad, 'ko'), /베트남 소재 대학에 재학 중이지만, 대한민국 소재/)
  assert.match(describeEligibilityReason(abroad, 'vi'), /Việt Nam.*Hàn Quốc/)
  const visa = reason('visa_not_allowed')
  assert.equal(
    describeEligibilityReason(visa, 'en'),
    'Visa status E-7 (professional) is not accepted; accepted: D-2 (student), D-10 (job seeker), or living abroad.',
  )
  const native = reason('language_level_met', { language: 'ko', level: 'native', required: 'B2' })
  assert.match(describeEligibilityReason(native, 'vi'), /tiếng Hàn \(bản ngữ\)/)
})

test('every rule kind reads as a condition in all three locales', () => {
  for (const kind of ELIGIBILITY_RULE_KINDS) {
    const texts = UI_LOCALES.map((locale) => describeEligibilityRule(SAMPLE_RULES[kind], locale))
    assert.equal(new Set(texts).size, 3, `${kind}: ${texts.join(' | ')}`)
    for (const text of texts) assert.doesNotMatch(text, /undefined|NaN|\[object/, `${kind}: ${text}`)
  }
  assert.equal(
    describeEligibilityRule(SAMPLE_RULES.enrolled_or_recent_graduate, 'ko'),
    '대한민국 소재 대학 재학 중이거나 졸업 후 12개월 이내',
  )
  assert.equal(describeEligibilityRule(SAMPLE_RULES.language_min, 'vi'), 'Tiếng Anh trình độ B1 trở lên')
  assert.equal(
    describeEligibilityRule(SAMPLE_RULES.nationality_not_in, 'en'),
    'Any nationality except South Korea and Japan',
  )
})

test('the demo rules describe the global internship', () => {
  const english = DEMO_ELIGIBILITY_RULES.map((rule) => describeEligibilityRule(rule, 'en'))
  assert.deepEqual(english, [
    'Enrolled at a university, or graduated within the last 12 months',
    'English at B1 or higher',
    'Visa status: D-2 (student), D-10 (job seeker), living abroad, no visa needed, F-2 (resident), F-4 (overseas Korean), or F-5 (permanent resident)',
    'D-2 visa holders: at most 25 hours a week in term',
    'D-10 visa holders: an internship of at most 6 months at one company',
  ])
})
