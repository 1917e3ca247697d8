import { type Candidate, type RequiredProfileField, VISA_STATUSES } from '../../domain/index.ts'
import { UNKNOWN_COUNTRY } from '../accounts/index.ts'

/** Which required fields of a profile still hold the placeholders registration put there. */
export function findMissingProfileFields(
  candidate: Pick<Candidate, 'nationality' | 'residenceCountry' | 'city' | 'visaStatus'>,
): RequiredProfileField[] {
  const missing: RequiredProfileField[] = []
  if (candidate.nationality === UNKNOWN_COUNTRY) missing.push('nationality')
  if (candidate.residenceCountry === UNKNOWN_COUNTRY) missing.push('residenceCountry')
  if (candidate.city.trim() === '') missing.push('city')
  if (!(VISA_STATUSES as readonly string[]).includes(candidate.visaStatus)) missing.push('visaStatus')
  return missing
}
