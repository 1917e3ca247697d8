import type { EligibilityReason, EligibilityReasonCode, UiLocale } from '../../domain/index.ts'
import { capitalise, getValueFormatter, type ValueFormatter } from './get-value-formatter.ts'

type Params = EligibilityReason['params']
/** One sentence builder: the reason's params and the locale's value names in, a sentence out. */
type Sentence = (p: (key: string) => string, raw: Params, f: ValueFormatter) => string

// Every reason code in Korean, English and Vietnamese. Dates stay `YYYY-MM-DD`, as on the forms.
const REASON_TEXTS: Readonly<Record<EligibilityReasonCode, Readonly<Record<UiLocale, Sentence>>>> = {
  currently_enrolled: {
    ko: (_, raw, f) => `${f.country(raw.country)} 소재 대학에 재학 중입니다.`,
    en: (_, raw, f) => `Currently enrolled at a university in ${f.country(raw.country)}.`,
    vi: (_, raw, f) => `Đang theo học tại một trường đại học ở ${f.country(raw.country)}.`,
  },
  graduated_within_months: {
    ko: (p) => `졸업 후 ${p('months')}개월이 지나지 않았습니다 (졸업일 ${p('graduationDate')}).`,
    en: (p) => `Graduated within the last ${p('months')} months (on ${p('graduationDate')}).`,
    vi: (p) => `Đã tốt nghiệp trong vòng ${p('months')} tháng (ngày ${p('graduationDate')}).`,
  },
  graduated_too_long_ago: {
    ko: (p) => `졸업 후 ${p('months')}개월이 지났습니다 (졸업일 ${p('graduationDate')}).`,
    en: (p) => `Graduated more than ${p('months')} months ago (on ${p('graduationDate')}).`,
    vi: (p) => `Đã tốt nghiệp hơn ${p('months')} tháng (ngày ${p('graduationDate')}).`,
  },
  graduation_date_missing: {
    ko: (p) => `프로필에 졸업일이 없어 졸업 후 ${p('months')}개월 이내인지 확인할 수 없습니다.`,
    en: (p) =>
      `The graduation date is missing from the profile, so graduation within the last ${p('months')} months cannot be confirmed.`,
    vi: (p) =>
      `Hồ sơ chưa có ngày tốt nghiệp nên không thể xác nhận đã tốt nghiệp trong vòng ${p('months')} tháng.`,
  },
  enrolled_outside_country: {
    ko: (_, raw, f) =>
      `${f.country(raw.country)} 소재 대학에 재학 중이지만, ${f.country(raw.requiredCountry)} 소재 대학 재학생이어야 합니다.`,
    en: (_, raw, f) =>
      `Enrolled at a university in ${f.country(raw.country)}, but enrolment in ${f.country(raw.requiredCountry)} is required.`,
    vi: (_, raw, f) =>
      `Đang học tại một trường đại học ở ${f.country(raw.country)}, nhưng yêu cầu đang học tại ${f.country(raw.requiredCountry)}.`,
  },
  no_education: {
    ko: (p) => `프로필에 재학 중이거나 최근 ${p('months')}개월 이내에 졸업한 대학 학력이 없습니다.`,
    en: (p) =>
      `The profile shows no current university studies and no graduation in the last ${p('months')} months.`,
    vi: (p) =>
      `Hồ sơ không có quá trình đang học đại học hoặc tốt nghiệp đại học trong vòng ${p('months')} tháng.`,
  },
  not_enrolled_in_country: {
    ko: (_, raw, f) => `${f.country(raw.requiredCountry)} 소재 대학에 재학 중이 아닙니다.`,
    en: (_, raw, f) => `Not currently enrolled at a university in ${f.country(raw.requiredCountry)}.`,
    vi: (_, raw, f) => `Hiện không theo học tại trường đại học nào ở ${f.country(raw.requiredCountry)}.`,
  },
  nationality_allowed: {
    ko: (_, raw, f) => `국적(${f.country(raw.nationality)})이 지원 대상입니다.`,
    en: (_, raw, f) => `Nationality ${f.country(raw.nationality)} is eligible.`,
    vi: (_, raw, f) => `Quốc tịch ${f.country(raw.nationality)} thuộc diện được tham gia.`,
  },
  nationality_not_allowed: {
    ko: (_, raw, f) =>
      `국적(${f.country(raw.nationality)})이 지원 대상 국적(${f.countries(raw.countries)})에 포함되지 않습니다.`,
    en: (_, raw, f) =>
      `Nationality ${f.country(raw.nationality)} is not eligible; eligible: ${f.countries(raw.countries)}.`,
    vi: (_, raw, f) =>
      `Quốc tịch ${f.country(raw.nationality)} không thuộc diện được tham gia; được tham gia: ${f.countries(raw.countries)}.`,
  },
  nationality_excluded: {
    ko: (_, raw, f) => `${f.country(raw.nationality)} 국적자는 이 프로그램에 지원할 수 없습니다.`,
    en: (_, raw, f) => `Nationals of ${f.country(raw.nationality)} are not eligible for this program.`,
    vi: (_, raw, f) =>
      `Người mang quốc tịch ${f.country(raw.nationality)} không thuộc diện tham gia chương trình này.`,
  },
  language_level_met: {
    ko: (_, raw, f) =>
      `${f.language(raw.language)} 수준(${f.level(raw.level)})이 요구 수준(${f.level(raw.required)} 이상)을 충족합니다.`,
    en: (_, raw, f) =>
      `${f.language(raw.language)} at ${f.level(raw.level)} meets the required ${f.level(raw.required)} or higher.`,
    vi: (_, raw, f) =>
      `Trình độ ${f.language(raw.language)} (${f.level(raw.level)}) đạt yêu cầu (từ ${f.level(raw.required)} trở lên).`,
  },
  language_level_below: {
    ko: (_, raw, f) =>
      `${f.language(raw.language)} 수준(${f.level(raw.level)})이 요구 수준(${f.level(raw.required)} 이상)보다 낮습니다.`,
    en: (_, raw, f) =>
      `${f.language(raw.language)} at ${f.level(raw.level)} is below the required ${f.level(raw.required)}.`,
    vi: (_, raw, f) =>
      `Trình độ ${f.language(raw.language)} (${f.level(raw.level)}) thấp hơn mức yêu cầu (từ ${f.level(raw.required)} trở lên).`,
  },
  language_missing: {
    ko: (_, raw, f) =>
      `프로필에 ${f.language(raw.language)} 수준이 없습니다 (${f.level(raw.required)} 이상 필요).`,
    en: (_, raw, f) =>
      `No ${f.language(raw.language)} level is given in the profile (${f.level(raw.required)} or higher is required).`,
    vi: (_, raw, f) =>
      `Hồ sơ chưa ghi trình độ ${f.language(raw.language)} (yêu cầu từ ${f.level(raw.required)} trở lên).`,
  },
  visa_allowed: {
    ko: (_, raw, f) => `체류자격 ${f.visa(raw.visaStatus)}: 지원할 수 있습니다.`,
    en: (_, raw, f) => `Visa status ${f.visa(raw.visaStatus)} is accepted.`,
    vi: (_, raw, f) => `Tình trạng thị thực ${f.visa(raw.visaStatus)} được chấp nhận.`,
  },
  visa_not_allowed: {
    ko: (_, raw, f) =>
      `체류자격 ${f.visa(raw.visaStatus)}: 지원할 수 없습니다. 허용되는 체류자격: ${f.visas(raw.statuses)}.`,
    en: (_, raw, f) =>
      `Visa status ${f.visa(raw.visaStatus)} is not accepted; accepted: ${f.visas(raw.statuses)}.`,
    vi: (_, raw, f) =>
      `Tình trạng thị thực ${f.visa(raw.visaStatus)} không được chấp nhận; chấp nhận: ${f.visas(raw.statuses)}.`,
  },
  d2_not_applicable: {
    ko: () => 'D-2 비자가 아니므로 주당 근무시간 제한이 적용되지 않습니다.',
    en: () => 'The D-2 weekly hour limit does not apply (not on a D-2 visa).',
    vi: () => 'Không áp dụng giới hạn giờ làm của thị thực D-2 (không dùng thị thực D-2).',
  },
  d2_hours_within_limit: {
    ko: (p) => `D-2 비자: 주 ${p('hoursPerWeek')}시간으로 허용 한도(주 ${p('maxHours')}시간) 이내입니다.`,
    en: (p) => `D-2 visa: ${p('hoursPerWeek')} hours a week is within the ${p('maxHours')}-hour limit.`,
    vi: (p) => `Thị thực D-2: ${p('hoursPerWeek')} giờ/tuần nằm trong giới hạn ${p('maxHours')} giờ/tuần.`,
  },
  d2_hours_over_limit: {
    ko: (p) =>
      `D-2 비자로는 학기 중 주 ${p('maxHours')}시간까지만 일할 수 있으나, 주 ${p('hoursPerWeek')}시간 근무로 신청했습니다.`,
    en: (p) =>
      `On a D-2 visa at most ${p('maxHours')} hours a week are allowed in term, but ${p('hoursPerWeek')} hours a week are offered.`,
    vi: (p) =>
      `Thị thực D-2 chỉ cho phép làm tối đa ${p('maxHours')} giờ/tuần trong học kỳ, nhưng hồ sơ đăng ký ${p('hoursPerWeek')} giờ/tuần.`,
  },
  d10_not_applicable: {
    ko: () => 'D-10 비자가 아니므로 인턴 기간 제한이 적용되지 않습니다.',
    en: () => 'The D-10 internship length limit does not apply (not on a D-10 visa).',
    vi: () => 'Không áp dụng giới hạn thời gian thực tập của thị thực D-10 (không dùng thị thực D-10).',
  },
  d10_duration_within_limit: {
    ko: (p) =>
      `D-10 비자: 프로그램 기간(${p('programStart')}~${p('programEnd')})이 ${p('months')}개월 이내입니다.`,
    en: (p) =>
      `D-10 visa: the program (${p('programStart')} to ${p('programEnd')}) lasts no more than ${p('months')} months.`,
    vi: (p) =>
      `Thị thực D-10: chương trình (${p('programStart')} đến ${p('programEnd')}) kéo dài không quá ${p('months')} tháng.`,
  },
  d10_duration_over_limit: {
    ko: (p) =>
      `D-10 비자로는 한 회사에서 최대 ${p('months')}개월까지 인턴을 할 수 있으나, 프로그램 기간(${p('programStart')}~${p('programEnd')})이 이보다 깁니다.`,
    en: (p) =>
      `On a D-10 visa an internship at one company may last at most ${p('months')} months, but the program runs from ${p('programStart')} to ${p('programEnd')}.`,
    vi: (p) =>
      `Với thị thực D-10, thực tập tại một công ty tối đa ${p('months')} tháng, nhưng chương trình kéo dài từ ${p('programStart')} đến ${p('programEnd')}.`,
  },
  d10_duration_unknown: {
    ko: (p) => `프로그램 기간이 정해지지 않아 D-10 인턴 기간 제한(${p('months')}개월)을 확인하지 못했습니다.`,
    en: (p) =>
      `The program dates are not set, so the D-10 limit of ${p('months')} months could not be checked.`,
    vi: (p) =>
      `Chương trình chưa có ngày bắt đầu và kết thúc nên chưa thể kiểm tra giới hạn ${p('months')} tháng của thị thực D-10.`,
  },
  available_in_time: {
    ko: (p) => `${p('availableFrom')}부터 참여할 수 있어 ${p('date')}까지 시작할 수 있습니다.`,
    en: (p) => `Available from ${p('availableFrom')}, no later than ${p('date')}.`,
    vi: (p) => `Có thể bắt đầu từ ${p('availableFrom')}, không muộn hơn ngày ${p('date')}.`,
  },
  available_too_late: {
    ko: (p) => `${p('availableFrom')}부터 참여할 수 있으나, ${p('date')}까지는 시작할 수 있어야 합니다.`,
    en: (p) => `Available only from ${p('availableFrom')}, but must be available by ${p('date')}.`,
    vi: (p) =>
      `Chỉ có thể bắt đầu từ ${p('availableFrom')}, trong khi cần bắt đầu được chậm nhất ngày ${p('date')}.`,
  },
  availability_missing: {
    ko: (p) => `프로필에 참여 가능 시작일이 없습니다 (${p('date')}까지 시작할 수 있어야 합니다).`,
    en: (p) => `No availability start date is given in the profile (must be available by ${p('date')}).`,
    vi: (p) => `Hồ sơ chưa ghi ngày có thể bắt đầu (cần bắt đầu được chậm nhất ngày ${p('date')}).`,
  },
  available_weeks_enough: {
    ko: (p) =>
      `${p('from')}부터 ${p('to')}까지 ${p('availableWeeks')}주 참여할 수 있어 최소 ${p('weeks')}주를 충족합니다.`,
    en: (p) =>
      `Available for ${p('availableWeeks')} weeks (${p('from')} to ${p('to')}), at least the required ${p('weeks')}.`,
    vi: (p) =>
      `Có thể tham gia ${p('availableWeeks')} tuần (từ ${p('from')} đến ${p('to')}), đạt yêu cầu tối thiểu ${p('weeks')} tuần.`,
  },
  available_weeks_too_few: {
    ko: (p) =>
      `${p('from')}부터 ${p('to')}까지 ${p('availableWeeks')}주만 참여할 수 있으나, 최소 ${p('weeks')}주가 필요합니다.`,
    en: (p) =>
      `Available for only ${p('availableWeeks')} weeks (${p('from')} to ${p('to')}); at least ${p('weeks')} weeks are required.`,
    vi: (p) =>
      `Chỉ có thể tham gia ${p('availableWeeks')} tuần (từ ${p('from')} đến ${p('to')}); cần tối thiểu ${p('weeks')} tuần.`,
  },
  available_open_ended: {
    ko: (p) => `${p('from')}부터 종료일 없이 참여할 수 있습니다 (최소 ${p('weeks')}주 필요).`,
    en: (p) => `Available from ${p('from')} with no end date (${p('weeks')} weeks required).`,
    vi: (p) => `Có thể tham gia từ ${p('from')}, không giới hạn ngày kết thúc (cần ${p('weeks')} tuần).`,
  },
  hours_enough: {
    ko: (p) => `주 ${p('hoursPerWeek')}시간 근무할 수 있어 최소 주 ${p('minHours')}시간을 충족합니다.`,
    en: (p) => `Can work ${p('hoursPerWeek')} hours a week, at least the required ${p('minHours')}.`,
    vi: (p) => `Có thể làm ${p('hoursPerWeek')} giờ/tuần, đạt mức tối thiểu ${p('minHours')} giờ/tuần.`,
  },
  hours_too_few: {
    ko: (p) => `주 ${p('hoursPerWeek')}시간만 근무할 수 있으나, 최소 주 ${p('minHours')}시간이 필요합니다.`,
    en: (p) => `Can work only ${p('hoursPerWeek')} hours a week; at least ${p('minHours')} are required.`,
    vi: (p) => `Chỉ có thể làm ${p('hoursPerWeek')} giờ/tuần; cần tối thiểu ${p('minHours')} giờ/tuần.`,
  },
}

/** One reason as a clear sentence in Korean, English or Vietnamese. */
export function describeEligibilityReason(reason: EligibilityReason, locale: UiLocale): string {
  const sentence = REASON_TEXTS[reason.code][locale]
  const param = (key: string) => String(reason.params[key] ?? '')
  return capitalise(sentence(param, reason.params, getValueFormatter(locale)))
}
