/**
 * `ieum` command line: thin commands over the services. Run from the repo root as
 * `npm run --silent ieum -- <command>`.
 */
import { Command } from 'commander'
import { AppError } from '../domain/index.ts'
import { registerMatchCommands } from './match-command.ts'
import { registerScoringCommands } from './scoring-command.ts'
import { registerServerCommands } from './server-commands.ts'

const program = new Command()
program
  .name('ieum')
  .description('Ieum (이음): match AI talent with AI startups — server, database and matching tools')
  .showHelpAfterError()

registerServerCommands(program)
registerScoringCommands(program)
registerMatchCommands(program)

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
