/** The acceptance deadline of a timeline (`YYYY-MM-DD`), or '' when the timeline names none. */
export function acceptanceDeadlineOf(timeline: readonly { phase: string; startsOn: string }[]): string {
  return timeline.find((step) => step.phase === 'acceptance_deadline')?.startsOn ?? ''
}
