import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The Ieum server `npm run dev` starts (its IEUM base URL). */
const API_TARGET = 'http://localhost:3000'

// The web UI lives in src/web and is built to dist/web, which the Fastify server serves.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: in chunks of their own they stay cached across
        // releases, and no chunk grows past Vite's 500 kB warning. Each language's strings are a chunk of
        // their own too (dynamic imports in i18n.ts). Only what the first page needs is grouped here, so
        // a library used by a lazily loaded screen stays in that screen's chunk.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              tags: ['$initial'],
              priority: 2,
            },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': {
        target: API_TARGET,
        configure(proxy) {
          // better-auth refuses sign-in from an origin other than its base URL; the dev server's
          // own origin (localhost:5173) is ours, so present the API's origin instead.
          proxy.on('proxyReq', (proxyRequest) => {
            if (proxyRequest.getHeader('origin')) proxyRequest.setHeader('origin', API_TARGET)
          })
        },
      },
    },
  },
})
