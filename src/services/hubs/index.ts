/** Hubs: creating one with its first operator invitation. */
export { type CreatedHub, createHub, type NewHub } from './create-hub.ts'
