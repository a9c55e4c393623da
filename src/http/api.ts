import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';

/**
 * The Fastify instance every route file registers on: typed by the TypeBox provider, so a handler's
 * `req.params`, `req.query` and `req.body` get their types from the route's schema and its return
 * value is checked against the response schema. Route files take an `Api`, never a bare
 * FastifyInstance, and never cast what a request carries.
 */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;
