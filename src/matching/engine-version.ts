/** Engine name and version written into every result; bump when results for the same input change. */
export const ENGINE_VERSION = 'ieum-matching/2.0.0'
