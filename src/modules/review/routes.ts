import type { FastifyError } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { errorHandler } from '../../http/errors.js';
import { errorResponses } from '../../http/schemas.js';
import { getReview, giveFeedback } from './feedback.js';
import { AUTO_CONFIRM_SCORE, CANDIDATE_MIN_SCORE } from './match.js';
import { FeedbackBody, FeedbackView, HitParams, ReviewBody, ReviewParams, ReviewResultView, StoredReviewView } from './schema.js';
import { runReview, tooManyParties } from './service.js';

export async function reviewRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = { pool: deps.pool, pd: deps.pd, clock: deps.clock };

  app.post('/reviews', {
    // 10,000 parties with long names fit; a bigger body is answered with the party limit, not a bare size error.
    bodyLimit: 16 * 1024 * 1024,
    errorHandler: (err: FastifyError, req, reply) => errorHandler(err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? tooManyParties(Number.NaN) : err, req, reply),
    schema: {
      tags: ['review'], summary: 'Credit review (信用审查) of up to 10,000 parties in a scenario (department clerk, department system, credit center)',
      description: `Per party, in input order: the matched subject (exact code, or exact normalised name, or a fuzzy name match scoring ≥ ${AUTO_CONFIRM_SCORE}), weaker candidates (≥ ${CANDIDATE_MIN_SCORE}), live list entries and serious penalties, and the active measures for the scenario with their legal basis. Malformed codes are reported in the party's errors.`,
      body: ReviewBody, response: { 200: ReviewResultView, ...errorResponses, 413: errorResponses[400] },
    },
  }, async (req) => runReview(ctx, req.viewer, req.body));

  app.get('/reviews/:id', {
    schema: { tags: ['review'], summary: 'A stored review with its hits and feedback (the reviewing department, the credit center)', params: ReviewParams, response: { 200: StoredReviewView, ...errorResponses } },
  }, async (req) => getReview(deps.pool, req.viewer, req.params.id));

  app.post('/reviews/:id/hits/:hitId/feedback', {
    schema: {
      tags: ['review'], summary: 'Feedback on one hit (反馈): measure applied or not, and why (the reviewing department only)',
      params: HitParams, body: FeedbackBody, response: { 201: FeedbackView, ...errorResponses },
    },
  }, async (req, reply) => {
    const p = req.params;
    return reply.status(201).send(await giveFeedback(deps.pool, req.viewer, p.id, p.hitId, req.body, deps.clock.now()));
  });
}
