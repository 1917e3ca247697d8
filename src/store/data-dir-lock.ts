import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../domain/index.ts'

/** A held lock on an embedded-database folder; `release()` is idempotent. */
export interface DataDirLock {
  readonly path: string
  release(): void
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes an exclusive lock on `dataDir` so that a second process cannot open the same PGlite folder
 * (PGlite has no cross-process locking: two writers silently lose data). A lock left by a process
 * that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'ieum.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, `${process.pid}\n`)
      closeSync(fd)
      let isReleased = false
      const release = (): void => {
        if (isReleased) return
        isReleased = true
        rmSync(path, { force: true })
        process.off('exit', release)
      }
      process.on('exit', release)
      return { path, release }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10)
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new AppError(
          'conflict',
          `the data folder ${dataDir} is in use by another Ieum process (pid ${holder}); stop it first or set IEUM_DATA_DIR to another folder`,
        )
      }
      if (holder === process.pid) {
        throw new AppError('conflict', `the data folder ${dataDir} is already open in this process`)
      }
      rmSync(path, { force: true }) // stale lock of a process that has ended
    }
  }
  throw new AppError('conflict', `could not lock the data folder ${dataDir}`)
}
