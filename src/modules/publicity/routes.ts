import type { AppDeps } from '../../deps.js';
import type { Api } from '../../http/api.js';
import { sendFile } from '../../http/file-reply.js';
import { errorResponses } from '../../http/schemas.js';
import { Readable } from 'node:stream';
import { EXPORT_MAX_ROWS, exportFilename, publicityCsv } from './export.js';
import { PublicityExportQuery, PublicityPage, PublicityQuery } from './schema.js';
import { searchPublicity } from './service.js';

export async function publicityRoutes(app: Api, deps: AppDeps): Promise<void> {
  app.get('/publicity', {
    config: { rateLimit: {} },
    schema: {
      tags: ['publicity'], summary: '双公示: administrative licences and penalties inside their publication window',
      description: 'Only live records (active, disputed) of public categories whose window covers today; natural persons only where the category publishes them. `q`: name fragment, USCC or document number. `from`/`to` bound the decision date.',
      querystring: PublicityQuery,
      response: { 200: PublicityPage, ...errorResponses },
    },
  }, async (req) => searchPublicity(deps.pool, deps.clock, req.query));

  app.get('/publicity/export.csv', {
    config: { rateLimit: {} },
    schema: {
      tags: ['publicity'], summary: '双公示 as CSV: what the same filters select, streamed',
      description: `UTF-8 with BOM (Excel opens the Chinese columns), public columns only (ID numbers masked), in the page's order. At most ${EXPORT_MAX_ROWS.toLocaleString('en-US')} rows: a file that reaches the maximum ends with a note line saying so; narrower filters export the rest.`,
      querystring: PublicityExportQuery,
      response: { ...errorResponses },
    },
  }, async (req, reply) => {
    const lines = publicityCsv(deps.pool, deps.clock, req.query);
    // The first line (the header) is read before answering, so a bad filter (unknown department) is a 4xx, not a cut-off file.
    const head = await lines.next();
    async function* body() {
      if (!head.done) yield head.value;
      yield* lines;
    }
    return sendFile(reply, 'text/csv; charset=utf-8', Readable.from(body()), {
      'content-disposition': `attachment; filename="${exportFilename(req.query.type, deps.clock.today())}"`, 'cache-control': 'no-store',
    });
  });
}
