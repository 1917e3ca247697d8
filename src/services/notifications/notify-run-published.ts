import type { Kysely } from 'kysely'
import type { Program } from '../../domain/index.ts'
import type { Market, MatchingResult } from '../../matching/index.ts'
import {
  type Database,
  listCandidateContacts,
  listCompanyMembers,
  listPositionLabels,
  type PositionLabel,
} from '../../store/index.ts'
import { preferredCandidateLocale } from '../invitations/index.ts'
import { acceptanceDeadlineOf } from '../programs/index.ts'
import { type OutgoingNotification, queueNotifications } from './queue-notifications.ts'

/** A published round: what its announcement says and to whom. */
export interface PublishedRound {
  readonly hubId: string
  readonly program: Pick<Program, 'id' | 'title' | 'timeline'>
  readonly round: number
  readonly market: Market
  readonly result: MatchingResult
}

/** Every candidate of the market: placed (where, which choice, until when to answer) or not matched. */
async function notifyCandidates(
  db: Kysely<Database>,
  published: PublishedRound,
  positionOf: ReadonlyMap<string, PositionLabel>,
): Promise<OutgoingNotification[]> {
  const { hubId, program, round, market, result } = published
  const people = await listCandidateContacts(
    db,
    market.candidates.map((c) => c.id),
  )
  const explanationOf = new Map(result.explanations.map((e) => [e.candidate, e]))
  const deadline = acceptanceDeadlineOf(program.timeline)
  return people.map((person): OutgoingNotification => {
    const explanation = explanationOf.get(person.id)
    const position = explanation?.position ? positionOf.get(explanation.position) : undefined
    // Without a login: the language they read best, as their invitation was written in.
    const locale = person.locale ?? preferredCandidateLocale(person)
    if (!position) {
      return {
        hubId,
        userId: person.userId,
        email: person.email,
        locale,
        kind: 'match_unmatched',
        params: { name: person.fullName, program: program.title, round },
        link: `/programs/${program.id}/result`,
      }
    }
    return {
      hubId,
      userId: person.userId,
      email: person.email,
      locale,
      kind: round === 1 ? 'match_placed' : 'second_round_placed',
      params: {
        name: person.fullName,
        program: program.title,
        company: position.companyName,
        position: position.title,
        choice: explanation?.choiceRank ?? '-',
        deadline: deadline || '-',
      },
      link: `/programs/${program.id}/result`,
    }
  })
}

/** Every member of every company with seats in the market: how many seats the company filled. */
async function notifyCompanies(
  db: Kysely<Database>,
  published: PublishedRound,
  positions: readonly PositionLabel[],
): Promise<OutgoingNotification[]> {
  const { hubId, program, result } = published
  const companyOf = new Map(positions.map((p) => [p.id, p.companyId]))
  const filledByCompany = new Map<string, number>()
  for (const a of result.assignments) {
    const companyId = companyOf.get(a.position)
    if (companyId) filledByCompany.set(companyId, (filledByCompany.get(companyId) ?? 0) + 1)
  }
  const members = await listCompanyMembers(db, [...new Set(positions.map((p) => p.companyId))])
  return members.map((member) => ({
    hubId,
    userId: member.id,
    email: member.email,
    locale: member.locale ?? 'ko',
    kind: 'company_results',
    params: {
      program: program.title,
      company: member.companyName,
      count: filledByCompany.get(member.companyId) ?? 0,
    },
    link: `/programs/${program.id}/company-results`,
  }))
}

/**
 * Applicants found not eligible are not in the market; the first announcement tells them too, so that every
 * applicant hears an outcome (their program page shows the rules they did not meet, and why).
 */
async function notifyIneligibleApplicants(
  db: Kysely<Database>,
  { hubId, program }: PublishedRound,
): Promise<OutgoingNotification[]> {
  const ineligible = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .leftJoin('authUser', 'authUser.id', 'candidate.userId')
    .select([
      'candidate.fullName',
      'candidate.email',
      'candidate.userId',
      'authUser.locale',
      'candidate.nationality',
      'candidate.languages',
    ])
    .where('application.programId', '=', program.id)
    .where('application.status', '=', 'ineligible')
    .execute()
  return ineligible.map((person) => ({
    hubId,
    userId: person.userId,
    email: person.email,
    locale: person.locale ?? preferredCandidateLocale(person),
    kind: 'application_ineligible',
    params: { name: person.fullName, program: program.title },
    link: `/programs/${program.id}`,
  }))
}

/**
 * Queues the announcement of a published round to its three audiences, each in their language: every
 * candidate of the market, every member of a company with seats in it, and (round 1) every applicant found
 * not eligible.
 */
export async function notifyRunPublished(db: Kysely<Database>, published: PublishedRound): Promise<void> {
  const positions = await listPositionLabels(
    db,
    published.market.positions.map((p) => p.id),
  )
  const positionOf = new Map(positions.map((row) => [row.id, row]))
  const outgoing = [
    ...(await notifyCandidates(db, published, positionOf)),
    ...(await notifyCompanies(db, published, positions)),
    ...(published.round === 1 ? await notifyIneligibleApplicants(db, published) : []),
  ]
  await queueNotifications(db, outgoing)
}
