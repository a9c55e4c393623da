import type { RouteOptions } from 'fastify';

/**
 * Integers beyond 2^53 lose their value in JavaScript and overflow the database's bigint; a number
 * such as 1e309 is Infinity. Every integer or number in a route's params, query and body gets
 * bounds unless the route set its own, so such values are a 400 naming the field, not a 5xx.
 */
const BOUNDS = {
  integer: { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
  number: { minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE },
} as const;

type Schema = Record<string, unknown>;
const seen = new WeakSet<object>();

function bound(schema: unknown): void {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  const s = schema as Schema;
  const type = s.type;
  const kinds = Array.isArray(type) ? type : [type];
  for (const kind of ['integer', 'number'] as const) {
    if (!kinds.includes(kind)) continue;
    if (s.maximum === undefined && s.exclusiveMaximum === undefined) s.maximum = BOUNDS[kind].maximum;
    if (s.minimum === undefined && s.exclusiveMinimum === undefined) s.minimum = BOUNDS[kind].minimum;
    break;
  }
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs']) {
    const m = s[key];
    if (m && typeof m === 'object') for (const v of Object.values(m as Schema)) bound(v);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']) bound(s[key]);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    const a = s[key];
    if (Array.isArray(a)) a.forEach(bound);
  }
  // OpenAPI-style body `{ content: { 'application/json': { schema } } }`.
  const content = s.content;
  if (content && typeof content === 'object') for (const v of Object.values(content as Schema)) bound((v as Schema).schema);
}

/** onRoute: bound the request schemas of a route (its response schemas are ours to keep right). */
export function boundRequestNumbers(route: RouteOptions): void {
  const schema = route.schema as Schema | undefined;
  if (!schema) return;
  for (const part of ['params', 'querystring', 'body']) bound(schema[part]);
}
