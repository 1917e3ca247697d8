import type { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import pg from 'pg'

/**
 * Builds a `pg.Client` class whose connections talk to an in-process PGlite instead of a socket.
 *
 * Each client gets its own protocol connection from `createPgConfig` (the shim's shared one is torn
 * down after an SQL error, which would crash the next query), and a non-array `types` option — pg's
 * per-query type parsers — is dropped before it reaches the protocol serializer, which expects OIDs.
 */
export function createPgliteClientClass(pglite: PGlite): typeof pg.Client {
  return class PgliteClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      const pgliteConfig = createPgConfig(pglite) as unknown as pg.ClientConfig & {
        connection: { parse: (query: { types?: unknown }) => void }
      }
      const connection = pgliteConfig.connection
      const parse = connection.parse.bind(connection)
      connection.parse = (query) => {
        if (query.types !== undefined && !Array.isArray(query.types)) {
          const { types: _dropped, ...rest } = query
          parse(rest)
        } else parse(query)
      }
      super({ ...config, ...pgliteConfig })
    }
  }
}
