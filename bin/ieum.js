#!/usr/bin/env node
/**
 * The `ieum` command (`npm run --silent ieum -- <command>`, or `ieum` once the package is linked).
 *
 * It runs `src/cli/main.ts` compiled to plain JavaScript: esbuild bundles our sources (npm packages stay
 * external and load from node_modules) into `node_modules/.cache/ieum-cli/<key>/`, where the key digests
 * every bundled source's path, size and modification time. An unchanged checkout starts straight from the
 * cached bundle, without a TypeScript loader (about 0.3 s sooner, which matters for `ieum match`); an
 * edited source rebuilds in about 0.1 s. Builds go to a temporary folder that is renamed into place, so
 * concurrent runs never see half a bundle. Where the cache cannot be written, the sources run through tsx.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'src', 'cli', 'main.ts')
const cacheDir = join(root, 'node_modules', '.cache', 'ieum-cli')
const inputsFile = join(cacheDir, 'inputs.json')
/** Files that change the build without being bundled. */
const BUILD_FILES = ['package.json', 'tsconfig.json', 'bin/ieum.js']

/** The cache key of a list of source paths (relative to the root), or null when one is missing. */
function keyOf(inputs) {
  // The root too: worktrees may share one node_modules, and the bundle holds absolute source URLs.
  const hash = createHash('sha256').update(`${process.version}\0${root}\n`)
  for (const path of [...BUILD_FILES, ...inputs]) {
    let stat
    try {
      stat = statSync(join(root, path))
    } catch {
      return null
    }
    hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`)
  }
  return hash.digest('hex').slice(0, 20)
}

/** The bundle of the current sources when the cache holds it. */
function findCached() {
  let inputs
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  } catch {
    return null
  }
  const key = keyOf(inputs)
  if (key === null) return null
  const main = join(cacheDir, key, 'main.js')
  try {
    statSync(main)
    return main
  } catch {
    return null
  }
}

/**
 * `import.meta.url` keeps meaning the source file's own URL inside the bundle (the server finds the built
 * web UI relative to its source file).
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const url = JSON.stringify(pathToFileURL(args.path).href)
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' }
    })
  },
}

/** Removes bundles of earlier sources that are a day old (a long-running server may still load chunks). */
function removeStaleBundles(current) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name)
    try {
      if (name !== current && statSync(path).isDirectory() && statSync(path).mtimeMs < dayAgo)
        rmSync(path, { recursive: true, force: true })
    } catch {
      // Another run removed it first.
    }
  }
}

/** Bundles the sources into the cache; the new bundle's main file. */
async function build() {
  const esbuild = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  const temporary = join(cacheDir, `build-${process.pid}-${Date.now()}`)
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      outdir: temporary,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      metafile: true,
      logLevel: 'error',
      plugins: [keepImportMetaUrl],
    })
    const inputs = Object.keys(result.metafile.inputs)
      .map((path) => relative(root, resolve(root, path)))
      .sort()
    const key = keyOf(inputs)
    if (key === null) throw new Error('a source file vanished during the build')
    const target = join(cacheDir, key)
    try {
      renameSync(temporary, target)
    } catch {
      // Another run built the same sources first: use its bundle.
    }
    const listed = `${inputsFile}.tmp-${process.pid}`
    writeFileSync(listed, JSON.stringify(inputs))
    renameSync(listed, inputsFile)
    removeStaleBundles(key)
    return join(target, 'main.js')
  } finally {
    rmSync(temporary, { recursive: true, force: true })
  }
}

async function main() {
  let compiled = findCached()
  if (compiled === null)
    try {
      compiled = await build()
    } catch (error) {
      // A source that does not compile: esbuild has printed where.
      if (Array.isArray(error?.errors) && error.errors.length > 0) process.exit(1)
      if (process.env.IEUM_DEBUG_LAUNCHER) console.error(error)
    }
  if (compiled !== null) {
    await import(pathToFileURL(compiled).href)
    return
  }
  // No writable cache (or no esbuild): run the TypeScript sources directly.
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(entry).href)
}

await main()
