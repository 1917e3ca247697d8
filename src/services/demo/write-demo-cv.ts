import type {
  Education,
  Experience,
  LanguageEntry,
  LanguageLevel,
  SkillLevelEntry,
} from '../../domain/index.ts'
import { DEMO_LANGUAGE_NAMES, type DemoCountry } from './demo-countries.ts'
import { DEMO_SKILLS, type DemoSkill, type DemoSkillCluster } from './demo-skills.ts'
import type { SeededRandom } from './seeded-random.ts'

export type CvStyle = 'en' | 'vi' | 'ko'

export type Degree = 'bachelor' | 'master' | 'doctorate'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const LEVEL_WORDS: Readonly<Record<CvStyle, readonly string[]>> = {
  en: ['basic', 'working knowledge', 'intermediate', 'advanced', 'expert'],
  vi: ['cơ bản', 'trung bình', 'khá', 'tốt', 'thành thạo'],
  ko: ['기초', '초급', '중급', '상급', '전문가'],
}

const DEGREE_WORDS: Readonly<Record<CvStyle, Readonly<Record<Degree, string>>>> = {
  en: { bachelor: 'B.Sc.', master: 'M.Sc.', doctorate: 'Ph.D.' },
  vi: { bachelor: 'Kỹ sư', master: 'Thạc sĩ', doctorate: 'Tiến sĩ' },
  ko: { bachelor: '학사', master: '석사', doctorate: '박사' },
}

const IELTS: Readonly<Partial<Record<LanguageLevel, string>>> = { B1: '5.5', B2: '6.5', C1: '7.5', C2: '8.5' }

const TOPIK: Readonly<Partial<Record<LanguageLevel, number>>> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6 }

function formatMonth(isoDate: string, style: CvStyle): string {
  const [year = '', month = '01'] = isoDate.split('-')
  const monthNumber = Number(month)
  if (style === 'vi') return `${month}/${year}`
  if (style === 'ko') return `${year}년 ${monthNumber}월`
  return `${MONTHS[monthNumber - 1]} ${year}`
}

function describeLanguage(entry: LanguageEntry, style: CvStyle): string {
  const name =
    style === 'vi'
      ? ({ vi: 'Tiếng Việt', en: 'Tiếng Anh', ko: 'Tiếng Hàn' }[entry.language] ??
        DEMO_LANGUAGE_NAMES[entry.language])
      : style === 'ko'
        ? ({ ko: '한국어', en: '영어' }[entry.language] ?? DEMO_LANGUAGE_NAMES[entry.language])
        : DEMO_LANGUAGE_NAMES[entry.language]
  if (entry.level === 'native') return `${name} (${{ en: 'native', vi: 'bản ngữ', ko: '모국어' }[style]})`
  if (entry.language === 'en' && IELTS[entry.level])
    return `${name} (${entry.level}, IELTS ${IELTS[entry.level]})`
  if (entry.language === 'ko') return `${name} (TOPIK ${TOPIK[entry.level]})`
  return `${name} (${entry.level})`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export type Draft = {
  readonly fullName: string
  readonly email: string
  readonly country: DemoCountry
  readonly city: string
  readonly cluster: DemoSkillCluster
  readonly degree: Degree
  readonly education: readonly Education[]
  readonly skills: readonly SkillLevelEntry[]
  readonly experience: readonly Experience[]
  readonly languages: readonly LanguageEntry[]
  readonly project: string
  readonly hoursPerWeek: number
  readonly isInKorea: boolean
  readonly style: CvStyle
}

export function writeCv(draft: Draft): string {
  const { style, cluster } = draft
  const main = draft.education[0] as Education
  const words = LEVEL_WORDS[style]
  const skills = draft.skills.map(
    ({ skill, level }) => `${DEMO_SKILLS[skill as DemoSkill]} (${words[level - 1]})`,
  )
  const degree = DEGREE_WORDS[style][draft.degree]
  const graduation = main.graduationDate ? formatMonth(main.graduationDate, style) : ''
  const isEnrolled = main.status === 'enrolled'
  const languages = draft.languages.map((entry) => describeLanguage(entry, style)).join(', ')
  const lines: string[] = [draft.fullName, `${draft.city} · ${draft.email}`]
  if (style === 'vi') {
    lines.push(
      `Học vấn: ${degree} ngành ${main.field}, ${main.institution} (${isEnrolled ? 'dự kiến tốt nghiệp' : 'tốt nghiệp'} ${graduation})`,
      `Giới thiệu: Em quan tâm đến lĩnh vực ${cluster.interest.vi}, mong muốn thực tập tại một startup AI Hàn Quốc.`,
      `Kỹ năng: ${skills.join(', ')}`,
    )
    if (draft.experience.length > 0) lines.push('Kinh nghiệm:')
    for (const job of draft.experience)
      lines.push(`- ${job.role}, ${job.organisation} (${job.months} tháng): ${job.summary}`)
    lines.push(`Dự án: ${capitalise(draft.project)}.`, `Ngoại ngữ: ${languages}`)
  } else if (style === 'ko') {
    lines.push(
      `학력: ${main.institution} ${main.field} ${degree} (${graduation} ${isEnrolled ? '졸업 예정' : '졸업'})`,
      `자기소개: ${cluster.interest.ko} 분야에 관심이 많고, 외국인 동료와 영어로 협업한 경험이 있습니다.`,
      `기술: ${skills.join(', ')}`,
    )
    if (draft.experience.length > 0) lines.push('경력:')
    for (const job of draft.experience)
      lines.push(`- ${job.organisation}, ${job.role} (${job.months}개월): ${job.summary}`)
    lines.push(`프로젝트: ${capitalise(draft.project)}.`, `어학: ${languages}`)
  } else {
    lines.push(
      `Education: ${degree} in ${main.field}, ${main.institution} (${isEnrolled ? 'expected' : 'graduated'} ${graduation})`,
      `Summary: ${isEnrolled ? 'Student' : 'Graduate'} focused on ${cluster.interest.en}, looking for an internship at a Korean AI startup.`,
      `Skills: ${skills.join(', ')}`,
    )
    if (draft.experience.length > 0) lines.push('Experience:')
    for (const job of draft.experience)
      lines.push(`- ${job.role}, ${job.organisation}, ${job.months} months: ${job.summary}`)
    lines.push(`Projects: ${capitalise(draft.project)}.`, `Languages: ${languages}`)
    const korean = draft.languages.find((entry) => entry.language === 'ko')
    if (draft.isInKorea && korean && (korean.level === 'B2' || korean.level === 'C1')) {
      lines.push(
        `자기소개: 한국에서 ${main.field}을(를) 공부하며 ${cluster.interest.ko} 분야 인턴십을 희망합니다. TOPIK ${TOPIK[korean.level]}급.`,
      )
    }
  }
  return lines.join('\n')
}

export function writeMotivation(random: SeededRandom, draft: Draft): string {
  const [first = 'Python', second = 'Python'] = draft.skills
    .filter(({ skill }) => skill !== 'python')
    .map(({ skill }) => DEMO_SKILLS[skill as DemoSkill])

  const korean = draft.languages.find((entry) => entry.language === 'ko')
  const canWriteKorean = korean !== undefined && (korean.level === 'native' || korean.level === 'C1')
  if (draft.style === 'ko' || (canWriteKorean && random.chance(0.5))) {
    const topKo = `${first} 및 ${second}`
    return `${draft.cluster.interest.ko} 분야의 AI 스타트업에서 ${topKo} 경험을 살려 실무 역량을 키우고 싶습니다. 주 ${draft.hoursPerWeek}시간 근무 가능합니다.`
  }
  if (draft.style === 'vi') {
    return `Em mong muốn được thực tập tại một startup AI Hàn Quốc trong lĩnh vực ${draft.cluster.interest.vi}. Em đã làm việc với ${first}, ${second} và có thể làm ${draft.hoursPerWeek} giờ/tuần${draft.isInKorea ? ` tại ${draft.city}` : ' từ xa'}.`
  }
  const where = draft.isInKorea ? `in ${draft.city} or remotely` : `remotely from ${draft.city}`
  return `I want to grow in ${draft.cluster.interest.en} at a Korean AI startup. I have hands-on experience with ${first} and ${second}; for example, I ${draft.project}. I can work ${draft.hoursPerWeek} hours a week ${where}.`
}
