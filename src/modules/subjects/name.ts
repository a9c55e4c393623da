/** Normalise an organisation or person name for matching: width, brackets, spaces, suffix variants. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（〔【［]/g, '(')
    .replace(/[）〕】］]/g, ')')
    .replace(/有限责任公司/g, '有限公司')
    .replace(/股份有限公司/g, '股份公司')
    .toLowerCase();
}
