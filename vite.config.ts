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
