import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { withTx, type Db, type Pool } from '../../db/pool.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { checkModel, type CatalogView } from './model-check.js';
import type { ModelDefinition, ModelRow } from './model-types.js';
import * as repo from './repo.js';

const MODELS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'models');
/** The seeded defaults, as data files operators can copy. */
export const DEFAULT_MODEL_FILES = ['enterprise.yaml', 'natural-person.yaml'];
/** Their codes: what the platform evaluates once on its first start. */
export const DEFAULT_MODEL_CODES = ['enterprise', 'natural_person'];
/** Audit action of a model version's publication. */
export const MODEL_PUBLISHED = 'evaluation.model.published';

/** Parse a model from JSON or YAML text (YAML is a superset of JSON), naming the line of a syntax error. */
export function parseModelSource(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ValidationError('模型文件无法解析（JSON / YAML 语法错误）', doc.errors.map((e) => ({
      field: 'source', reason: 'syntax_error', line: e.linePos?.[0]?.line, message: `第 ${e.linePos?.[0]?.line ?? '?'} 行：${e.message.split('\n')[0]}`,
    })), 'invalid_model');
  }
  return doc.toJS();
}

export async function catalogView(db: Db): Promise<CatalogView & { categoryIds: Map<string, number>; disclosure: Map<string, string> }> {
  const c = await repo.catalogForModels(db);
  return {
    categories: new Map(c.categories.map((x) => [x.code, { fields: x.fields.map((f) => f.code) }])),
    lists: new Set(c.lists),
    categoryIds: new Map(c.categories.map((x) => [x.code, x.id])),
    disclosure: new Map(c.categories.map((x) => [x.code, x.disclosure])),
  };
}

/** Validate a model against the catalog or throw a ValidationError listing every problem. */
export async function validateModel(db: Db, input: unknown): Promise<ModelDefinition> {
  const r = checkModel(input, await catalogView(db));
  if (!r.ok) throw new ValidationError(`评价模型有误：${r.issues.map((i) => i.message).join('；')}`, r.issues, 'invalid_model');
  return r.model;
}

/** Operators publish a model (a new version when the code exists; earlier results are untouched). */
export async function createModel(pool: Pool, viewer: Viewer, input: unknown): Promise<ModelRow> {
  requireRole(viewer, 'admin', 'operator');
  return withTx(pool, async (db) => {
    const def = await validateModel(db, input);
    const row = await repo.insertModelVersion(db, def, viewer.username ?? 'system');
    await appendAudit(db, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: MODEL_PUBLISHED, ip: viewer.ip,
      details: { modelId: row.id, model: row.code, version: row.version, name: row.name },
    });
    return row;
  });
}

/** Seed the default enterprise and natural-person models unless a model with that code exists. */
export async function seedEvaluationModels(db: Db): Promise<number> {
  let added = 0;
  for (const file of DEFAULT_MODEL_FILES) {
    const input = parseModelSource(await readFile(path.join(MODELS_DIR, file), 'utf8'));
    const def = await validateModel(db, input);
    if (await repo.latestModel(db, def.code)) continue;
    await repo.insertModelVersion(db, def, 'system');
    added += 1;
  }
  return added;
}

export const listModels = (db: Db): Promise<ModelRow[]> => repo.listModels(db);

/** `code` or `code@version`. */
export async function resolveModel(db: Db, ref: string): Promise<ModelRow> {
  const m = /^([a-z][a-z0-9_]{1,62})(?:@(\d+))?$/.exec(ref.trim());
  const row = m ? (m[2] ? await repo.modelVersion(db, m[1]!, Number(m[2])) : await repo.latestModel(db, m[1]!)) : null;
  if (!row) throw new NotFoundError('evaluation model', ref, 'unknown_model');
  return row;
}
