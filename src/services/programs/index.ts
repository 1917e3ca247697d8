/** Programs: their settings, phases and the positions and seats they offer. */

export { acceptanceDeadlineOf } from './acceptance-deadline-of.ts'
export { addProgramPositions } from './add-program-positions.ts'
export { createProgram } from './create-program.ts'
export { getProgram } from './get-program.ts'
export { listPositionCatalog } from './list-position-catalog.ts'
export { listProgramPositions, type ProgramPosition } from './list-program-positions.ts'
export { listPrograms, type ProgramOverview } from './list-programs.ts'
export { type ProgramSeatEntry, setProgramPositions } from './set-program-positions.ts'
export { updateProgram } from './update-program.ts'
