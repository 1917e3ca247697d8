import { AppError, type RankEntry } from '../../domain/index.ts'

export function checkRankEntries(
  entries: readonly RankEntry[],
  allowed: ReadonlySet<string>,
  what: string,
): void {
  const seen = new Set<string>()
  const issues: { path: string; message: string }[] = []
  entries.forEach((entry, index) => {
    const ids = typeof entry === 'string' ? [entry] : entry
    for (const id of ids) {
      if (seen.has(id)) issues.push({ path: `body.entries.${index}`, message: `${id} is ranked twice` })
      else if (!allowed.has(id))
        issues.push({ path: `body.entries.${index}`, message: `${id} is not a ${what} of this program` })
      seen.add(id)
    }
  })
  if (issues.length > 0)
    throw new AppError('validation_failed', `the rank list has ${issues.length} problem(s)`, issues)
}
