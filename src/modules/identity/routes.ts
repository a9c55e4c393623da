import type { Api } from '../../http/api.js';
import { errorResponses } from '../../http/schemas.js';
import { Validation, ValidateQuery } from './schema.js';
import { validateCode } from './validate.js';

export async function identityRoutes(app: Api): Promise<void> {
  app.get('/identity/validate', {
    schema: {
      tags: ['identity'],
      summary: 'Validate and explain a USCC, citizen ID number, organisation code or registration number',
      querystring: ValidateQuery,
      response: { 200: Validation, ...errorResponses },
    },
  }, async (req) => {
    const r = validateCode(req.query.code);
    return { valid: r.valid, scheme: r.scheme, normalized: r.normalized, parts: r.parts, errors: r.errors, warnings: r.warnings };
  });
}
