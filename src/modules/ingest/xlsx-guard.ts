import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ValidationError } from '../../errors.js';
import { MAX_XLSX_BYTES, MAX_XLSX_ENTRIES, MAX_XLSX_INFLATED_BYTES } from './limits.js';

/**
 * An .xlsx is a zip, and a zip of a few MB can inflate to GBs. Before the Excel reader (exceljs,
 * which inflates every part as it streams them) sees an upload, the upload is put in a temp file
 * and its zip directory read: the sizes it declares must add up to at most
 * MAX_XLSX_INFLATED_BYTES, and the parts must follow one another exactly as the directory says
 * (so the streaming reader meets no part the directory does not list). Then every part is
 * inflated once with a byte cap at its declared size, so a directory that understates a size
 * is caught after a few KB too much, not after GBs.
 */

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.ceil(n / MB)} MB`;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
/** What the streaming reader (unzipper) reads after data followed by a descriptor: signature, CRC, sizes. */
const DESCRIPTOR_BYTES = 16;
const ZIP64 = 0xffffffff;

export const malformedXlsx = (why: string, detail: Record<string, unknown> = {}) =>
  new ValidationError(`无法读取 XLSX 文件：${why}（文件损坏，或不是 Excel 2007 及以上的 .xlsx 格式）`, [{ field: 'file', message: why, ...detail }], 'malformed_xlsx');

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Where a part's compressed bytes lie, as a streaming reader frames them. */
interface Framed extends ZipEntry {
  dataStart: number;
  /** Ended by a descriptor found by its signature: the signature must not occur inside the data. */
  bySignature: boolean;
}

export interface SpooledXlsx {
  path: string;
  remove(): Promise<void>;
}

/** The upload in a temp file, refused past MAX_XLSX_BYTES; then its zip checked as described above. */
export async function spoolCheckedXlsx(stream: Readable): Promise<SpooledXlsx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-xlsx-'));
  const file = path.join(dir, 'upload.xlsx');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    let bytes = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes <= MAX_XLSX_BYTES) return cb(null, chunk);
        cb(new ValidationError(`XLSX 文件超过 ${mb(MAX_XLSX_BYTES)}：请拆分为多个文件，或另存为 CSV 后上传`, [{ field: 'file', message: 'file over size limit', limit: MAX_XLSX_BYTES }], 'file_too_large'));
      },
    });
    await pipeline(stream, cap, createWriteStream(file));
    const fh = await open(file);
    try {
      const parts = await frame(fh, await readDirectory(fh));
      for (const e of parts) await inflateCapped(file, e);
    } finally {
      await fh.close();
    }
    return { path: file, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead < length) throw malformedXlsx('文件不完整');
  return buf;
}

/** The central directory, checked against the limits before anything is inflated. */
async function readDirectory(fh: FileHandle): Promise<{ entries: ZipEntry[]; directoryAt: number }> {
  const { size: fileSize } = await fh.stat();
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(fh, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0 && at < 0; i -= 1) if (tail.readUInt32LE(i) === SIG_END) at = i;
  if (at < 0) throw malformedXlsx('找不到 zip 目录');
  const count = tail.readUInt16LE(at + 10);
  const dirSize = tail.readUInt32LE(at + 12);
  const dirAt = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === ZIP64 || dirAt === ZIP64) throw malformedXlsx('使用了 ZIP64 格式（用于 4 GB 以上的文件），请另存为普通 .xlsx 或改用 CSV');
  if (count > MAX_XLSX_ENTRIES) throw malformedXlsx(`包含 ${count} 个部件，超过 ${MAX_XLSX_ENTRIES} 个的上限`, { limit: MAX_XLSX_ENTRIES });
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0 || dirAt + dirSize !== fileSize - tailLength + at) throw malformedXlsx('zip 目录位置不符');
  const dir = await readAt(fh, dirAt, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== SIG_CENTRAL) throw malformedXlsx('zip 目录损坏');
    const nameLength = dir.readUInt16LE(p + 28);
    const e: ZipEntry = {
      flags: dir.readUInt16LE(p + 8), method: dir.readUInt16LE(p + 10), compressedSize: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24),
      offset: dir.readUInt32LE(p + 42), name: dir.toString('utf8', p + 46, p + 46 + nameLength),
    };
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    if (e.flags & 1) throw malformedXlsx('文件已加密，请取消密码保护后再上传', { entry: e.name });
    if (e.method !== 0 && e.method !== 8) throw malformedXlsx(`部件 ${e.name} 使用了不支持的压缩方式 ${e.method}`, { entry: e.name });
    if (e.compressedSize === ZIP64 || e.size === ZIP64 || e.offset === ZIP64) throw malformedXlsx('使用了 ZIP64 格式（用于 4 GB 以上的文件），请另存为普通 .xlsx 或改用 CSV', { entry: e.name });
    entries.push(e);
  }
  if (p !== dir.length) throw malformedXlsx('zip 目录损坏');
  checkInflatedSize(entries);
  return { entries, directoryAt: dirAt };
}

function checkInflatedSize(entries: ZipEntry[]): void {
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total <= MAX_XLSX_INFLATED_BYTES) return;
  const biggest = entries.reduce((a, b) => (b.size > a.size ? b : a));
  throw new ValidationError(
    `XLSX 文件解压后有 ${mb(total)}，超过 ${mb(MAX_XLSX_INFLATED_BYTES)} 的上限（其中 ${biggest.name} 为 ${mb(biggest.size)}），可能是异常文件：请拆分文件，或另存为 CSV 后上传`,
    [{ field: 'file', entry: biggest.name, message: 'inflated size over limit', limit: MAX_XLSX_INFLATED_BYTES, inflatedBytes: total }],
    'xlsx_too_large',
  );
}

/** Each part's local header where the directory says, the next one right after its data: no gaps, nothing hidden. */
async function frame(fh: FileHandle, d: { entries: ZipEntry[]; directoryAt: number }): Promise<Framed[]> {
  const framed: Framed[] = [];
  let expected = 0;
  for (const e of [...d.entries].sort((a, b) => a.offset - b.offset)) {
    const bad = malformedXlsx(`部件 ${e.name} 的位置或大小与 zip 目录不符`, { entry: e.name });
    if (e.offset !== expected) throw bad;
    const h = await readAt(fh, e.offset, 30);
    const flags = h.readUInt16LE(6);
    const localSize = h.readUInt32LE(18);
    if (h.readUInt32LE(0) !== SIG_LOCAL || h.readUInt16LE(8) !== e.method || localSize === ZIP64 || h.readUInt32LE(22) === ZIP64) throw bad;
    const bySignature = (flags & 8) !== 0 && localSize === 0;
    if (!bySignature && localSize !== e.compressedSize) throw bad;
    const dataStart = e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
    expected = dataStart + e.compressedSize;
    if (flags & 8) {
      if (!(await readAt(fh, expected, 4)).equals(SIG_DESCRIPTOR)) throw bad;
      expected += DESCRIPTOR_BYTES;
    }
    framed.push({ ...e, dataStart, bySignature });
  }
  if (expected !== d.directoryAt) throw malformedXlsx('zip 目录之前有目录未列出的内容');
  return framed;
}

/** Fails when a data descriptor's signature occurs inside a part's data (a reader would end the part there). */
function signatureScan(name: string): Transform {
  let carry = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      const window = Buffer.concat([carry, chunk]);
      if (window.includes(SIG_DESCRIPTOR)) return cb(malformedXlsx(`部件 ${name} 的数据中含有 zip 记录标记`, { entry: name }));
      carry = window.subarray(Math.max(0, window.length - 3));
      cb(null, chunk);
    },
  });
}

/** Inflate one part and throw it away, failing as soon as it gives more than its declared size. */
async function inflateCapped(file: string, e: Framed): Promise<void> {
  if (e.compressedSize === 0) return;
  let n = 0;
  const cap = new Writable({
    write(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      cb(n > e.size ? malformedXlsx(`部件 ${e.name} 解压后超过 zip 目录记录的 ${e.size} 字节，可能是异常文件`, { entry: e.name, declaredBytes: e.size }) : null);
    },
  });
  const scan = e.bySignature ? signatureScan(e.name) : new PassThrough();
  const inflate = e.method === 8 ? zlib.createInflateRaw() : new PassThrough();
  try {
    await pipeline(createReadStream(file, { start: e.dataStart, end: e.dataStart + e.compressedSize - 1 }), scan, inflate, cap);
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw malformedXlsx(`部件 ${e.name} 的压缩数据损坏`, { entry: e.name });
  }
}
