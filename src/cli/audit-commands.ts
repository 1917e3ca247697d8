import type { Command } from 'commander'
import { readEnvironment } from './read-environment.ts'

const loadStore = () => import('../store/index.ts')
const loadServices = () => import('../services/index.ts')

/** `ieum audit verify`, `ieum audit purge` and `ieum purge` (the retention job). */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description("the hubs' hash-chained audit logs")
  audit
    .command('verify')
    .description(
      'seal new entries, then check every hub’s chain; exits 1 when an entry was edited or deleted',
    )
    .option('--hub <slug>', 'only this hub')
    .action(async (options: { hub?: string }) => {
      const { createDb } = await loadStore()
      const { sealAuditLog, verifyAuditChain } = await loadServices()
      const store = await createDb(readEnvironment().target)
      try {
        await sealAuditLog(store.db)
        let hubs = store.db.selectFrom('hub').select(['id', 'slug'])
        if (options.hub) hubs = hubs.where('slug', '=', options.hub)
        let isIntact = true
        for (const hub of await hubs.execute()) {
          const report = await verifyAuditChain(store.db, hub.id)
          isIntact &&= report.isIntact
          console.log(
            `${hub.slug}: ${report.isIntact ? 'intact' : 'BROKEN'} (${report.checkedRows} entries checked${report.startsAfterSeq > 0 ? ` after purged entry ${report.startsAfterSeq}` : ''})`,
          )
          for (const problem of report.problems) console.log(`  ${problem.kind}: ${problem.message}`)
        }
        if (!isIntact) process.exitCode = 1
      } finally {
        await store.close()
      }
    })
  audit
    .command('purge')
    .description('delete entries older than IEUM_AUDIT_RETENTION_DAYS (≥ 365), keeping the chain verifiable')
    .action(async () => {
      const environment = readEnvironment()
      const { createDb } = await loadStore()
      const { purgeAuditLog } = await loadServices()
      const store = await createDb(environment.target)
      try {
        const { purgedRows } = await purgeAuditLog(store.db, {
          now: new Date(),
          retentionDays: environment.auditRetentionDays,
        })
        console.log(`purged ${purgedRows} audit entries older than ${environment.auditRetentionDays} days`)
      } finally {
        await store.close()
      }
    })

  program
    .command('purge')
    .description(
      'retention: erase the personal data of applicants of programs closed longer than IEUM_APPLICANT_RETENTION_DAYS, and audit entries older than IEUM_AUDIT_RETENTION_DAYS (run it daily)',
    )
    .action(async () => {
      const environment = readEnvironment()
      const { createDb } = await loadStore()
      const { purgeAuditLog, purgeClosedProgramApplicants } = await loadServices()
      const store = await createDb(environment.target)
      try {
        const now = new Date()
        const applicants = await purgeClosedProgramApplicants(store.db, {
          now,
          retentionDays: environment.applicantRetentionDays,
        })
        console.log(
          `${applicants.programs} programs past retention: ${applicants.erasedCandidates} applicants erased, ${applicants.keptCandidates} kept (still in a live program)`,
        )
        const audit = await purgeAuditLog(store.db, { now, retentionDays: environment.auditRetentionDays })
        console.log(
          `purged ${audit.purgedRows} audit entries older than ${environment.auditRetentionDays} days`,
        )
      } finally {
        await store.close()
      }
    })
}
