import type { UiLocale } from '../../domain/index.ts'

/** Every kind of notification Ieum sends. */
/** Every kind of notification, in the order they happen in a program. */
export const NOTIFICATION_KINDS = [
  'welcome_candidate',
  'application_received',
  'application_withdrawn',
  'match_placed',
  'match_unmatched',
  'application_ineligible',
  'company_results',
  'offer_accepted',
  'offer_declined',
  'second_round_placed',
  'invitation',
  'password_reset',
  'password_changed',
] as const

/** A kind of notification; each has a subject and body in ko, en and vi. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

type Params = Readonly<Record<string, string | number>>

type Template = (params: Params) => { subject: string; body: string }

/** The invited role in words; `p.role` is a role code, `p.company` the company of a company member. */
const INVITATION_ROLE: Readonly<Record<UiLocale, (p: Params) => string>> = {
  ko: (p) =>
    ({ operator: '허브 운영자', reviewer: '심사위원', candidate: '지원자' })[String(p.role)] ??
    `${p.company} 구성원`,
  en: (p) =>
    ({ operator: 'hub operator', reviewer: 'reviewer', candidate: 'candidate' })[String(p.role)] ??
    `member of ${p.company}`,
  vi: (p) =>
    ({ operator: 'quản lý trung tâm', reviewer: 'người đánh giá', candidate: 'ứng viên' })[String(p.role)] ??
    `thành viên của ${p.company}`,
}

/** A "not matched" after round 1 says so (`p.round` is absent in messages of older versions: round 1). */
const isLaterRound = (p: Params) => Number(p.round ?? 1) > 1

const TEMPLATES: Readonly<Record<NotificationKind, Readonly<Record<UiLocale, Template>>>> = {
  welcome_candidate: {
    ko: (p) => ({
      subject: '이음에 오신 것을 환영합니다',
      body: `${p.name}님, 후보자 계정이 만들어졌습니다. 프로필(국적, 거주지, 학력, 비자, 언어, 기술)을 완성하면 모집 중인 프로그램에 지원할 수 있습니다. 이력서를 붙여 넣으면 기술을 자동으로 채워 드립니다.`,
    }),
    en: (p) => ({
      subject: 'Welcome to Ieum',
      body: `Dear ${p.name}, your candidate account is ready. Complete your profile (nationality, residence, education, visa, languages, skills) to apply to open programs. Paste your CV and we will pre-fill your skills.`,
    }),
    vi: (p) => ({
      subject: 'Chào mừng bạn đến với Ieum',
      body: `Chào ${p.name}, tài khoản ứng viên của bạn đã sẵn sàng. Hãy hoàn thiện hồ sơ (quốc tịch, nơi cư trú, học vấn, thị thực, ngôn ngữ, kỹ năng) để ứng tuyển các chương trình đang mở. Dán CV của bạn và chúng tôi sẽ điền sẵn các kỹ năng.`,
    }),
  },
  application_withdrawn: {
    ko: (p) => ({
      subject: `[${p.program}] 지원을 철회했습니다`,
      body: `${p.name}님, ${p.program} 지원이 철회되었습니다. 모집 기간 중에는 다시 지원할 수 있습니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Application withdrawn`,
      body: `Dear ${p.name}, your application to ${p.program} has been withdrawn. While the call is open you can apply again.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Đã rút hồ sơ`,
      body: `Chào ${p.name}, hồ sơ ứng tuyển ${p.program} của bạn đã được rút. Trong thời gian nhận hồ sơ, bạn có thể ứng tuyển lại.`,
    }),
  },
  application_received: {
    ko: (p) => ({
      subject: `[${p.program}] 지원이 접수되었습니다`,
      body: `${p.name}님, ${p.program} 지원서가 접수되었습니다. 자격 요건 충족 여부와 그 이유는 프로그램 화면에서 확인할 수 있습니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Application received`,
      body: `Dear ${p.name}, your application to ${p.program} has been received. The program page shows whether you meet its eligibility rules, and why.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Đã nhận hồ sơ`,
      body: `Chào ${p.name}, hồ sơ ứng tuyển ${p.program} của bạn đã được tiếp nhận. Trang chương trình cho biết bạn có đáp ứng điều kiện hay không và lý do.`,
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
      body: isLaterRound(p)
        ? `${p.name}님, ${p.round}차 라운드에서도 배정되지 않았습니다. 각 지망이 배정되지 않은 이유는 결과 화면에서 확인할 수 있습니다.`
        : `${p.name}님, 이번 라운드에서는 배정되지 않았습니다. 각 지망이 배정되지 않은 이유는 결과 화면에서 확인할 수 있으며, 2차 라운드에 자동으로 참여합니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Your match result`,
      body: isLaterRound(p)
        ? `Dear ${p.name}, round ${p.round} did not place you either. The results page explains why for each of your choices.`
        : `Dear ${p.name}, you were not matched in this round. The results page explains why for each of your choices, and you take part in the second round automatically.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Kết quả ghép của bạn`,
      body: isLaterRound(p)
        ? `Chào ${p.name}, bạn cũng chưa được ghép ở vòng ${p.round}. Trang kết quả giải thích lý do cho từng nguyện vọng.`
        : `Chào ${p.name}, bạn chưa được ghép trong vòng này. Trang kết quả giải thích lý do cho từng nguyện vọng, và bạn sẽ tự động tham gia vòng hai.`,
    }),
  },
  application_ineligible: {
    ko: (p) => ({
      subject: `[${p.program}] 지원 결과 안내`,
      body: `${p.name}님, ${p.program}의 매칭 결과가 발표되었습니다. 지원서가 프로그램의 자격 요건을 충족하지 않아 매칭에 포함되지 않았습니다. 충족하지 못한 요건과 그 이유는 프로그램 화면에서 확인할 수 있습니다.`,
    }),
    en: (p) => ({
      subject: `[${p.program}] Your application`,
      body: `Dear ${p.name}, the match results of ${p.program} have been published. Your application did not meet the program's eligibility rules, so it was not part of the match. The program page shows which rules were not met, and why.`,
    }),
    vi: (p) => ({
      subject: `[${p.program}] Kết quả hồ sơ của bạn`,
      body: `Chào ${p.name}, kết quả ghép cặp của ${p.program} đã được công bố. Hồ sơ của bạn chưa đáp ứng các điều kiện của chương trình nên không tham gia ghép cặp. Trang chương trình cho biết điều kiện nào chưa được đáp ứng và lý do.`,
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
  invitation: {
    ko: (p) => ({
      subject: `[${p.hub}] 이음 초대: ${INVITATION_ROLE.ko(p)}`,
      body: `${p.name}님, ${p.inviter}님이 ${p.hub}의 이음(Ieum)에 ${INVITATION_ROLE.ko(p)} 역할로 초대했습니다.\n아래 링크를 열어 초대를 수락하세요. 링크는 ${p.expires}까지 한 번만 사용할 수 있습니다.\n\n${p.link}\n\n초대받을 일이 없었다면 이 메일을 무시하세요.`,
    }),
    en: (p) => ({
      subject: `[${p.hub}] Your invitation to Ieum: ${INVITATION_ROLE.en(p)}`,
      body: `Dear ${p.name}, ${p.inviter} has invited you to ${p.hub} on Ieum as ${INVITATION_ROLE.en(p)}.\nOpen the link below to accept. It works once, until ${p.expires}.\n\n${p.link}\n\nIf you did not expect this invitation, you can ignore this e-mail.`,
    }),
    vi: (p) => ({
      subject: `[${p.hub}] Lời mời tham gia Ieum: ${INVITATION_ROLE.vi(p)}`,
      body: `Chào ${p.name}, ${p.inviter} đã mời bạn tham gia ${p.hub} trên Ieum với vai trò ${INVITATION_ROLE.vi(p)}.\nMở liên kết dưới đây để chấp nhận. Liên kết chỉ dùng được một lần, đến hết ${p.expires}.\n\n${p.link}\n\nNếu bạn không chờ lời mời này, hãy bỏ qua email này.`,
    }),
  },
  password_reset: {
    ko: (p) => ({
      subject: '이음 비밀번호 재설정',
      body: `${p.name}님, 이음 계정(${p.email})의 비밀번호 재설정을 요청하셨습니다.\n아래 링크에서 새 비밀번호를 정하세요. 링크는 ${p.minutes}분 동안 한 번만 사용할 수 있습니다.\n\n${p.link}\n\n요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.`,
    }),
    en: (p) => ({
      subject: 'Reset your Ieum password',
      body: `Dear ${p.name}, someone asked to reset the password of your Ieum account (${p.email}).\nChoose a new password at the link below. It works once, for ${p.minutes} minutes.\n\n${p.link}\n\nIf you did not ask for this, ignore this e-mail: your password stays as it is.`,
    }),
    vi: (p) => ({
      subject: 'Đặt lại mật khẩu Ieum',
      body: `Chào ${p.name}, có yêu cầu đặt lại mật khẩu cho tài khoản Ieum của bạn (${p.email}).\nHãy chọn mật khẩu mới tại liên kết dưới đây. Liên kết chỉ dùng được một lần, trong ${p.minutes} phút.\n\n${p.link}\n\nNếu bạn không yêu cầu, hãy bỏ qua email này: mật khẩu của bạn vẫn giữ nguyên.`,
    }),
  },
  password_changed: {
    ko: (p) => ({
      subject: '이음 비밀번호가 변경되었습니다',
      body: `${p.name}님, 이음 계정의 비밀번호가 변경되었고 다른 모든 기기에서 로그아웃되었습니다. 직접 변경하지 않으셨다면 즉시 비밀번호 재설정을 하고 허브 운영자에게 알려 주세요.`,
    }),
    en: (p) => ({
      subject: 'Your Ieum password was changed',
      body: `Dear ${p.name}, the password of your Ieum account was changed and every other device was signed out. If this was not you, reset your password now and tell your hub's operators.`,
    }),
    vi: (p) => ({
      subject: 'Mật khẩu Ieum của bạn đã được thay đổi',
      body: `Chào ${p.name}, mật khẩu tài khoản Ieum của bạn đã được thay đổi và mọi thiết bị khác đã bị đăng xuất. Nếu không phải bạn, hãy đặt lại mật khẩu ngay và báo cho người quản lý trung tâm.`,
    }),
  },
}

/** True for a kind this version has a template for (older rows may name one that was removed). */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(TEMPLATES, kind)
}

/** Renders a notification's subject and body in the recipient's language. */
export function renderNotification(kind: NotificationKind, locale: UiLocale, params: Params) {
  return TEMPLATES[kind][locale](params)
}

const MAIL_FOOTERS: Readonly<Record<UiLocale, (hub: string) => string>> = {
  ko: (hub) =>
    `— 이음${hub ? ` · ${hub}` : ''}\n이 메일은 이음 계정에 관한 안내로 자동 발송되었습니다. 알림은 로그인 후 화면에서도 볼 수 있습니다.`,
  en: (hub) =>
    `— Ieum${hub ? ` · ${hub}` : ''}\nThis message was sent automatically about your Ieum account. You also find it among your notifications after signing in.`,
  vi: (hub) =>
    `— Ieum${hub ? ` · ${hub}` : ''}\nThư này được gửi tự động về tài khoản Ieum của bạn. Bạn cũng có thể xem nó trong mục thông báo sau khi đăng nhập.`,
}

/** The closing lines of every notification e-mail, in the recipient's language. */
export function renderMailFooter(locale: UiLocale, hubName: string): string {
  return MAIL_FOOTERS[locale](hubName)
}
