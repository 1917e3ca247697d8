import { LANGUAGE_LEVELS, UI_LOCALES, type UiLocale } from '../../domain/index.ts'

/** Ieum hubs are Korean public hubs: their own language is Korean (operators' UI starts in Korean too). */
export const HUB_LOCALE: UiLocale = 'ko'

/**
 * The interface language a candidate reads best: the best-known of Korean, English and Vietnamese in their
 * profile (ties go to the hub's Korean, then English); without one, their nationality's language
 * (VN → vi, KR → ko), else English.
 */
export function preferredCandidateLocale(candidate: {
  readonly languages: readonly unknown[]
  readonly nationality: string
}): UiLocale {
  let best: { locale: UiLocale; level: number } | null = null
  for (const entry of candidate.languages) {
    const { language, level } = (entry ?? {}) as { language?: unknown; level?: unknown }
    const locale = UI_LOCALES.find((code) => code === language)
    const rank = LANGUAGE_LEVELS.indexOf(level as (typeof LANGUAGE_LEVELS)[number])
    if (!locale || rank < 0) continue
    const isBetter =
      !best ||
      rank > best.level ||
      (rank === best.level && TIE_ORDER.indexOf(locale) < TIE_ORDER.indexOf(best.locale))
    if (isBetter) best = { locale, level: rank }
  }
  if (best) return best.locale
  if (candidate.nationality === 'VN') return 'vi'
  if (candidate.nationality === 'KR') return 'ko'
  return 'en'
}

const TIE_ORDER: readonly UiLocale[] = ['ko', 'en', 'vi']
