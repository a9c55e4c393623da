import { inTx, isPool, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { auditChange } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { withEnglishLabels } from './field-labels-en.js';
import { NATIONAL_CATEGORIES } from './national-catalog.js';
import * as repo from './repo.js';
import { FIELD_TYPES, SUBJECT_KINDS, type Category, type NewCategory } from './types.js';

/** Categories the platform's migrations add beside the national seed (workflow results), with national field codes. */
const PLATFORM_CATEGORIES = ['commitment_breach', 'inspection_result'];

/**
 * Seed the national basic catalog; existing categories (maybe edited by operators) are kept, and
 * only get the English names they lack (databases seeded before fields had English labels).
 */
export async function seedNationalCatalog(db: Db): Promise<number> {
  let added = 0;
  for (const c of NATIONAL_CATEGORIES) if (await repo.insertCategory(db, c)) added += 1;
  const nameEn = new Map(NATIONAL_CATEGORIES.map((c) => [c.code, c.nameEn]));
  for (const c of await repo.listCategories(db)) {
    if (!nameEn.has(c.code) && !PLATFORM_CATEGORIES.includes(c.code)) continue;
    const fields = withEnglishLabels(c.fields);
    const missingName = !c.nameEn && Boolean(nameEn.get(c.code));
    if (missingName || fields.some((f, i) => f !== c.fields[i])) await repo.fillEnglishNames(db, c.code, nameEn.get(c.code) ?? '', fields);
  }
  forgetCategories();
  return added;
}

export const listCategories = (db: Db): Promise<Category[]> => repo.listCategories(db);

/** How long a process reuses the category list on read paths (names, codes, ids for display). */
const CATEGORY_CACHE_MS = 2000;
let categoryCache = new WeakMap<Pool, { at: number; list: Promise<Category[]> }>();

/**
 * The category list for read paths that run per request (archive, 双公示): kept per pool for two
 * seconds, so a page costs no catalog query. Only for what a page shows and the ids it filters by;
 * disclosure is enforced in SQL against the category table, never from this copy. A category added
 * in this process is seen at once; one added by another process within two seconds.
 */
export function categoriesForReading(db: Db): Promise<Category[]> {
  if (!isPool(db)) return repo.listCategories(db);
  const pool = db;
  const hit = categoryCache.get(pool);
  const now = Date.now();
  if (hit && now - hit.at < CATEGORY_CACHE_MS) return hit.list;
  const list = repo.listCategories(pool);
  categoryCache.set(pool, { at: now, list });
  list.catch(() => categoryCache.delete(pool));
  return list;
}

/** After any change to the catalog. */
function forgetCategories(): void {
  categoryCache = new WeakMap();
}
export const listClasses = (db: Db) => repo.listClasses(db);

export async function getCategory(db: Db, code: string): Promise<Category> {
  const c = await repo.findCategory(db, code);
  if (!c) throw new NotFoundError('category', code, 'unknown_category');
  return c;
}

/** Structural checks a category must pass before records can be filed under it. */
export function checkCategoryDefinition(c: NewCategory): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  const codes = new Set<string>();
  c.fields.forEach((fd, i) => {
    const at = `fields[${i}]`;
    if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(fd.code)) issues.push({ field: `${at}.code`, message: `数据项编码“${fd.code}”应为大写字母、数字和下划线` });
    if (codes.has(fd.code)) issues.push({ field: `${at}.code`, message: `数据项编码“${fd.code}”重复` });
    codes.add(fd.code);
    if (!FIELD_TYPES.includes(fd.type)) issues.push({ field: `${at}.type`, message: `未知类型“${fd.type}”` });
    if (fd.type === 'enum' && !fd.enum?.length) issues.push({ field: `${at}.enum`, message: '枚举类型必须列出取值' });
  });
  const mustExist: [string, string | null | undefined][] = [
    ['keyField', c.keyField], ['decisionField', c.decisionField], ['subjectFields.name', c.subjectFields.name],
    ['subjectFields.uscc', c.subjectFields.uscc], ['subjectFields.idNumber', c.subjectFields.idNumber],
  ];
  for (const [name, code] of mustExist) {
    if (code && !codes.has(code)) issues.push({ field: name, message: `引用的数据项“${code}”不存在` });
  }
  if (!c.subjectKinds.length || c.subjectKinds.some((k) => !SUBJECT_KINDS.includes(k))) {
    issues.push({ field: 'subjectKinds', message: `适用主体类型应取自 ${SUBJECT_KINDS.join(', ')}` });
  }
  if (c.subjectKinds.includes('natural_person') && !c.subjectFields.idNumber) {
    issues.push({ field: 'subjectFields.idNumber', message: '适用于自然人的类别必须指定证件号码数据项' });
  }
  return issues;
}

/** Operators add categories (信息类别) to the catalog. */
export async function addCategory(db: Db, viewer: Viewer, input: NewCategory): Promise<Category> {
  requireRole(viewer, 'admin', 'operator');
  const issues = checkCategoryDefinition(input);
  if (!(await repo.classExists(db, input.classCode))) {
    issues.push({ field: 'classCode', message: `未知目录大类“${input.classCode}”` });
  }
  if (issues.length) throw new ValidationError('信息类别定义有误', issues);
  const row = await inTx(db, async (tx) => {
    const added = await repo.insertCategory(tx, input);
    if (!added) throw new ConflictError(`信息类别编码 ${input.code} 已存在`, [{ field: 'code', message: 'duplicate category code' }]);
    await auditChange(tx, viewer, 'category.created', { categories: [added.code], details: { code: added.code, name: added.name, disclosure: added.disclosure, fields: added.fields.length } });
    return added;
  });
  forgetCategories();
  return row;
}
