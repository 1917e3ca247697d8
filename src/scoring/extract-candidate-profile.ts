/**
 * Extracts a candidate profile from a free-text CV in Korean, English, Vietnamese or a mix: skills with
 * levels and evidence, language levels, the highest degree and years of experience. An empty or unreadable
 * text, or one with nothing recognisable, gives `status: 'nothing_extracted'` and empty fields.
 */
import { analyzeText, classifyEmptyText, detectTextLanguages } from './analyze-text.ts'
import { extractEducation } from './extract-education.ts'
import { extractExperienceYears } from './extract-experience-years.ts'
import { extractLanguageLevels } from './extract-language-levels.ts'
import { extractSkills } from './extract-skills.ts'
import type { CandidateExtraction } from './extraction-types.ts'
import { SKILL_TAXONOMY, type SkillTaxonomy } from './skill-taxonomy.ts'

/** Texts longer than this are cut (a CV is far shorter); keeps extraction time bounded. */
export const MAX_EXTRACTION_CHARACTERS = 100_000

/** Extracts what a CV states; never invents: absent facts stay null or empty. */
export function extractCandidateProfile(
  text: string,
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): CandidateExtraction {
  const analyzed = analyzeText(text.slice(0, MAX_EXTRACTION_CHARACTERS))
  const skills = extractSkills(analyzed, taxonomy, false)
  const languages = extractLanguageLevels(analyzed)
  const education = extractEducation(analyzed)[0] ?? null
  const yearsOfExperience = extractExperienceYears(analyzed)
  const isEmpty =
    skills.required.length === 0 && languages.length === 0 && education === null && yearsOfExperience === null
  if (isEmpty) {
    return {
      status: 'nothing_extracted',
      reason: classifyEmptyText(text),
      textLanguages: detectTextLanguages(analyzed),
      skills: [],
      languages: [],
      education: null,
      yearsOfExperience: null,
      warnings: [],
    }
  }
  return {
    status: 'extracted',
    textLanguages: detectTextLanguages(analyzed),
    skills: skills.required,
    languages,
    education,
    yearsOfExperience,
    warnings: skills.isStuffingSuspected ? ['keyword_stuffing_suspected'] : [],
  }
}
