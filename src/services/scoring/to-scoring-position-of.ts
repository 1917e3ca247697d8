import type { Position } from '../../domain/index.ts'
import type { ScoringPosition } from '../../scoring/index.ts'
import { CEFR, utcOffsetMinutes } from './to-scoring-candidate-of.ts'

/** A stored position as the scoring library sees it. */
export function toScoringPositionOf(position: Position, seats = position.capacity): ScoringPosition {
  const offset = utcOffsetMinutes(position.timeZone)
  return {
    id: position.id,
    requiredSkills: position.requiredSkills.map((s) => ({ skill: s.skill, minLevel: s.level })),
    preferredSkills: position.preferredSkills.map((s) => ({ skill: s.skill, minLevel: s.level })),
    languages: position.languages.map((l) => ({ code: l.language, minLevel: CEFR[l.level] })),
    workMode: position.workMode,
    location: `KR-${position.location}`,
    ...(offset !== undefined && { utcOffsetMinutes: offset }),
    ...(position.startDate && { startDate: position.startDate }),
    ...(position.endDate && { endDate: position.endDate }),
    hoursPerWeek: position.hoursPerWeek,
    seats,
  }
}
