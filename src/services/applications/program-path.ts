/** The app's page of a program (notification links). */
export function programPath(programId: string): string {
  return `/programs/${programId}`
}
