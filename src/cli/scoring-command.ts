import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { AppError } from '../domain/index.ts'
import {
  evaluateScoring,
  explainFit,
  extractCandidateProfile,
  extractPositionProfile,
  formatExplanation,
  type ScoringLocale,
  toScoringCandidate,
  toScoringPosition,
} from '../scoring/index.ts'

/** Evaluation targets from issue 3: the command fails when extraction falls below them. */
const TARGET_PRECISION = 0.9
const TARGET_RECALL = 0.8
const LOCALES: readonly ScoringLocale[] = ['ko', 'en', 'vi']

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new AppError('bad_request', `cannot read ${file}: ${(error as Error).message}`)
  }
}

function format(value: number): string {
  return value.toFixed(3)
}

/** `ieum scoring eval`, `ieum scoring extract <file>` and `ieum scoring explain <cv> <position>`. */
export function registerScoringCommands(program: Command): void {
  const scoring = program
    .command('scoring')
    .description('fit scoring: evaluation, profile extraction, explanations')

  scoring
    .command('eval')
    .description('extraction precision/recall and nDCG@5 of recommendations on the repo evaluation set')
    .option('--verbose', 'list extraction mistakes and each position’s top 5')
    .option('--json', 'print the full report as JSON')
    .action((options: { verbose?: boolean; json?: boolean }) => {
      const report = evaluateScoring()
      if (options.json === true) {
        console.log(JSON.stringify(report, null, 2))
      } else {
        const { extraction } = report
        console.log(`evaluation set: ${report.cvCount} CVs, ${report.positionCount} positions`)
        console.log(
          `skill extraction: precision ${format(extraction.precision)}, recall ${format(extraction.recall)} ` +
            `(${extraction.truePositives} correct, ${extraction.falsePositives} extra, ${extraction.falseNegatives} missed)`,
        )
        for (const [language, score] of Object.entries(report.extractionByLanguage)) {
          console.log(
            `  ${language}: precision ${format(score.precision)}, recall ${format(score.recall)} (${score.texts} texts)`,
          )
        }
        console.log(
          `recommendations: mean nDCG@5 ${format(report.meanNdcgAt5)} over ${report.rankings.length} positions`,
        )
        if (options.verbose === true) {
          for (const mistake of report.mistakes) {
            console.log(
              `  ${mistake.id}: extra [${mistake.extra.join(', ')}] missed [${mistake.missing.join(', ')}]`,
            )
          }
          for (const ranking of report.rankings) {
            const top = ranking.top.map((item) => `${item.id}:${item.score}`).join(' ')
            console.log(
              `  ${ranking.positionId} nDCG@5 ${format(ranking.ndcgAt5)}  top ${top}  expected ${ranking.expected.join(' ')}`,
            )
          }
        }
      }
      const isMet =
        report.extraction.precision >= TARGET_PRECISION && report.extraction.recall >= TARGET_RECALL
      if (!isMet) {
        console.error(`below target: precision ≥ ${TARGET_PRECISION} and recall ≥ ${TARGET_RECALL} required`)
        process.exitCode = 1
      }
    })

  scoring
    .command('extract <file>')
    .description('extract a profile from a CV (or, with --position, a position description) text file')
    .option('--position', 'the file is a position description')
    .action((file: string, options: { position?: boolean }) => {
      const text = readText(file)
      const extraction =
        options.position === true ? extractPositionProfile(text) : extractCandidateProfile(text)
      console.log(JSON.stringify(extraction, null, 2))
    })

  scoring
    .command('explain <cvFile> <positionFile>')
    .description('score a CV text against a position text and explain the fit')
    .option('--locale <locale>', 'ko, en or vi', 'en')
    .action((cvFile: string, positionFile: string, options: { locale: string }) => {
      const locale = options.locale as ScoringLocale
      if (!LOCALES.includes(locale))
        throw new AppError('bad_request', `--locale must be ko, en or vi, got ${options.locale}`)
      const candidate = toScoringCandidate('cv', extractCandidateProfile(readText(cvFile)))
      const position = toScoringPosition('position', extractPositionProfile(readText(positionFile)))
      const formatted = formatExplanation(explainFit(candidate, position), locale)
      console.log(formatted.headline)
      for (const line of formatted.exclusions) console.log(`  ✗ ${line}`)
      for (const component of formatted.components) {
        console.log(`${component.label}: ${component.points}/${component.weight}`)
        for (const line of component.lines) console.log(`  - ${line}`)
      }
    })
}
