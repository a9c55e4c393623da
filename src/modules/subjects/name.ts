import { Converter } from 'opencc-js/t2cn';

const toCn = Converter({ from: 't', to: 'cn' });
const changesChar = new Map<string, boolean>();

/** Traditional → simplified Chinese (OpenCC); names without a traditional character are returned as they are, cheaply. */
export function toSimplified(s: string): string {
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x2e80) continue;
    let c = changesChar.get(ch);
    if (c === undefined) changesChar.set(ch, (c = toCn(ch) !== ch));
    if (c) return toCn(s);
  }
  return s;
}

/** Normalise an organisation or person name for matching: script, width, brackets, spaces, suffix variants. */
export function normalizeName(name: string): string {
  return toSimplified(name)
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（〔【［]/g, '(')
    .replace(/[）〕】］]/g, ')')
    .replace(/有限责任公司/g, '有限公司')
    .replace(/股份有限公司/g, '股份公司')
    .toLowerCase();
}
