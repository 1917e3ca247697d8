import { AppError, type HubMember, type HubPeople, type Role, type UiLocale } from '../../domain/index.ts'
import { companyIdsOf, hasRole, hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadInvitationViews } from './invitation-rows.ts'

/**
 * The hub's people. Operators see every login with a role in the hub (with its roles, companies and last
 * sign-in) and every invitation with its status. A company member sees only the members of their own
 * companies, and only those roles; no invitations. The read is audited.
 */
export async function listHubPeople({ db, actor, now }: ServiceContext): Promise<HubPeople> {
  requireRole(actor, 'operator', 'company')
  const hubId = hubIdOf(actor)
  const isOperator = hasRole(actor, 'operator')
  const ownCompanies = companyIdsOf(actor)
  if (!isOperator && ownCompanies.length === 0) return { members: [], invitations: [] }
  let query = db
    .selectFrom('roleGrant')
    .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
    .leftJoin('company', 'company.id', 'roleGrant.companyId')
    .leftJoin('candidate', 'candidate.id', 'roleGrant.candidateId')
    .select([
      'roleGrant.id as grantId',
      'roleGrant.role',
      'roleGrant.companyId',
      'company.name as companyName',
      'roleGrant.candidateId',
      'candidate.fullName as candidateName',
      'authUser.id as userId',
      'authUser.name',
      'authUser.email',
      'authUser.locale',
      'authUser.createdAt',
    ])
    .select((eb) =>
      eb
        .selectFrom('authSession')
        .select((inner) => inner.fn.max('authSession.createdAt').as('at'))
        .whereRef('authSession.userId', '=', 'authUser.id')
        .as('lastSignInAt'),
    )
    .where('roleGrant.hubId', '=', hubId)
  if (!isOperator) {
    query = query.where('roleGrant.role', '=', 'company').where('roleGrant.companyId', 'in', ownCompanies)
  }
  const rows = await query.orderBy('authUser.name').orderBy('authUser.id').orderBy('roleGrant.role').execute()
  const members = new Map<string, HubMember & { grants: HubMember['grants'][number][] }>()
  for (const row of rows) {
    let member = members.get(row.userId)
    if (!member) {
      const lastSignIn = row.lastSignInAt as Date | string | null
      member = {
        userId: row.userId,
        name: row.name,
        email: row.email,
        locale: row.locale as UiLocale | null,
        createdAt: row.createdAt.toISOString(),
        lastSignInAt: lastSignIn ? new Date(lastSignIn).toISOString() : null,
        grants: [],
      }
      members.set(row.userId, member)
    }
    member.grants.push({
      id: row.grantId,
      role: row.role as Role,
      companyId: row.companyId,
      companyName: row.companyName,
      candidateId: row.candidateId,
      candidateName: row.candidateName,
    })
  }
  const invitations = isOperator ? await loadInvitationViews(db, { hubId }, now()) : []
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'user',
      entityId: null,
      detail: { list: members.size, invitations: invitations.length },
    },
  ])
  return { members: [...members.values()], invitations }
}

/**
 * Removes one role from a person (operators). The login stays; a removed candidate role also unlinks the
 * candidate record, so the applicant can be invited again. An operator cannot remove their own last
 * operator role (nobody could then give it back to them): `conflict`.
 */
export async function removeRoleGrant({ db, actor }: ServiceContext, grantId: string): Promise<void> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const grant = await db
    .selectFrom('roleGrant')
    .select(['id', 'userId', 'role', 'companyId', 'candidateId'])
    .where('id', '=', grantId)
    .where('hubId', '=', hubId)
    .executeTakeFirst()
  if (!grant) throw new AppError('not_found', `no role grant ${grantId}`)
  if (grant.userId === actor.userId && grant.role === 'operator') {
    const operatorGrants = await db
      .selectFrom('roleGrant')
      .select('id')
      .where('userId', '=', actor.userId)
      .where('hubId', '=', hubId)
      .where('role', '=', 'operator')
      .execute()
    if (operatorGrants.length <= 1)
      throw new AppError('conflict', 'you cannot remove your own last operator role; ask another operator')
  }
  await db.deleteFrom('roleGrant').where('id', '=', grant.id).execute()
  if (grant.candidateId) {
    await db
      .updateTable('candidate')
      .set({ userId: null })
      .where('id', '=', grant.candidateId)
      .where('userId', '=', grant.userId)
      .execute()
  }
  await recordAudit(db, actor, [
    {
      action: 'delete',
      entityType: 'role_grant',
      entityId: grant.id,
      detail: {
        userId: grant.userId,
        role: grant.role,
        companyId: grant.companyId,
        candidateId: grant.candidateId,
      },
    },
  ])
}
