/** A data-subject request as the candidate and the operators see it. */
export interface PrivacyRequestView {
  readonly id: string
  readonly candidateId: string
  readonly kind: 'erasure' | 'withdraw_consent' | 'human_review'
  readonly subject: string
  readonly note: string
  readonly status: 'open' | 'done' | 'refused'
  readonly createdAt: string
  /** 10 days after the request (PIPA Enforcement Decree Arts. 41–44: answer within 10 days). */
  readonly dueAt: string
  readonly answeredAt: string | null
  readonly answer: string
}

/** Days within which a request must be answered. */
export const PRIVACY_REQUEST_DUE_DAYS = 10

/** A stored request row as its view. */
export function toPrivacyRequestView(row: {
  id: string
  candidateId: string
  kind: string
  subject: string
  note: string
  status: string
  createdAt: Date
  dueAt: Date
  answeredAt: Date | null
  answer: string
}): PrivacyRequestView {
  return {
    id: row.id,
    candidateId: row.candidateId,
    kind: row.kind as PrivacyRequestView['kind'],
    subject: row.subject,
    note: row.note,
    status: row.status as PrivacyRequestView['status'],
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answer: row.answer,
  }
}
