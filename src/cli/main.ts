/**
 * `ieum` command line: thin commands over the services. Run from the repo root as
 * `npm run --silent ieum -- <command>`.
 */
import { Command } from 'commander'

const program = new Command()
program
  .name('ieum')
  .description('Ieum (이음): match AI talent with AI startups — server, database and matching tools')
  .showHelpAfterError()

await program.parseAsync(process.argv)
