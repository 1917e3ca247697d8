import type { SkillLabel } from '../../domain/index.ts'
import { SKILL_TAXONOMY } from '../../scoring/index.ts'

/** The taxonomy labels of the given skill ids (free labels that are not in the taxonomy are left out). */
export function labelSkills(skillIds: readonly string[]): Record<string, SkillLabel> {
  const labels: Record<string, SkillLabel> = {}
  for (const id of skillIds) {
    const index = SKILL_TAXONOMY.indexById.get(id)
    const label = index === undefined ? undefined : SKILL_TAXONOMY.labels[index]
    if (label) labels[id] = label
  }
  return labels
}
