import iconv from 'iconv-lite';
import { ValidationError } from '../../errors.js';

/** Text encodings a department file may use; GBK and GB2312 are decoded as their superset GB18030. */
export type TextEncoding = 'utf-8' | 'gb18030';

const ALIASES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-bom': 'utf-8',
  gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', cp936: 'gb18030', ansi: 'gb18030',
};

/** The encoding a caller named, or a 400 listing the ones we read. */
export function parseEncodingName(name: string | null | undefined): TextEncoding | null {
  if (!name?.trim()) return null;
  const e = ALIASES[name.trim().toLowerCase()];
  if (!e) throw new ValidationError(`不支持的编码“${name}”：请使用 UTF-8 或 GBK/GB18030`, [{ field: 'encoding', message: 'supported: utf-8, gbk, gb18030' }], 'unsupported_encoding');
  return e;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(sample: Buffer): boolean {
  return UTF8_BOM.every((b, i) => sample[i] === b);
}

/** Offset of the first byte that is not valid UTF-8 (a sequence cut by the sample's end is fine), or -1. */
export function invalidUtf8Offset(sample: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(sample, { stream: true });
    return -1;
  } catch {
    // Narrow down by halves: the sample is small (64 KB), a dozen decodes at most.
    let lo = 0;
    let hi = sample.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    return lo;
  }
}

/**
 * Decide how to read a text file from its first bytes: a UTF-16 byte-order mark or NUL bytes are
 * refused; the caller's choice wins when given (UTF-8 must then really be UTF-8); otherwise
 * valid UTF-8 is UTF-8 and anything else is read as GB18030 (GBK files from older systems).
 */
export function detectEncoding(sample: Buffer, requested: TextEncoding | null): TextEncoding {
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    throw new ValidationError('文件为 UTF-16 编码，请另存为 UTF-8 或 GBK 编码的 CSV', [{ field: 'file', message: 'UTF-16 byte-order mark' }], 'wrong_encoding');
  }
  const nul = sample.indexOf(0);
  if (nul >= 0) {
    throw new ValidationError(`文件不是文本文件（第 ${nul + 1} 字节为 NUL），请上传 CSV、XLSX 或 JSON Lines 文件`, [{ field: 'file', position: nul + 1, message: 'binary content' }], 'wrong_encoding');
  }
  const bad = hasUtf8Bom(sample) ? -1 : invalidUtf8Offset(sample);
  if (requested === 'utf-8' && bad >= 0) {
    throw new ValidationError(`文件不是有效的 UTF-8 编码（第 ${bad + 1} 字节），可能是 GBK 编码：请去掉 encoding 参数自动识别，或指定 encoding=gbk`, [{ field: 'encoding', position: bad + 1, message: 'invalid UTF-8' }], 'wrong_encoding');
  }
  if (requested) return requested;
  if (bad < 0) return 'utf-8';
  const text = iconv.decode(sample.subarray(0, Math.max(bad, Math.min(sample.length, 4096))), 'gb18030');
  if (text.includes('\uFFFD')) {
    throw new ValidationError('无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030', [{ field: 'file', position: bad + 1, message: 'undecodable bytes' }], 'wrong_encoding');
  }
  return 'gb18030';
}

export function decodeStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : 'gb18030', { stripBOM: true });
}

export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  return iconv.decode(bytes, encoding === 'utf-8' ? 'utf8' : 'gb18030', { stripBOM: true });
}
