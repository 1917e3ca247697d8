import { execFile, spawn } from 'node:child_process'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { AppError } from '../domain/index.ts'
import type { DbTarget } from './create-db.ts'
import { lockDataDir } from './data-dir-lock.ts'

const run = promisify(execFile)

/** What a backup wrote. */
export interface BackupReport {
  readonly file: string
  readonly bytes: number
  readonly engine: 'pglite' | 'postgres'
}

/** A PostgreSQL URL without its password (which goes to the tools through PGPASSWORD, never argv). */
function splitPassword(url: string): { readonly url: string; readonly env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { url: parsed.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } }
}

/** The server's major version and schema, asked over the URL the server uses. */
async function describeServer(target: Extract<DbTarget, { kind: 'postgres' }>) {
  const client = new pg.Client({
    connectionString: target.url,
    ...(target.schema !== undefined && { options: `-c search_path=${target.schema}` }),
  })
  await client.connect()
  try {
    const { rows } = await client.query<{ version: string; schema: string }>(
      "select current_setting('server_version_num') as version, current_schema() as schema",
    )
    return { major: Math.floor(Number(rows[0]!.version) / 10_000), schema: rows[0]!.schema }
  } finally {
    await client.end()
  }
}

/**
 * The PostgreSQL client tool `name` (pg_dump, pg_restore, psql) for a server of major version `major`:
 * Debian's versioned binary when installed, else the one on PATH, which must not be older than the server
 * (pg_dump refuses newer servers).
 */
export async function findPostgresTool(name: string, major: number): Promise<string> {
  const versioned = `/usr/lib/postgresql/${major}/bin/${name}`
  const tool = existsSync(versioned) ? versioned : name
  let version: string
  try {
    version = (await run(tool, ['--version'])).stdout
  } catch {
    throw new AppError(
      'conflict',
      `${name} was not found: install the PostgreSQL ${major} client tools (Debian: apt-get install postgresql-client-${major})`,
    )
  }
  const toolMajor = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1] ?? 0)
  if (toolMajor < major) {
    throw new AppError(
      'conflict',
      `${tool} is version ${toolMajor} but the server is ${major}: install postgresql-client-${major}`,
    )
  }
  return tool
}

/** Writes `data` to `file` through a temporary name, so a failed backup never leaves a half file behind. */
function writeAtomically(file: string, data: Uint8Array): void {
  const partial = `${file}.partial`
  writeFileSync(partial, data, { mode: 0o600 })
  renameSync(partial, file)
}

/**
 * Backs up the whole database into one file.
 *
 * - Embedded (PGlite): a gzipped tarball of the data folder (`dumpDataDir`). PGlite has no cross-process
 *   locking, so the backup takes the folder's lock and refuses while a server holds it: stop `ieum serve`
 *   (a few seconds), back up, start it again. A copy taken under a running server could be torn.
 * - PostgreSQL: `pg_dump --format=custom` of Ieum's schema, consistent while servers keep running (one
 *   snapshot). The password goes to pg_dump through PGPASSWORD, not the command line.
 */
export async function backupDatabase(target: DbTarget, file: string): Promise<BackupReport> {
  if (target.kind === 'memory') throw new AppError('bad_request', 'an in-memory database cannot be backed up')
  if (target.kind === 'pglite') {
    const lock = lockDataDir(target.dataDir)
    try {
      const folder = join(target.dataDir, 'pglite')
      if (!existsSync(folder)) throw new AppError('not_found', `no database in ${target.dataDir} to back up`)
      const pglite = await PGlite.create({ dataDir: folder })
      try {
        const dump = await pglite.dumpDataDir('gzip')
        const bytes = new Uint8Array(await dump.arrayBuffer())
        writeAtomically(file, bytes)
        return { file, bytes: bytes.length, engine: 'pglite' }
      } finally {
        await pglite.close()
      }
    } finally {
      lock.release()
    }
  }
  const server = await describeServer(target)
  const pgDump = await findPostgresTool('pg_dump', server.major)
  const { url, env } = splitPassword(target.url)
  const partial = `${file}.partial`
  try {
    await run(
      pgDump,
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--schema=${server.schema}`,
        `--file=${partial}`,
        url,
      ],
      { env, maxBuffer: 16 * 1024 * 1024 },
    )
  } catch (error) {
    rmSync(partial, { force: true })
    throw new AppError(
      'conflict',
      `pg_dump failed: ${(error as { stderr?: string }).stderr?.trim() ?? error}`,
    )
  }
  renameSync(partial, file)
  return { file, bytes: readFileSync(file).length, engine: 'postgres' }
}

/** Runs `command args`, feeding `input` to its stdin; resolves with stdout, rejects with stderr. */
function pipeThrough(
  command: string,
  args: readonly string[],
  input: NodeJS.ReadableStream | string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(stderr.trim() || `exit ${code}`)),
    )
    if (typeof input === 'string') child.stdin.end(input)
    else input.pipe(child.stdin)
  })
}

/** What a restore replaced. */
export interface RestoreReport {
  readonly engine: 'pglite' | 'postgres'
  /** Where the embedded database that was replaced was kept (PGlite), or null. */
  readonly previousDataKeptIn: string | null
}

/** True when the file starts like a pg_dump custom-format archive. */
function isPgDumpArchive(file: string): boolean {
  return readFileSync(file).subarray(0, 5).toString('latin1') === 'PGDMP'
}

/**
 * Restores a file written by {@link backupDatabase} into `target`, replacing what is there.
 *
 * - Embedded: the folder's lock is taken (refused while a server holds it); an existing database is moved
 *   aside to `pglite.before-restore-<time>` rather than deleted, then the tarball is loaded.
 * - PostgreSQL: the archive becomes one SQL script (pg_restore) that psql runs in a single transaction after
 *   dropping Ieum's tables in the same schema, so a failed restore leaves the database as it was. Stop the
 *   servers first: their sessions would otherwise see the tables vanish mid-request.
 */
export async function restoreDatabase(
  target: DbTarget,
  file: string,
  options: { readonly now: Date },
): Promise<RestoreReport> {
  if (!existsSync(file)) throw new AppError('not_found', `no backup file ${file}`)
  if (target.kind === 'memory') throw new AppError('bad_request', 'cannot restore into an in-memory database')
  const isArchive = isPgDumpArchive(file)
  if (target.kind === 'pglite') {
    if (isArchive)
      throw new AppError(
        'bad_request',
        `${file} is a PostgreSQL backup; set DATABASE_URL to restore it there`,
      )
    const lock = lockDataDir(target.dataDir)
    try {
      const folder = join(target.dataDir, 'pglite')
      let previous: string | null = null
      if (existsSync(folder)) {
        previous = `${folder}.before-restore-${options.now.toISOString().replace(/[:.]/g, '-')}`
        renameSync(folder, previous)
      }
      try {
        const pglite = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([readFileSync(file)]) })
        await pglite.query('select 1')
        await pglite.close()
      } catch (error) {
        rmSync(folder, { recursive: true, force: true })
        if (previous) renameSync(previous, folder)
        throw new AppError('bad_request', `${file} is not an Ieum embedded-database backup: ${String(error)}`)
      }
      return { engine: 'pglite', previousDataKeptIn: previous }
    } finally {
      lock.release()
    }
  }
  if (!isArchive)
    throw new AppError(
      'bad_request',
      `${file} is not a pg_dump archive (an embedded backup needs no DATABASE_URL)`,
    )
  const server = await describeServer(target)
  const pgRestore = await findPostgresTool('pg_restore', server.major)
  const psql = await findPostgresTool('psql', server.major)
  const { url, env } = splitPassword(target.url)
  const listing = (await run(pgRestore, ['--list', file], { env, maxBuffer: 64 * 1024 * 1024 })).stdout
  // Entries look like `215; 1259 16390 TABLE public hub -`; the schema entry itself is left out (the schema
  // exists already and may belong to someone else), and so are the archive's comments on it.
  const entries = listing.split('\n').filter((line) => /^\d+;/.test(line))
  const schemas = new Set(
    entries.flatMap((line) => /^\d+; \d+ \d+ TABLE (?!DATA )(\S+) /.exec(line)?.slice(1, 2) ?? []),
  )
  if (schemas.size !== 1 || !schemas.has(server.schema)) {
    throw new AppError(
      'bad_request',
      `the backup holds schema ${[...schemas].join(', ') || '(none)'} but the database uses ${server.schema}`,
    )
  }
  const kept = entries.filter((line) => !/ SCHEMA - /.test(line) && !/ COMMENT - SCHEMA /.test(line))
  const listFile = `${file}.restore-list`
  writeFileSync(listFile, `${kept.join('\n')}\n`)
  try {
    const script = await pipeThrough(
      pgRestore,
      ['--no-owner', '--no-privileges', `--use-list=${listFile}`, '--file=-', file],
      '',
      env,
    )
    const { tables, functions } = await (async () => {
      const client = new pg.Client({ connectionString: target.url })
      await client.connect()
      try {
        const tableRows = await client.query<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'",
          [server.schema],
        )
        const functionRows = await client.query<{ signature: string }>(
          `select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1`,
          [server.schema],
        )
        return { tables: tableRows.rows, functions: functionRows.rows }
      } finally {
        await client.end()
      }
    })()
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
    const drops = [
      ...tables.map((row) => `drop table if exists ${quote(server.schema)}.${quote(row.name)} cascade;`),
      ...functions.map((row) => `drop function if exists ${quote(server.schema)}.${row.signature} cascade;`),
    ]
    await pipeThrough(
      psql,
      ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', `--dbname=${url}`],
      `${drops.join('\n')}\n${script}`,
      env,
    )
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError(
      'conflict',
      `restore failed, nothing was changed: ${error instanceof Error ? error.message : error}`,
    )
  } finally {
    rmSync(listFile, { force: true })
  }
  return { engine: 'postgres', previousDataKeptIn: null }
}
