import { loadCategories, loadDepartments } from '../../api/catalog';
import { api } from '../../api/client';
import type { Json } from '../../api/schema';

/** GET /audit (AuditEntry in src/modules/access/schema.ts): entries newest first, with the subject's name and code and the department's name. */
export type AuditPage = Json<'/api/v1/audit', 'get'>;
export type AuditRow = AuditPage['items'][number];

/** The filters: `subject` a USCC, ID number, legacy code or subject id; `actor` a user name; `action` names or prefixes ending in *. */
export interface AuditFilters { actor?: string; subject?: string; action?: string[]; from?: string; to?: string; page: number }

export const PAGE_SIZE = 20;
export const loadAudit = (f: AuditFilters, signal: AbortSignal) => api.get('/api/v1/audit', { query: { ...f, pageSize: PAGE_SIZE } }, signal);
/** The accounts, for the actor filter's suggestions. */
export const loadUserNames = async (signal: AbortSignal) => (await api.get('/api/v1/users', { query: { page: 1, pageSize: 200 } }, signal)).items.map((u) => u.username);

/** Names for the codes details carry: categories (Chinese and English) and departments. */
export interface CodeNames { category: Map<string, { zh: string; en: string }>; department: Map<string, string>; fields: Map<string, Map<string, string>> }
export async function loadCodeNames(): Promise<CodeNames> {
  const [cats, depts] = await Promise.all([loadCategories(), loadDepartments()]);
  return {
    category: new Map(cats.map((c) => [c.code, { zh: c.name, en: c.nameEn || c.name }])), department: new Map(depts.map((d) => [d.code, d.name])),
    fields: new Map(cats.map((c) => [c.code, new Map(c.fields.map((f) => [f.code, f.label]))])),
  };
}
