import type { Program, ProgramInput } from '../../domain/index.ts'
import { fromProgramInput, toProgram } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { checkCompanyCaps } from './check-company-caps.ts'

/** Creates a program in the operator's hub, in its first phase. */
export async function createProgram(context: ServiceContext, input: ProgramInput): Promise<Program> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  await checkCompanyCaps(context, input)
  const row = await db
    .insertInto('program')
    .values({
      ...fromProgramInput(input),
      hubId: hubIdOf(actor),
      kind: input.kind,
      title: input.title,
      capacity: input.capacity,
      phase: 'call_open',
      matchingConfig: JSON.stringify(input.matchingConfig),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toProgram(row)
}
