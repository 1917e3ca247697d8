import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'

// The UI's three languages must offer the same strings: a key missing in Korean or Vietnamese would
// silently fall back to English. Plural keys differ by language (`_one` exists only in English), so the
// suffix is dropped before comparing.
const LOCALES_DIR = new URL('../../src/web/locales/', import.meta.url)
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

function readKeys(locale: string): Map<string, string> {
  const tree = JSON.parse(readFileSync(new URL(`${locale}.json`, LOCALES_DIR), 'utf8')) as unknown
  const keys = new Map<string, string>()
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') keys.set(prefix.replace(PLURAL_SUFFIX, ''), node)
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key)
    } else assert.fail(`${locale}.json: ${prefix} is neither text nor a group`)
  }
  walk(tree, '')
  return keys
}

test('ko, en and vi locale files have the same keys and no empty strings', () => {
  const english = readKeys('en')
  for (const locale of ['ko', 'vi']) {
    const other = readKeys(locale)
    assert.deepEqual([...other.keys()].sort(), [...english.keys()].sort(), `${locale}.json matches en.json`)
    for (const [key, text] of other) assert.ok(text.trim().length > 0, `${locale}.json: ${key} is empty`)
  }
})

test('Korean and Vietnamese strings are translated, not copies of English', () => {
  const english = readKeys('en')
  // Codes and names that read the same in every language.
  const SAME_EVERYWHERE =
    /^(languageLevel\.(A1|A2|B1|B2|C1|C2)|signIn\.email|profile\.email|app\.name|programKind\.bootcamp|degree\.bootcamp|visa\.H-1)$/
  for (const locale of ['ko', 'vi']) {
    const copied = [...readKeys(locale)].filter(
      ([key, text]) => english.get(key) === text && !SAME_EVERYWHERE.test(key),
    )
    assert.deepEqual(copied, [], `${locale}.json has untranslated strings`)
  }
})

test('interpolation placeholders match across languages', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
  const english = readKeys('en')
  for (const locale of ['ko', 'vi']) {
    for (const [key, text] of readKeys(locale)) {
      const expected = placeholders(english.get(key) ?? '').filter((name) => name !== 'count')
      const actual = placeholders(text).filter((name) => name !== 'count')
      assert.deepEqual(actual, expected, `${locale}.json ${key}`)
    }
  }
})

test('the outbox names every kind of notification in each language', async () => {
  const { NOTIFICATION_KINDS } = await import('../../src/services/index.ts')
  for (const locale of ['en', 'ko', 'vi']) {
    const keys = readKeys(locale)
    for (const kind of NOTIFICATION_KINDS)
      assert.ok(keys.has(`outbox.kinds.${kind}`), `${locale}.json: outbox.kinds.${kind}`)
  }
})
