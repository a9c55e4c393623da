import type { AppDeps } from '../../deps.js';
import { PayloadTooLargeError } from '../../errors.js';
import type { Api } from '../../http/api.js';
import { errorResponses, IdParam } from '../../http/schemas.js';
import { actorFor } from '../records/service.js';
import { importEntries, MAX_IMPORT_ROWS } from './import.js';
import { CodeParam, EntriesQuery, EntryBody, EntryVersions, ExitBody, ImportBody, ImportResultView, ListBody, ListEntriesPage, ListEntryView, ListPatch, ListsPage, ListView } from './schema.js';
import * as lists from './service.js';
import type { EntryRow, EntryView, ListRow } from './types.js';

const listView = (l: ListRow) => ({
  code: l.code, name: l.name, nameEn: l.nameEn, kind: l.kind, legalBasis: l.legalBasis, standard: l.standard, procedure: l.procedure, remedies: l.remedies,
  defaultMonths: l.defaultMonths, department: l.departmentCode, issuer: l.issuer, public: l.public, active: l.active,
});

export const entryView = (e: EntryRow, list?: string) => ({
  id: e.id, ...(list ? { list } : {}), subjectId: e.subjectId, basisRecords: e.basisRecordIds, departmentId: e.departmentId, decidedBy: e.decidedBy,
  documentNo: e.documentNo, reason: e.reason, listedOn: e.listedOn, plannedExpiry: e.plannedExpiry, state: e.state,
  exitReason: e.exitReason, exitNote: e.exitNote, exitedOn: e.exitedOn, version: e.version,
});

const publicEntry = (e: EntryView) => ({
  ...entryView(e), list: e.listCode, subject: { kind: e.subjectKind, name: e.subjectName, ...(e.uscc ? { uscc: e.uscc } : {}), ...(e.idMasked ? { idNumberMasked: e.idMasked } : {}) },
  department: e.departmentCode,
});

export async function listRoutes(app: Api, deps: AppDeps): Promise<void> {
  const ctx: lists.ListContext = { pool: deps.pool, pd: deps.pd, clock: deps.clock };

  app.get('/lists', {
    schema: { tags: ['lists'], summary: 'Honour, black and watch lists (红名单 / 严重失信主体名单 / 重点关注名单)', response: { 200: ListsPage } },
  }, async (req) => {
    const items = (await lists.listLists(deps.pool, req.viewer)).map(listView);
    return { items, total: items.length };
  });

  app.post('/lists', {
    schema: { tags: ['lists'], summary: 'Declare a list (admin, operator); a blacklist needs its legal basis', body: ListBody, response: { 201: ListView, ...errorResponses } },
  }, async (req, reply) => {
    const { department, ...b } = req.body;
    const row = await lists.createList(deps.pool, req.viewer, { ...b, nameEn: b.nameEn?.trim() ?? '', departmentCode: department ?? null, defaultMonths: b.defaultMonths ?? null, standard: b.standard ?? '', procedure: b.procedure ?? '', remedies: b.remedies ?? '', legalBasis: b.legalBasis ?? '' });
    return reply.status(201).send(listView(row));
  });

  app.patch('/lists/:code', {
    schema: { tags: ['lists'], summary: 'Change a list\'s texts, issuing department or status (admin, operator)', params: CodeParam, body: ListPatch, response: { 200: ListView, ...errorResponses } },
  }, async (req) => {
    const { department, ...rest } = req.body;
    const patch = department === undefined ? rest : { ...rest, departmentCode: department };
    return listView(await lists.updateList(deps.pool, req.viewer, req.params.code, patch));
  });

  app.get('/lists/:code/entries', {
    config: { rateLimit: {} },
    schema: {
      tags: ['lists'], summary: 'Entries of a list: live ones for everyone (natural persons masked); exited ones for staff',
      params: CodeParam, querystring: EntriesQuery,
      response: { 200: ListEntriesPage, ...errorResponses },
    },
  }, async (req) => {
    const r = await lists.listEntries(deps.pool, req.viewer, req.params.code, req.query);
    return { items: r.items.map(publicEntry), total: r.total };
  });

  app.post('/lists/:code/entries', {
    schema: {
      tags: ['lists'], summary: 'List a subject (发起): clerk of the issuing department, or the credit center',
      description: 'The subject by USCC or ID number; basis records must belong to it. Planned expiry defaults to the list\'s default duration.',
      params: CodeParam, body: EntryBody, response: { 201: ListEntryView, ...errorResponses },
    },
  }, async (req, reply) => {
    const e = await lists.initiateEntry(ctx, req.viewer, req.params.code, req.body, actorFor(req.viewer));
    return reply.status(201).send(entryView(e, req.params.code));
  });

  app.post('/lists/:code/entries/batch', {
    schema: {
      tags: ['lists'], summary: `Import externally decided entries (e.g. 失信被执行人), up to ${MAX_IMPORT_ROWS} rows; bad rows are reported, never fail the batch`,
      params: CodeParam, body: ImportBody, response: { 200: ImportResultView, ...errorResponses, 413: errorResponses[400] },
    },
  }, async (req) => {
    const body = req.body;
    if (body.entries.length > MAX_IMPORT_ROWS) {
      throw new PayloadTooLargeError({ field: 'entries', what: '一次导入的名单记录', limit: MAX_IMPORT_ROWS, unit: '条', sent: body.entries.length, code: 'too_many_rows' }, '请分批导入');
    }
    return importEntries(ctx, req.viewer, req.params.code, { department: body.department, rows: body.entries }, actorFor(req.viewer));
  });

  app.post('/list-entries/:id/exit', {
    schema: { tags: ['lists'], summary: 'Take a subject off a list (移出) with its reason', params: IdParam, body: ExitBody, response: { 200: ListEntryView, ...errorResponses } },
  }, async (req) => {
    const e = await lists.exitEntry(ctx, req.viewer, req.params.id, req.body, actorFor(req.viewer));
    return entryView(e);
  });

  app.get('/list-entries/:id/versions', {
    schema: { tags: ['lists'], summary: 'The ledger rows of one list entry (staff)', params: IdParam, response: { 200: EntryVersions, ...errorResponses } },
  }, async (req) => {
    const items = (await lists.readEntryVersions(deps.pool, req.viewer, req.params.id)).map((v) => ({ ...v, at: v.at.toISOString() }));
    return { items, total: items.length };
  });
}
