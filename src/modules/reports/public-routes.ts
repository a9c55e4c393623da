import type { AppDeps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Api } from '../../http/api.js';
import { reportContext } from './routes.js';
import { NumberParam, OptionalCodeQuery } from './schema.js';
import { getReport } from './service.js';
import { verifyReport } from './verify.js';
import { verifyPage } from './verify-page.js';

/** The portal's verification page the report QR codes point to: GET /verify/{reportNo}?code= (HTML, zh-CN). */
export async function reportPublicRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx = reportContext(deps);
  app.get('/verify/:number', {
    config: { rateLimit: {} },
    schema: { tags: ['reports'], summary: 'Report verification page (HTML)', params: NumberParam, querystring: OptionalCodeQuery },
  }, async (req, reply) => {
    const { number } = req.params;
    const { code } = req.query;
    const html = (status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
    try {
      if (!code) {
        await getReport(ctx, number);
        return await html(200, verifyPage({ number, platformName: deps.config.platformName, result: null }));
      }
      const result = await verifyReport(ctx, req.viewer, number, code);
      return await html(200, verifyPage({ number, platformName: deps.config.platformName, result }));
    } catch (err) {
      if (err instanceof NotFoundError) return html(404, verifyPage({ number, platformName: deps.config.platformName, result: null, notFound: true }));
      throw err;
    }
  });
}
