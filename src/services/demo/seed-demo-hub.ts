import type { Kysely } from 'kysely'
import { DEMO_HUB_SLUG, ProgramInputSchema } from '../../domain/index.ts'
import { type Database, toCandidateValues, toCompanyValues, toPositionValues } from '../../store/index.ts'
import { createUserAccount } from '../accounts/index.ts'
import { DEMO_ELIGIBILITY_RULES } from '../eligibility/index.ts'
import { DEMO_PASSWORD, type DemoHub, generateDemoHub } from './generate-demo-hub.ts'

/** A demo login to print at start-up. */
export interface DemoLogin {
  readonly role: string
  readonly email: string
  readonly password: string
  readonly name: string
}

/** What seeding did. */
export interface DemoSeedResult {
  readonly isCreated: boolean
  readonly logins: readonly DemoLogin[]
  readonly counts: { companies: number; positions: number; candidates: number; applications: number }
}

const DEMO_SLUG = DEMO_HUB_SLUG

function loginsOf(demo: DemoHub): DemoLogin[] {
  return demo.accounts.map((account) => ({
    role: account.role,
    email: account.email,
    password: DEMO_PASSWORD,
    name: account.name,
  }))
}

function countsOf(demo: DemoHub) {
  return {
    companies: demo.companies.length,
    positions: demo.positions.length,
    candidates: demo.candidates.length,
    applications: demo.applications.length,
  }
}

/**
 * Writes the seeded demo hub (program, companies, positions, applicants, demo logins) in one transaction.
 * With `reset` an existing demo hub and its logins are replaced; without it an existing one is kept.
 */
export async function seedDemoHub(
  db: Kysely<Database>,
  options: { seed?: number; reset?: boolean; now?: Date } = {},
): Promise<DemoSeedResult> {
  const demo = generateDemoHub({ seed: options.seed ?? 2027 })
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('hub').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst()
    if (existing && !options.reset)
      return { isCreated: false, logins: loginsOf(demo), counts: countsOf(demo) }
    if (existing) {
      const users = await trx
        .selectFrom('roleGrant')
        .select('userId')
        .where('hubId', '=', existing.id)
        .execute()
      await trx.deleteFrom('hub').where('id', '=', existing.id).execute()
      const emails = demo.accounts.map((account) => account.email)
      const ids = [...new Set(users.map((u) => u.userId))]
      if (ids.length > 0) await trx.deleteFrom('authUser').where('id', 'in', ids).execute()
      await trx.deleteFrom('authUser').where('email', 'in', emails).execute()
    }
    const hub = await trx
      .insertInto('hub')
      .values({ name: demo.hub.name, slug: DEMO_SLUG })
      .returning('id')
      .executeTakeFirstOrThrow()

    const companyIds = new Map<string, string>()
    for (const company of demo.companies) {
      const row = await trx
        .insertInto('company')
        .values(toCompanyValues(hub.id, company))
        .returning('id')
        .executeTakeFirstOrThrow()
      companyIds.set(company.externalKey ?? company.name, row.id)
    }

    const positionIds: string[] = []
    for (const { companyKey, ...position } of demo.positions) {
      const companyId = companyIds.get(companyKey)
      if (!companyId)
        throw new Error(`demo position ${position.externalKey} names unknown company ${companyKey}`)
      const row = await trx
        .insertInto('position')
        .values(toPositionValues(companyId, position))
        .returning('id')
        .executeTakeFirstOrThrow()
      positionIds.push(row.id)
    }

    const candidateRows = await trx
      .insertInto('candidate')
      .values(demo.candidates.map((candidate) => toCandidateValues(hub.id, candidate)))
      .returning(['id', 'externalKey'])
      .execute()
    const candidateIds = new Map(candidateRows.map((row) => [row.externalKey ?? '', row.id]))

    const program = ProgramInputSchema.parse(demo.program)
    const programRow = await trx
      .insertInto('program')
      .values({
        hubId: hub.id,
        kind: program.kind,
        title: program.title,
        description: program.description,
        phase: 'call_open',
        timeline: JSON.stringify(program.timeline),
        capacity: program.capacity,
        matchingConfig: JSON.stringify(program.matchingConfig),
        eligibilityRules: JSON.stringify(DEMO_ELIGIBILITY_RULES),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('programPosition')
      .values(positionIds.map((positionId) => ({ programId: programRow.id, positionId, capacity: null })))
      .execute()
    await trx
      .insertInto('application')
      .values(
        demo.applications.map((application) => {
          const candidateId = candidateIds.get(application.candidateKey)
          if (!candidateId)
            throw new Error(`demo application names unknown candidate ${application.candidateKey}`)
          return {
            programId: programRow.id,
            candidateId,
            status: 'submitted',
            motivation: application.motivation,
          }
        }),
      )
      .execute()

    for (const account of demo.accounts) {
      const companyId = account.companyKey ? companyIds.get(account.companyKey) : undefined
      const candidateId = account.candidateKey ? candidateIds.get(account.candidateKey) : undefined
      await createUserAccount(trx, {
        email: account.email,
        name: account.name,
        password: DEMO_PASSWORD,
        locale: account.locale,
        grants: [
          {
            role: account.role,
            hubId: hub.id,
            companyId: companyId ?? null,
            candidateId: candidateId ?? null,
          },
        ],
        ...(options.now && { now: options.now }),
      })
    }
    return { isCreated: true, logins: loginsOf(demo), counts: countsOf(demo) }
  })
}
