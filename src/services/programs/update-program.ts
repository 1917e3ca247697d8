import type { Program, ProgramPatch } from '../../domain/index.ts'
import { fromProgramInput, toProgram } from '../../store/index.ts'
import { requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { checkCompanyCaps } from './check-company-caps.ts'
import { getProgram } from './get-program.ts'

/** Changes a program's settings or phase (operator). */
export async function updateProgram(
  context: ServiceContext,
  programId: string,
  patch: ProgramPatch,
): Promise<Program> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  await checkCompanyCaps(context, patch)
  const row = await context.db
    .updateTable('program')
    .set({ ...fromProgramInput(patch), ...(patch.phase !== undefined && { phase: patch.phase }) })
    .where('id', '=', programId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toProgram(row)
}
