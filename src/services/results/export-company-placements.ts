import type { UiLocale } from '../../domain/index.ts'
import { formatCsv } from '../imports/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getCompanyResults } from './get-company-results.ts'

type Column =
  | 'round'
  | 'position'
  | 'name'
  | 'nationality'
  | 'university'
  | 'email'
  | 'skills'
  | 'rankOnList'
  | 'status'
  | 'decidedAt'

const COLUMNS: readonly Column[] = [
  'round',
  'position',
  'name',
  'nationality',
  'university',
  'email',
  'skills',
  'rankOnList',
  'status',
  'decidedAt',
]

const HEADERS: Readonly<Record<UiLocale, Readonly<Record<Column, string>>>> = {
  en: {
    round: 'Round',
    position: 'Position',
    name: 'Name',
    nationality: 'Nationality',
    university: 'University',
    email: 'Email',
    skills: 'Skills (level 1-5)',
    rankOnList: 'Rank on our list',
    status: 'Offer status',
    decidedAt: 'Answered on',
  },
  ko: {
    round: '차수',
    position: '포지션',
    name: '이름',
    nationality: '국적',
    university: '대학',
    email: '이메일',
    skills: '기술 (레벨 1-5)',
    rankOnList: '우리 순위 목록의 순위',
    status: '제안 상태',
    decidedAt: '응답일',
  },
  vi: {
    round: 'Vòng',
    position: 'Vị trí',
    name: 'Họ tên',
    nationality: 'Quốc tịch',
    university: 'Trường đại học',
    email: 'Email',
    skills: 'Kỹ năng (cấp 1-5)',
    rankOnList: 'Thứ hạng trong danh sách của chúng tôi',
    status: 'Trạng thái đề nghị',
    decidedAt: 'Ngày trả lời',
  },
}

const STATUS: Readonly<Record<UiLocale, Readonly<Record<string, string>>>> = {
  en: { offered: 'Waiting for answer', accepted: 'Accepted', declined: 'Declined', expired: 'Expired' },
  ko: { offered: '응답 대기', accepted: '수락', declined: '거절', expired: '기한 만료' },
  vi: { offered: 'Đang chờ trả lời', accepted: 'Đã nhận', declined: 'Đã từ chối', expired: 'Hết hạn' },
}

/**
 * The company's own placements in a program as a CSV file (UTF-8 with BOM, formula-like cells neutralised),
 * headed in the reader's language. Same access rules (and audit) as the results screen.
 */
export async function exportCompanyPlacements(
  context: ServiceContext,
  programId: string,
  companyId: string,
  locale: UiLocale,
): Promise<{ fileName: string; text: string }> {
  const results = await getCompanyResults(context, programId, companyId)
  const headers = HEADERS[locale]
  const rows = results.placements.map((placement) => {
    const cells: Record<Column, string> = {
      round: String(placement.round),
      position: placement.positionTitle,
      name: placement.fullName,
      nationality: placement.nationality,
      university: placement.university ?? '',
      email: placement.email,
      skills: placement.skills.map((entry) => `${entry.skill} ${entry.level}`).join('; '),
      rankOnList: placement.rankOnList === null ? '' : String(placement.rankOnList),
      status: STATUS[locale][placement.status] ?? placement.status,
      decidedAt: placement.decidedAt?.slice(0, 10) ?? '',
    }
    return COLUMNS.map((column) => cells[column])
  })
  return {
    fileName: `ieum-placements-${programId.slice(0, 8)}-${companyId.slice(0, 8)}.csv`,
    text: formatCsv(
      COLUMNS.map((column) => headers[column]),
      rows,
    ),
  }
}
