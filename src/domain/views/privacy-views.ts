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
