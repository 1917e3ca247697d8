/**
 * `ieum` command line: thin commands over the services. Run from the repo root as
 * `npm run --silent ieum -- <command>`.
 */
import { Command } from 'commander'
import { AppError } from '../domain/app-error.ts'

type Register = (program: Command) => void

// Each group of commands loads only when one of its commands runs (`ieum match` should not pay for the
// scoring taxonomy or the server's environment schema); help and unknown commands load them all.
const COMMAND_GROUPS: readonly {
  readonly names: readonly string[]
  readonly load: () => Promise<Register>
}[] = [
  {
    names: ['serve', 'migrate', 'hub', 'demo'],
    load: async () => (await import('./server-commands.ts')).registerServerCommands,
  },
  {
    names: ['audit', 'purge'],
    load: async () => (await import('./audit-commands.ts')).registerAuditCommands,
  },
  {
    names: ['backup', 'restore'],
    load: async () => (await import('./backup-commands.ts')).registerBackupCommands,
  },
  { names: ['scoring'], load: async () => (await import('./scoring-command.ts')).registerScoringCommands },
  {
    names: ['match', 'verify', 'market'],
    load: async () => (await import('./match-command.ts')).registerMatchCommands,
  },
]

const program = new Command()
program
  .name('ieum')
  .description('Ieum (이음): match AI talent with AI startups — server, database and matching tools')
  .showHelpAfterError()

const commandName = process.argv[2]
const wanted = COMMAND_GROUPS.filter(
  (group) => commandName !== undefined && group.names.includes(commandName),
)
for (const group of wanted.length > 0 ? wanted : COMMAND_GROUPS) (await group.load())(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  // Expected problems (bad input, a locked data folder) print one clear line; bugs keep their stack.
  if (error instanceof AppError) {
    console.error(`ieum: ${error.message}`)
    for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`)
    process.exit(1)
  }
  throw error
}
