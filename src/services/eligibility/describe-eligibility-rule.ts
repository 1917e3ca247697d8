import type { EligibilityRule, EligibilityRuleKind, UiLocale } from '../../domain/index.ts'
import { capitalise, getValueFormatter, type ValueFormatter } from './get-value-formatter.ts'

type RuleOf<K extends EligibilityRuleKind> = Extract<EligibilityRule, { kind: K }>
type RuleTexts = {
  readonly [K in EligibilityRuleKind]: Readonly<
    Record<UiLocale, (rule: RuleOf<K>, f: ValueFormatter) => string>
  >
}

// Each rule kind as a short condition, the way a call for applications states it.
const RULE_TEXTS: RuleTexts = {
  enrolled_or_recent_graduate: {
    ko: (r, f) =>
      `${r.enrolledCountry ? `${f.country(r.enrolledCountry)} 소재 ` : ''}대학 재학 중이거나 졸업 후 ${r.months}개월 이내`,
    en: (r, f) =>
      `Enrolled at a university${r.enrolledCountry ? ` in ${f.country(r.enrolledCountry)}` : ''}, or graduated within the last ${r.months} months`,
    vi: (r, f) =>
      `Đang học đại học${r.enrolledCountry ? ` tại ${f.country(r.enrolledCountry)}` : ''} hoặc đã tốt nghiệp trong vòng ${r.months} tháng`,
  },
  studying_in_country: {
    ko: (r, f) => `${f.country(r.country)} 소재 대학 재학 중`,
    en: (r, f) => `Enrolled at a university in ${f.country(r.country)}`,
    vi: (r, f) => `Đang theo học tại một trường đại học ở ${f.country(r.country)}`,
  },
  nationality_in: {
    ko: (r, f) => `국적: ${f.countries(r.countries)}`,
    en: (r, f) => `Nationality: ${f.countries(r.countries)}`,
    vi: (r, f) => `Quốc tịch: ${f.countries(r.countries)}`,
  },
  nationality_not_in: {
    ko: (r, f) => `지원 불가 국적: ${f.countries(r.countries, 'and')}`,
    en: (r, f) => `Any nationality except ${f.countries(r.countries, 'and')}`,
    vi: (r, f) => `Mọi quốc tịch trừ ${f.countries(r.countries, 'and')}`,
  },
  language_min: {
    ko: (r, f) => `${f.language(r.language)} ${f.level(r.level)} 이상`,
    en: (r, f) => `${f.language(r.language)} at ${f.level(r.level)} or higher`,
    vi: (r, f) => `${f.language(r.language)} trình độ ${f.level(r.level)} trở lên`,
  },
  visa_allowed: {
    ko: (r, f) => `체류자격: ${f.visas(r.statuses)}`,
    en: (r, f) => `Visa status: ${f.visas(r.statuses)}`,
    vi: (r, f) => `Tình trạng thị thực: ${f.visas(r.statuses)}`,
  },
  d2_max_hours: {
    ko: (r) => `D-2 비자 소지자는 학기 중 주 ${r.hoursPerWeek}시간 이하 근무`,
    en: (r) => `D-2 visa holders: at most ${r.hoursPerWeek} hours a week in term`,
    vi: (r) => `Người có thị thực D-2: tối đa ${r.hoursPerWeek} giờ/tuần trong học kỳ`,
  },
  d10_max_months: {
    ko: (r) => `D-10 비자 소지자는 한 회사에서 ${r.months}개월 이하 인턴`,
    en: (r) => `D-10 visa holders: an internship of at most ${r.months} months at one company`,
    vi: (r) => `Người có thị thực D-10: thực tập tại một công ty tối đa ${r.months} tháng`,
  },
  available_from_by: {
    ko: (r) => `${r.date}까지 참여 시작 가능`,
    en: (r) => `Available to start by ${r.date}`,
    vi: (r) => `Có thể bắt đầu chậm nhất ngày ${r.date}`,
  },
  available_for_weeks: {
    ko: (r) => `최소 ${r.weeks}주 참여 가능`,
    en: (r) => `Available for at least ${r.weeks} weeks`,
    vi: (r) => `Có thể tham gia ít nhất ${r.weeks} tuần`,
  },
  min_hours: {
    ko: (r) => `주 ${r.hoursPerWeek}시간 이상 근무 가능`,
    en: (r) => `Can work at least ${r.hoursPerWeek} hours a week`,
    vi: (r) => `Có thể làm ít nhất ${r.hoursPerWeek} giờ/tuần`,
  },
}

/** One rule as a short readable condition in Korean, English or Vietnamese (the operator's note is not added). */
export function describeEligibilityRule(rule: EligibilityRule, locale: UiLocale): string {
  const describe = RULE_TEXTS[rule.kind][locale] as (rule: EligibilityRule, f: ValueFormatter) => string
  return capitalise(describe(rule, getValueFormatter(locale)))
}
