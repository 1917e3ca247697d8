import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type AppErrorCode, type AppErrorIssue } from '../domain/index.ts'
import { ERROR_STATUS } from './error-status.ts'

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: {
    readonly code: AppErrorCode
    readonly message: string
    readonly issues?: readonly AppErrorIssue[]
  }
}

function send(reply: FastifyReply, code: AppErrorCode, message: string, issues?: readonly AppErrorIssue[]) {
  const body: ErrorBody = { error: { code, message, ...(issues && issues.length > 0 && { issues }) } }
  return reply.code(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body)
}

/**
 * Turns any thrown error into `{ error: { code, message, issues? } }` with the status from the one table.
 * Validation failures name each offending field (`body.capacity`); unknown errors are logged and answer a
 * bare 500 with no stack trace.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, error.code, error.message, error.issues)
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body'
    const issues = error.validation.map((issue) => {
      const params = issue.params as { keys?: string[] }
      const path = issue.instancePath.split('/').filter((part) => part.length > 0)
      if (issue.keyword === 'unrecognized_keys' && params.keys) path.push(params.keys.join(','))
      return { path: [where, ...path].join('.'), message: issue.message ?? 'invalid' }
    })
    const fields = issues.map((issue) => issue.path).join(', ')
    return send(reply, 'validation_failed', `invalid input: ${fields}`, issues)
  }
  const fastifyError = error as FastifyError
  if (
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return send(reply, 'bad_request', 'the request body is not valid JSON', [
      { path: 'body', message: error.message },
    ])
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return send(reply, 'payload_too_large', 'the request body is too large')
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, 'bad_request', 'unsupported content type; send application/json')
  }
  if (fastifyError.statusCode === 429)
    return send(reply, 'rate_limited', 'too many requests; try again shortly')
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return send(reply, 'bad_request', error.message)
  }
  request.log.error({ err: error }, 'unhandled error')
  return send(reply, 'internal', 'internal error')
}
