import type { PrivacyRequestView } from '../../domain/index.ts'

export type { PrivacyRequestView }

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
