import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Send a file (CSV, PDF, zip; whole or streamed) as the 200 answer of a route whose response schema lists only its JSON
 * errors. The file is not JSON, so it is not in the schema (nor in the OpenAPI document), and the
 * route's typed reply accepts only the error bodies; the plain reply taken here says so in the types.
 */
export function sendFile(reply: FastifyReply, contentType: string, body: string | Buffer | Readable, headers: Record<string, string> = {}): FastifyReply {
  return reply.type(contentType).headers(headers).send(body);
}
