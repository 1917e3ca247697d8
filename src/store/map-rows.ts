import type { Selectable } from 'kysely'
import type {
  Application,
  Candidate,
  CandidateInput,
  Company,
  CompanyInput,
  MatchingConfig,
  Position,
  PositionInput,
  Program,
  ProgramInput,
} from '../domain/index.ts'
import type { Database } from './database.ts'

type Row<T extends keyof Database> = Selectable<Database[T]>

const iso = (value: Date): string => value.toISOString()
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value)

/** A company row as the domain type. */
export function toCompany(row: Row<'company'>): Company {
  return {
    id: row.id,
    hubId: row.hubId,
    externalKey: orUndefined(row.externalKey),
    name: row.name,
    domain: row.domain,
    size: row.size as Company['size'],
    location: row.location,
    description: row.description,
    website: orUndefined(row.website),
    isVerified: row.isVerified,
    createdAt: iso(row.createdAt),
  }
}

/** A position row as the domain type. */
export function toPosition(row: Row<'position'>): Position {
  return {
    id: row.id,
    companyId: row.companyId,
    externalKey: orUndefined(row.externalKey),
    kind: row.kind as Position['kind'],
    title: row.title,
    description: row.description,
    requiredSkills: row.requiredSkills,
    preferredSkills: row.preferredSkills,
    languages: row.languages as Position['languages'],
    workMode: row.workMode as Position['workMode'],
    location: row.location,
    timeZone: row.timeZone,
    startDate: orUndefined(row.startDate),
    endDate: orUndefined(row.endDate),
    hoursPerWeek: row.hoursPerWeek,
    capacity: row.capacity,
    stipendKrw: orUndefined(row.stipendKrw),
    subsidyKrw: orUndefined(row.subsidyKrw),
    createdAt: iso(row.createdAt),
  }
}

/** Position input as column values (jsonb as text). */
export function fromPositionInput(input: Partial<PositionInput>) {
  return {
    ...(input.externalKey !== undefined && { externalKey: input.externalKey }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.requiredSkills !== undefined && { requiredSkills: JSON.stringify(input.requiredSkills) }),
    ...(input.preferredSkills !== undefined && { preferredSkills: JSON.stringify(input.preferredSkills) }),
    ...(input.languages !== undefined && { languages: JSON.stringify(input.languages) }),
    ...(input.workMode !== undefined && { workMode: input.workMode }),
    ...(input.location !== undefined && { location: input.location }),
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.startDate !== undefined && { startDate: input.startDate }),
    ...(input.endDate !== undefined && { endDate: input.endDate }),
    ...(input.hoursPerWeek !== undefined && { hoursPerWeek: input.hoursPerWeek }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.stipendKrw !== undefined && { stipendKrw: input.stipendKrw }),
    ...(input.subsidyKrw !== undefined && { subsidyKrw: input.subsidyKrw }),
  }
}

/** A candidate row as the domain type. */
export function toCandidate(row: Row<'candidate'>): Candidate {
  return {
    id: row.id,
    hubId: row.hubId,
    userId: row.userId,
    externalKey: orUndefined(row.externalKey),
    fullName: row.fullName,
    email: row.email,
    nationality: row.nationality,
    residenceCountry: row.residenceCountry,
    city: row.city,
    timeZone: row.timeZone,
    languages: row.languages as Candidate['languages'],
    education: row.education as Candidate['education'],
    skills: row.skills as Candidate['skills'],
    experience: row.experience as Candidate['experience'],
    links: row.links,
    availableFrom: orUndefined(row.availableFrom),
    availableTo: orUndefined(row.availableTo),
    hoursPerWeek: row.hoursPerWeek,
    workModePreference: row.workModePreference as Candidate['workModePreference'],
    visaStatus: row.visaStatus as Candidate['visaStatus'],
    cvText: row.cvText,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  }
}

/** Candidate input as column values (jsonb as text). */
export function fromCandidateInput(input: Partial<CandidateInput>) {
  const json = (value: unknown) => JSON.stringify(value)
  return {
    ...(input.externalKey !== undefined && { externalKey: input.externalKey }),
    ...(input.fullName !== undefined && { fullName: input.fullName }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.nationality !== undefined && { nationality: input.nationality }),
    ...(input.residenceCountry !== undefined && { residenceCountry: input.residenceCountry }),
    ...(input.city !== undefined && { city: input.city }),
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.languages !== undefined && { languages: json(input.languages) }),
    ...(input.education !== undefined && { education: json(input.education) }),
    ...(input.skills !== undefined && { skills: json(input.skills) }),
    ...(input.experience !== undefined && { experience: json(input.experience) }),
    ...(input.links !== undefined && { links: json(input.links) }),
    ...(input.availableFrom !== undefined && { availableFrom: input.availableFrom }),
    ...(input.availableTo !== undefined && { availableTo: input.availableTo }),
    ...(input.hoursPerWeek !== undefined && { hoursPerWeek: input.hoursPerWeek }),
    ...(input.workModePreference !== undefined && { workModePreference: json(input.workModePreference) }),
    ...(input.visaStatus !== undefined && { visaStatus: input.visaStatus }),
    ...(input.cvText !== undefined && { cvText: input.cvText }),
  }
}

/** A program row as the domain type. */
export function toProgram(row: Row<'program'>): Program {
  return {
    id: row.id,
    hubId: row.hubId,
    kind: row.kind as Program['kind'],
    title: row.title,
    description: row.description,
    phase: row.phase as Program['phase'],
    timeline: row.timeline as Program['timeline'],
    capacity: row.capacity,
    matchingConfig: row.matchingConfig as MatchingConfig,
    createdAt: iso(row.createdAt),
  }
}

/** Program input as column values (jsonb as text). */
export function fromProgramInput(input: Partial<ProgramInput>) {
  return {
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.timeline !== undefined && { timeline: JSON.stringify(input.timeline) }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.matchingConfig !== undefined && { matchingConfig: JSON.stringify(input.matchingConfig) }),
  }
}

/** An application row as the domain type. */
export function toApplication(row: Row<'application'>): Application {
  return {
    id: row.id,
    programId: row.programId,
    candidateId: row.candidateId,
    status: row.status as Application['status'],
    motivation: row.motivation,
    submittedAt: iso(row.submittedAt),
  }
}

/** Every column of a new candidate row (jsonb as text). */
export function toCandidateValues(hubId: string, input: CandidateInput) {
  return {
    hubId,
    externalKey: input.externalKey ?? null,
    fullName: input.fullName,
    email: input.email,
    nationality: input.nationality,
    residenceCountry: input.residenceCountry,
    city: input.city,
    timeZone: input.timeZone,
    languages: JSON.stringify(input.languages),
    education: JSON.stringify(input.education),
    skills: JSON.stringify(input.skills),
    experience: JSON.stringify(input.experience),
    links: JSON.stringify(input.links),
    availableFrom: input.availableFrom ?? null,
    availableTo: input.availableTo ?? null,
    hoursPerWeek: input.hoursPerWeek,
    workModePreference: JSON.stringify(input.workModePreference),
    visaStatus: input.visaStatus,
    cvText: input.cvText,
  }
}

/** Every column of a new company row. */
export function toCompanyValues(hubId: string, input: CompanyInput) {
  return {
    hubId,
    externalKey: input.externalKey ?? null,
    name: input.name,
    domain: input.domain,
    size: input.size,
    location: input.location,
    description: input.description,
    website: input.website ?? null,
    // Companies an operator imports are vouched for by the hub, as when the operator creates one.
    isVerified: true,
  }
}

/** Every column of a new position row (jsonb as text). */
export function toPositionValues(companyId: string, input: PositionInput) {
  return {
    companyId,
    externalKey: input.externalKey ?? null,
    kind: input.kind,
    title: input.title,
    description: input.description,
    requiredSkills: JSON.stringify(input.requiredSkills),
    preferredSkills: JSON.stringify(input.preferredSkills),
    languages: JSON.stringify(input.languages),
    workMode: input.workMode,
    location: input.location,
    timeZone: input.timeZone,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    hoursPerWeek: input.hoursPerWeek,
    capacity: input.capacity,
    stipendKrw: input.stipendKrw ?? null,
    subsidyKrw: input.subsidyKrw ?? null,
  }
}
