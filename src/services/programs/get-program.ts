import { AppError } from '../../domain/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { listPrograms, type ProgramOverview } from './list-programs.ts'

/** One program, if the actor takes part in it. */
export async function getProgram(context: ServiceContext, programId: string): Promise<ProgramOverview> {
  const program = (await listPrograms(context)).find((p) => p.id === programId)
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  return program
}
