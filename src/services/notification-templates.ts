import type { UiLocale } from '../domain/index.ts'

/** Every kind of notification Ieum sends. */
export type NotificationKind =
  | 'application_received'
  | 'match_placed'
  | 'match_unmatched'
  | 'company_results'
  | 'offer_accepted'
  | 'offer_declined'
  | 'second_round_placed'

type Params = Readonly<Record<string, string | number>>
type Template = (params: Params) => { subject: string; body: string }

const TEMPLATES: Readonly<Record<NotificationKind, Readonly<Record<UiLocale, Template>>>> = {
  application_received: {
    ko: (p) => ({
      subject: `[${p.program}] 지원이 접수되었습니다`,
      body: `${p.name}님, ${p.program} 지원서가 접수되었습니다. 자격 심사 결과를 알려 드리겠습니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Application received`,
      body: `Dear ${p.name}, your application to ${p.program} has been received. We will tell you the eligibility result.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Đã nhận hồ sơ`,
      body: `Chào ${p.name}, hồ sơ ứng tuyển ${p.program} của bạn đã được tiếp nhận. Chúng tôi sẽ thông báo kết quả xét điều kiện.`,
    }),
  },
  match_placed: {
    ko: (p) => ({
      subject: `[${p.program}] 매칭 결과: ${p.company}`,
      body: `${p.name}님, ${p.company}의 "${p.position}" 포지션에 배정되었습니다(지망 ${p.choice}순위). ${p.deadline}까지 수락 또는 거절해 주세요.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Match result: ${p.company}`,
      body: `Dear ${p.name}, you have been matched to "${p.position}" at ${p.company} (your choice #${p.choice}). Please accept or decline by ${p.deadline}.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Kết quả ghép: ${p.company}`,
      body: `Chào ${p.name}, bạn được ghép với vị trí "${p.position}" tại ${p.company} (nguyện vọng ${p.choice}). Vui lòng chấp nhận hoặc từ chối trước ${p.deadline}.`,
    }),
  },
  match_unmatched: {
    ko: (p) => ({
      subject: `[${p.program}] 매칭 결과 안내`,
      body: `${p.name}님, 이번 라운드에서는 배정되지 않았습니다. 각 지망이 배정되지 않은 이유는 결과 화면에서 확인할 수 있으며, 2차 라운드에 자동으로 참여합니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Your match result`,
      body: `Dear ${p.name}, you were not matched in this round. The results page explains why for each of your choices, and you take part in the second round automatically.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Kết quả ghép của bạn`,
      body: `Chào ${p.name}, bạn chưa được ghép trong vòng này. Trang kết quả giải thích lý do cho từng nguyện vọng, và bạn sẽ tự động tham gia vòng hai.`,
    }),
  },
  company_results: {
    ko: (p) => ({
      subject: `[${p.program}] 매칭 결과: ${p.count}명 배정`,
      body: `${p.company}에 ${p.count}명의 인턴이 배정되었습니다. 결과 화면에서 명단과 커트라인을 확인하세요.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Match results: ${p.count} placed`,
      body: `${p.count} candidate(s) have been placed at ${p.company}. See the results page for the list and your cut-offs.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Kết quả ghép: ${p.count} người`,
      body: `${p.count} ứng viên đã được ghép với ${p.company}. Xem trang kết quả để biết danh sách và điểm cắt.`,
    }),
  },
  offer_accepted: {
    ko: (p) => ({
      subject: `[${p.program}] ${p.candidate}님이 제안을 수락했습니다`,
      body: `${p.candidate}님이 "${p.position}" 제안을 수락했습니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] ${p.candidate} accepted`,
      body: `${p.candidate} accepted the offer for "${p.position}".`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] ${p.candidate} đã chấp nhận`,
      body: `${p.candidate} đã chấp nhận vị trí "${p.position}".`,
    }),
  },
  offer_declined: {
    ko: (p) => ({
      subject: `[${p.program}] ${p.candidate}님이 제안을 거절했습니다`,
      body: `${p.candidate}님이 "${p.position}" 제안을 거절했습니다. 빈 자리는 2차 라운드에서 채워집니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] ${p.candidate} declined`,
      body: `${p.candidate} declined the offer for "${p.position}". The seat will be filled in the second round.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] ${p.candidate} đã từ chối`,
      body: `${p.candidate} đã từ chối vị trí "${p.position}". Chỗ trống sẽ được lấp ở vòng hai.`,
    }),
  },
  second_round_placed: {
    ko: (p) => ({
      subject: `[${p.program}] 2차 라운드 결과: ${p.company}`,
      body: `${p.name}님, 2차 라운드에서 ${p.company}의 "${p.position}" 포지션에 배정되었습니다. ${p.deadline}까지 응답해 주세요.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Second round: ${p.company}`,
      body: `Dear ${p.name}, in the second round you have been matched to "${p.position}" at ${p.company}. Please answer by ${p.deadline}.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Vòng hai: ${p.company}`,
      body: `Chào ${p.name}, ở vòng hai bạn được ghép với vị trí "${p.position}" tại ${p.company}. Vui lòng trả lời trước ${p.deadline}.`,
    }),
  },
}

/** Renders a notification's subject and body in the recipient's language. */
export function renderNotification(kind: NotificationKind, locale: UiLocale, params: Params) {
  return TEMPLATES[kind][locale](params)
}
