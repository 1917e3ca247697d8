/**
 * Renders structured explanations in Korean, English or Vietnamese: skill names from the taxonomy in the
 * reader's language, CEFR grades for language levels, and one sentence per item or exclusion.
 */
import type {
  ExclusionCode,
  ExplanationCode,
  ExplanationItem,
  ExplanationParams,
  FitComponent,
  FitExplanation,
  ScoringLocale,
} from './scoring-types.ts'
import { SKILL_TAXONOMY, type SkillTaxonomy } from './skill-taxonomy.ts'

/** A rendered explanation, ready for a panel. */
export interface FormattedExplanation {
  readonly headline: string
  readonly exclusions: readonly string[]
  readonly components: readonly {
    readonly component: FitComponent
    readonly label: string
    readonly points: number
    readonly weight: number
    readonly lines: readonly string[]
  }[]
}

type Messages = Readonly<Record<ExplanationCode | ExclusionCode, string>>

const MESSAGES: Readonly<Record<ScoringLocale, Messages>> = {
  en: {
    skill_matched: '{skill}: level {level} (needs ≥ {minLevel})',
    skill_level_below: 'needs {skill} ≥ level {minLevel}; candidate has level {level}',
    skill_matched_related: 'needs {skill} ≥ level {minLevel}; candidate has {via} level {level} ({relation})',
    skill_missing: 'needs {skill} ≥ level {minLevel}; not found',
    no_requirement: 'no requirement',
    language_met: '{language}: {level} (needs ≥ {minLevel})',
    language_below: 'needs {language} ≥ {minLevel}; candidate has {level}',
    language_missing: 'needs {language} ≥ {minLevel}; not stated',
    work_mode_match: 'accepts {mode} work',
    work_mode_other_city: 'position in {location}; candidate in {candidateLocation}',
    work_mode_mismatch: 'does not accept {mode} work',
    time_zone_difference: '{hours} h time difference ({overlapHours} h of shared working day)',
    unknown_value: '{field} not given (counts half)',
    available_on_start: 'available by the start date',
    available_late: 'available {days} days after the start date',
    availability_partial: 'available for {percent}% of the period',
    hours_match: '{offered} h/week offered (needs {needed})',
    hours_short: '{offered} h/week offered, needs {needed}',
    education_met: '{candidateLevel} (needs {level})',
    education_pending: '{candidateLevel} not finished in time (needs {level})',
    education_below: '{candidateLevel}; needs {level}',
    experience_met: '{years} years of experience (needs {needed})',
    experience_short: '{years} years of experience, needs {needed}',
    assessment_score: 'assessment score {score}/100',
    assessment_missing: 'no assessment taken',
    missing_mandatory_skill: 'must have {skill} ≥ level {minLevel}',
    language_below_minimum: 'must have {language} ≥ {minLevel} (has {level})',
    work_mode_incompatible: 'must accept {mode} work at the position’s place',
    time_zone_too_far: 'time difference {hours} h exceeds {maxHours} h',
    not_available_on_start: 'not available on the start date',
    hours_below_minimum: 'needs ≥ {minHours} h/week (offers {hours})',
    education_below_minimum: 'needs at least {level} (has {candidateLevel})',
    experience_below_minimum: 'needs ≥ {minYears} years of experience (has {years})',
    assessment_below_minimum: 'needs an assessment score ≥ {minScore} (has {score})',
    visa_not_allowed: 'visa status {visa} is not accepted',
    nationality_not_allowed: 'nationality {nationality} is not eligible for this program',
  },
  ko: {
    skill_matched: '{skill}: 레벨 {level} (요구 {minLevel} 이상)',
    skill_level_below: '{skill} 레벨 {minLevel} 이상 필요, 후보자는 레벨 {level}',
    skill_matched_related: '{skill} 레벨 {minLevel} 이상 필요, 후보자는 {via} 레벨 {level} 보유 ({relation})',
    skill_missing: '{skill} 레벨 {minLevel} 이상 필요, 보유하지 않음',
    no_requirement: '요구 사항 없음',
    language_met: '{language}: {level} (요구 {minLevel} 이상)',
    language_below: '{language} {minLevel} 이상 필요, 후보자는 {level}',
    language_missing: '{language} {minLevel} 이상 필요, 정보 없음',
    work_mode_match: '{mode} 근무 가능',
    work_mode_other_city: '근무지 {location}, 후보자 위치 {candidateLocation}',
    work_mode_mismatch: '{mode} 근무 불가',
    time_zone_difference: '시차 {hours}시간 (겹치는 근무 시간 {overlapHours}시간)',
    unknown_value: '{field} 정보 없음 (절반 반영)',
    available_on_start: '시작일까지 합류 가능',
    available_late: '시작일보다 {days}일 늦게 합류 가능',
    availability_partial: '기간의 {percent}%만 참여 가능',
    hours_match: '주 {offered}시간 가능 (요구 {needed}시간)',
    hours_short: '주 {offered}시간 가능, 요구 {needed}시간',
    education_met: '{candidateLevel} (요구 {level})',
    education_pending: '{candidateLevel} 기한 내 졸업 미정 (요구 {level})',
    education_below: '{candidateLevel}, 요구 {level}',
    experience_met: '경력 {years}년 (요구 {needed}년)',
    experience_short: '경력 {years}년, 요구 {needed}년',
    assessment_score: '평가 점수 {score}/100',
    assessment_missing: '평가 미응시',
    missing_mandatory_skill: '{skill} 레벨 {minLevel} 이상 필수',
    language_below_minimum: '{language} {minLevel} 이상 필수 (현재 {level})',
    work_mode_incompatible: '근무지에서 {mode} 근무 가능해야 함',
    time_zone_too_far: '시차 {hours}시간이 허용 {maxHours}시간 초과',
    not_available_on_start: '시작일에 합류 불가',
    hours_below_minimum: '주 {minHours}시간 이상 필요 (현재 {hours})',
    education_below_minimum: '최소 {level} 필요 (현재 {candidateLevel})',
    experience_below_minimum: '경력 {minYears}년 이상 필요 (현재 {years})',
    assessment_below_minimum: '평가 점수 {minScore}점 이상 필요 (현재 {score})',
    visa_not_allowed: '비자 {visa}은(는) 허용되지 않음',
    nationality_not_allowed: '국적 {nationality}은(는) 이 프로그램 대상이 아님',
  },
  vi: {
    skill_matched: '{skill}: cấp {level} (yêu cầu ≥ {minLevel})',
    skill_level_below: 'cần {skill} ≥ cấp {minLevel}; ứng viên ở cấp {level}',
    skill_matched_related: 'cần {skill} ≥ cấp {minLevel}; ứng viên có {via} cấp {level} ({relation})',
    skill_missing: 'cần {skill} ≥ cấp {minLevel}; không có',
    no_requirement: 'không yêu cầu',
    language_met: '{language}: {level} (yêu cầu ≥ {minLevel})',
    language_below: 'cần {language} ≥ {minLevel}; ứng viên đạt {level}',
    language_missing: 'cần {language} ≥ {minLevel}; chưa có thông tin',
    work_mode_match: 'chấp nhận làm việc {mode}',
    work_mode_other_city: 'vị trí ở {location}; ứng viên ở {candidateLocation}',
    work_mode_mismatch: 'không chấp nhận làm việc {mode}',
    time_zone_difference: 'lệch múi giờ {hours} giờ ({overlapHours} giờ làm việc chung)',
    unknown_value: 'chưa có {field} (tính một nửa)',
    available_on_start: 'có thể bắt đầu đúng ngày',
    available_late: 'bắt đầu muộn {days} ngày',
    availability_partial: 'chỉ tham gia {percent}% thời gian',
    hours_match: '{offered} giờ/tuần (yêu cầu {needed})',
    hours_short: '{offered} giờ/tuần, yêu cầu {needed}',
    education_met: '{candidateLevel} (yêu cầu {level})',
    education_pending: '{candidateLevel} chưa tốt nghiệp kịp (yêu cầu {level})',
    education_below: '{candidateLevel}; yêu cầu {level}',
    experience_met: '{years} năm kinh nghiệm (yêu cầu {needed})',
    experience_short: '{years} năm kinh nghiệm, yêu cầu {needed}',
    assessment_score: 'điểm đánh giá {score}/100',
    assessment_missing: 'chưa làm bài đánh giá',
    missing_mandatory_skill: 'bắt buộc có {skill} ≥ cấp {minLevel}',
    language_below_minimum: 'bắt buộc {language} ≥ {minLevel} (hiện {level})',
    work_mode_incompatible: 'phải chấp nhận làm việc {mode} tại địa điểm của vị trí',
    time_zone_too_far: 'lệch múi giờ {hours} giờ vượt quá {maxHours} giờ',
    not_available_on_start: 'không thể bắt đầu vào ngày khởi động',
    hours_below_minimum: 'cần ≥ {minHours} giờ/tuần (hiện {hours})',
    education_below_minimum: 'cần tối thiểu {level} (hiện {candidateLevel})',
    experience_below_minimum: 'cần ≥ {minYears} năm kinh nghiệm (hiện {years})',
    assessment_below_minimum: 'cần điểm đánh giá ≥ {minScore} (hiện {score})',
    visa_not_allowed: 'thị thực {visa} không được chấp nhận',
    nationality_not_allowed: 'quốc tịch {nationality} không thuộc đối tượng chương trình',
  },
}

const COMPONENT_LABELS: Readonly<Record<ScoringLocale, Readonly<Record<FitComponent, string>>>> = {
  en: {
    requiredSkills: 'Required skills',
    preferredSkills: 'Preferred skills',
    languages: 'Languages',
    workMode: 'Work mode and location',
    availability: 'Availability',
    education: 'Education',
    experience: 'Experience',
    assessment: 'Assessment',
  },
  ko: {
    requiredSkills: '필수 기술',
    preferredSkills: '우대 기술',
    languages: '언어',
    workMode: '근무 형태·위치',
    availability: '참여 가능 기간',
    education: '학력',
    experience: '경력',
    assessment: '평가',
  },
  vi: {
    requiredSkills: 'Kỹ năng bắt buộc',
    preferredSkills: 'Kỹ năng ưu tiên',
    languages: 'Ngoại ngữ',
    workMode: 'Hình thức và địa điểm',
    availability: 'Thời gian tham gia',
    education: 'Học vấn',
    experience: 'Kinh nghiệm',
    assessment: 'Đánh giá',
  },
}

const WORDS: Readonly<Record<ScoringLocale, Readonly<Record<string, string>>>> = {
  en: {
    remote: 'remote',
    onsite: 'on-site',
    hybrid: 'hybrid',
    more_specific: 'more specific',
    more_general: 'more general',
    related: 'related',
    same: 'same',
    none: 'none',
    highschool: 'high school',
    associate: 'associate degree',
    bachelor: "bachelor's degree",
    master: "master's degree",
    phd: 'PhD',
    unknown: 'unknown',
    ko: 'Korean',
    en: 'English',
    vi: 'Vietnamese',
    ja: 'Japanese',
    zh: 'Chinese',
    languages: 'languages',
    timeZone: 'time zone',
    location: 'location',
    workMode: 'work mode',
    availableFrom: 'availability date',
    hoursPerWeek: 'hours per week',
    education: 'education',
    yearsOfExperience: 'years of experience',
    headline: 'Fit {score}/100',
    excluded: 'Excluded ({count} hard requirement(s) not met); would score {softScore}/100',
  },
  ko: {
    remote: '원격',
    onsite: '상주',
    hybrid: '하이브리드',
    more_specific: '하위 기술',
    more_general: '상위 기술',
    related: '관련 기술',
    same: '동일',
    none: '무관',
    highschool: '고졸',
    associate: '전문학사',
    bachelor: '학사',
    master: '석사',
    phd: '박사',
    unknown: '알 수 없음',
    ko: '한국어',
    en: '영어',
    vi: '베트남어',
    ja: '일본어',
    zh: '중국어',
    languages: '언어',
    timeZone: '시간대',
    location: '위치',
    workMode: '근무 형태',
    availableFrom: '합류 가능일',
    hoursPerWeek: '주당 시간',
    education: '학력',
    yearsOfExperience: '경력 연수',
    headline: '적합도 {score}/100',
    excluded: '제외됨 (필수 조건 {count}개 미충족), 점수는 {softScore}/100',
  },
  vi: {
    remote: 'từ xa',
    onsite: 'tại chỗ',
    hybrid: 'kết hợp',
    more_specific: 'cụ thể hơn',
    more_general: 'tổng quát hơn',
    related: 'liên quan',
    same: 'giống',
    none: 'không',
    highschool: 'tốt nghiệp THPT',
    associate: 'cao đẳng',
    bachelor: 'cử nhân/kỹ sư',
    master: 'thạc sĩ',
    phd: 'tiến sĩ',
    unknown: 'không rõ',
    ko: 'tiếng Hàn',
    en: 'tiếng Anh',
    vi: 'tiếng Việt',
    ja: 'tiếng Nhật',
    zh: 'tiếng Trung',
    languages: 'ngoại ngữ',
    timeZone: 'múi giờ',
    location: 'địa điểm',
    workMode: 'hình thức làm việc',
    availableFrom: 'ngày có thể bắt đầu',
    hoursPerWeek: 'số giờ mỗi tuần',
    education: 'học vấn',
    yearsOfExperience: 'số năm kinh nghiệm',
    headline: 'Độ phù hợp {score}/100',
    excluded: 'Bị loại (không đạt {count} điều kiện bắt buộc); điểm sẽ là {softScore}/100',
  },
}

const CEFR_GRADES = ['—', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']
const LANGUAGE_LEVEL_PARAMS = new Set(['level', 'minLevel'])

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name]
    return value === undefined ? whole : String(value)
  })
}

function renderParams(
  code: ExplanationCode | ExclusionCode,
  params: ExplanationParams,
  locale: ScoringLocale,
  taxonomy: SkillTaxonomy,
): Record<string, string | number> {
  const words = WORDS[locale]
  const isLanguage = code.startsWith('language')
  const out: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params)) {
    if ((name === 'skill' || name === 'via') && typeof value === 'string') {
      const index = taxonomy.indexById.get(value)
      out[name] = index === undefined ? value : taxonomy.labels[index]![locale]
    } else if (isLanguage && LANGUAGE_LEVEL_PARAMS.has(name) && typeof value === 'number') {
      out[name] = CEFR_GRADES[value] ?? String(value)
    } else if (typeof value === 'string') {
      out[name] = words[value] ?? value
    } else {
      out[name] = value
    }
  }
  return out
}

/** One item or exclusion as a sentence in `locale`. */
export function formatExplanationItem(
  item: ExplanationItem | { readonly code: ExclusionCode; readonly params: ExplanationParams },
  locale: ScoringLocale,
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): string {
  return fill(MESSAGES[locale][item.code], renderParams(item.code, item.params, locale, taxonomy))
}

/** A whole explanation rendered in `locale` (ko, en or vi). */
export function formatExplanation(
  explanation: FitExplanation,
  locale: ScoringLocale,
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): FormattedExplanation {
  const words = WORDS[locale]
  const headline = explanation.isExcluded
    ? fill(words.excluded!, { count: explanation.exclusions.length, softScore: explanation.softScore })
    : fill(words.headline!, { score: explanation.score })
  return {
    headline,
    exclusions: explanation.exclusions.map((reason) => formatExplanationItem(reason, locale, taxonomy)),
    components: explanation.components.map((component) => ({
      component: component.component,
      label: COMPONENT_LABELS[locale][component.component],
      points: component.points,
      weight: component.weight,
      lines: component.items.map((item) => formatExplanationItem(item, locale, taxonomy)),
    })),
  }
}
