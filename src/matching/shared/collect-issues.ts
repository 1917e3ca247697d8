import { AppError, type AppErrorIssue } from '../../domain/app-error.ts'
import { type IdIndex, indexIds } from '../compile-market.ts'

const MAX_ISSUES = 50

/** Misuse found in one allocation problem, reported together as one `bad_request` naming each field. */
export interface IssueList {
  /** Records a problem at `path` (e.g. `organisations[3].demand`); keeps the first 50. */
  readonly note: (path: string, message: string) => void
  /** Maps the items' ids to dense indices (input order), noting duplicates at `what[i].id`. */
  readonly index: (items: readonly { readonly id: string }[], what: string) => IdIndex
  /** Throws one `bad_request` listing every noted problem; does nothing when there is none. */
  readonly throwIfAny: (what: string) => void
}

/** Starts an {@link IssueList}: engine functions check their input once and throw on misuse only. */
export function collectIssues(): IssueList {
  const issues: AppErrorIssue[] = []
  return {
    note: (path, message) => {
      if (issues.length < MAX_ISSUES) issues.push({ path, message })
    },
    index: (items, what) => indexIds(items, what, issues),
    throwIfAny: (what) => {
      if (issues.length === 0) return
      const first = issues[0]!
      throw new AppError('bad_request', `invalid ${what}: ${first.path} ${first.message}`, issues)
    },
  }
}

/** True for an integer in [0, 2^31): counts, capacities and units the engine keeps in Int32 arrays. */
export const isCount = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= 0x7fffffff
