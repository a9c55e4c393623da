import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/pool.js';
import { NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { maskIdNumbersInFreeText } from '../../lib/redact.js';
import type { Viewer } from '../access/viewer.js';
import { findReadable, readCase } from './kernel.js';
import type { CaseKind, ReadableCase } from './kind.js';
import * as repo from './shared-repo.js';

// Evidence files travel as base64 inside the JSON body: one request carries the whole application
// (atomic, schema-validated, in the OpenAPI document), and the files are small scans. Limits keep
// a body well under the app's 10 MB body limit.

export const EVIDENCE_LIMITS = { maxFiles: 10, maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 6 * 1024 * 1024 } as const;

/** Accepted types and the bytes each must start with (the declared type must match the content). */
const SIGNATURES: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'application/ofd': [[0x50, 0x4b, 0x03, 0x04]],
};
export const EVIDENCE_TYPES = Object.keys(SIGNATURES);

export const FileUpload = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  contentType: Type.Union(EVIDENCE_TYPES.map((t) => Type.Literal(t)), { description: EVIDENCE_TYPES.join(' | ') }),
  dataBase64: Type.String({ minLength: 4, maxLength: Math.ceil(EVIDENCE_LIMITS.maxFileBytes / 3) * 4 + 4, description: `file content, base64; at most ${EVIDENCE_LIMITS.maxFileBytes} bytes` }),
}, { additionalProperties: false });
export type FileUpload = Static<typeof FileUpload>;

export interface DecodedFile {
  role: string;
  name: string;
  contentType: string;
  content: Buffer;
  sha256: string;
}

export const FileMetaView = Type.Object({
  id: Type.Integer(), role: Type.String(), name: Type.String(), contentType: Type.String(), bytes: Type.Integer(), sha256: Type.String(), uploadedBy: Type.String(), createdAt: Type.String(),
});
export const fileMetaView = (f: repo.FileMeta) => ({ ...f, createdAt: f.createdAt.toISOString() });

/** Decode and check uploads (base64, size, type against content); every problem names its field. */
export function decodeUploads(files: { role: string; file: FileUpload; field: string }[]): DecodedFile[] {
  const issues: ErrorDetail[] = [];
  if (files.length > EVIDENCE_LIMITS.maxFiles) issues.push({ field: 'files', message: `最多上传 ${EVIDENCE_LIMITS.maxFiles} 个文件` });
  let total = 0;
  const out: DecodedFile[] = [];
  for (const { role, file: sent, field } of files) {
    // Scans are often named after the ID number on them: the name is stored and shown, so it is masked.
    const file = { ...sent, name: maskIdNumbersInFreeText(sent.name) };
    const b64 = file.dataBase64.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) {
      issues.push({ field, message: `文件“${file.name}”不是有效的 base64 编码` });
      continue;
    }
    const content = Buffer.from(b64, 'base64');
    total += content.length;
    if (!content.length) issues.push({ field, message: `文件“${file.name}”为空` });
    else if (content.length > EVIDENCE_LIMITS.maxFileBytes) issues.push({ field, message: `文件“${file.name}”超过 ${EVIDENCE_LIMITS.maxFileBytes / 1024 / 1024} MB` });
    else if (!SIGNATURES[file.contentType]!.some((sig) => sig.every((byte, i) => content[i] === byte))) {
      issues.push({ field, message: `文件“${file.name}”的内容不是声明的类型 ${file.contentType}` });
    } else {
      out.push({ role, name: file.name.trim(), contentType: file.contentType, content, sha256: createHash('sha256').update(content).digest('hex') });
    }
  }
  if (total > EVIDENCE_LIMITS.maxTotalBytes) issues.push({ field: 'files', message: `文件合计超过 ${EVIDENCE_LIMITS.maxTotalBytes / 1024 / 1024} MB` });
  if (issues.length) throw new ValidationError('上传的文件有误', issues, 'invalid_file');
  return out;
}

/** Store a case's files; `owner.kind` is the case kind's name. */
export async function storeFiles(db: Db, owner: { kind: string; id: number }, files: DecodedFile[], uploadedBy: string, at: Date): Promise<repo.FileMeta[]> {
  const out: repo.FileMeta[] = [];
  for (const f of files) out.push(await repo.insertFile(db, { ownerKind: owner.kind, ownerId: owner.id, ...f, uploadedBy, at }));
  return out;
}

export const filesOf = (db: Db, kind: string, id: number) => repo.filesOf(db, kind, id);

/** One stored file of an owner that is not a case kind (a registration's licence): the caller has checked who may read it. */
export const storedFile = (db: Db, kind: string, id: number, fileId: number) => repo.fileContent(db, kind, id, fileId);

/** One case with its case file and files, for those who may read it. */
export async function readCaseWithFiles<S extends string, Row extends ReadableCase<S>, Change>(db: Db, viewer: Viewer, kind: CaseKind<S, Row, Change>, id: number) {
  return { ...(await readCase(db, viewer, kind, id)), files: await filesOf(db, kind.name, id) };
}

/** One file of a case, for those who may read the case. */
export async function caseFile<S extends string, Row extends ReadableCase<S>, Change>(db: Db, viewer: Viewer, kind: CaseKind<S, Row, Change>, id: number, fileId: number) {
  await findReadable(db, viewer, kind, id);
  const f = await repo.fileContent(db, kind.name, id, fileId);
  if (!f) throw new NotFoundError('file', String(fileId));
  return f;
}
