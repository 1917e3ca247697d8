import { useTranslation } from 'react-i18next'
import type { SkillLevelEntry } from '../domain/index.ts'

/** Skills as small chips with their level (1–5); `limit` keeps the strongest few. */
export function SkillList(props: { readonly skills: readonly SkillLevelEntry[]; readonly limit?: number }) {
  const { t } = useTranslation()
  const sorted = [...props.skills].sort((a, b) => b.level - a.level || a.skill.localeCompare(b.skill))
  const shown = props.limit === undefined ? sorted : sorted.slice(0, props.limit)
  if (shown.length === 0) return <span className="muted">–</span>
  return (
    <ul className="chips">
      {shown.map((entry) => (
        <li key={entry.skill} className="chip" title={t('skill.levelTitle', { level: entry.level })}>
          {entry.skill}
          <span className="chip-level" aria-hidden="true">
            {entry.level}
          </span>
          <span className="visually-hidden">{t('skill.levelTitle', { level: entry.level })}</span>
        </li>
      ))}
    </ul>
  )
}
