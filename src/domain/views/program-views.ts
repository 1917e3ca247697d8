/** A position of the hub as the program set-up offers it: whether it takes part and with how many seats. */
export interface CatalogPosition {
  readonly id: string
  readonly externalKey: string | null
  readonly title: string
  readonly kind: string
  readonly workMode: string
  readonly location: string
  readonly companyId: string
  readonly companyName: string
  /** The position's own capacity (its seats in a program unless the program sets others). */
  readonly capacity: number
  readonly isInProgram: boolean
  /** Seats in this program when it sets its own number; null = the position's capacity. */
  readonly programSeats: number | null
}
