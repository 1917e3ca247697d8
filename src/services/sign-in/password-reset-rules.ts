/** A reset link works this long after it was asked for. */
export const PASSWORD_RESET_MINUTES = 30
/** At most this many reset e-mails per account per hour (more requests answer the same and send nothing). */
export const PASSWORD_RESETS_PER_HOUR = 3
