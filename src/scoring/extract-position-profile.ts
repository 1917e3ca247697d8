/**
 * Extracts a position profile from a free-text description in Korean, English, Vietnamese or a mix:
 * required and preferred skills with minimum levels, language requirements, the lowest accepted degree and
 * the minimum years of experience. Empty or unrecognisable text gives `status: 'nothing_extracted'`.
 */
import { analyzeText, classifyEmptyText, detectTextLanguages, foldedIndexOf } from './analyze-text.ts'
import { MAX_EXTRACTION_CHARACTERS } from './extract-candidate-profile.ts'
import { EDUCATION_LEVELS, extractEducation } from './extract-education.ts'
import { extractExperienceYears } from './extract-experience-years.ts'
import { extractLanguageLevels } from './extract-language-levels.ts'
import { createSectionLookup, extractSkills } from './extract-skills.ts'
import type { PositionExtraction } from './extraction-types.ts'
import { SKILL_TAXONOMY, type SkillTaxonomy } from './skill-taxonomy.ts'

/** Extracts what a position description asks for; languages and degrees named only as a plus are left out. */
export function extractPositionProfile(
  text: string,
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): PositionExtraction {
  const analyzed = analyzeText(text.slice(0, MAX_EXTRACTION_CHARACTERS))
  const skills = extractSkills(analyzed, taxonomy, true)
  const sectionAt = createSectionLookup(analyzed)
  const isRequired = (item: { readonly evidence: { readonly start: number } }): boolean =>
    sectionAt(foldedIndexOf(analyzed, item.evidence.start)) === 'required'
  const languages = extractLanguageLevels(analyzed).filter(isRequired)
  const degrees = extractEducation(analyzed).filter(isRequired)
  // "BS or MS" means a bachelor is enough: the lowest degree named is the requirement.
  const education =
    degrees.length === 0
      ? null
      : degrees.reduce((low, item) =>
          EDUCATION_LEVELS.indexOf(item.level) < EDUCATION_LEVELS.indexOf(low.level) ? item : low,
        )
  const minYearsOfExperience = extractExperienceYears(analyzed)
  const isEmpty =
    skills.required.length === 0 &&
    skills.preferred.length === 0 &&
    languages.length === 0 &&
    education === null &&
    minYearsOfExperience === null
  if (isEmpty) {
    return {
      status: 'nothing_extracted',
      reason: classifyEmptyText(text),
      textLanguages: detectTextLanguages(analyzed),
      requiredSkills: [],
      preferredSkills: [],
      languages: [],
      education: null,
      minYearsOfExperience: null,
      warnings: [],
    }
  }
  return {
    status: 'extracted',
    textLanguages: detectTextLanguages(analyzed),
    requiredSkills: skills.required,
    preferredSkills: skills.preferred,
    languages,
    education,
    minYearsOfExperience,
    warnings: skills.isStuffingSuspected ? ['keyword_stuffing_suspected'] : [],
  }
}
