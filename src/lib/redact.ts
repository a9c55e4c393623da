/** Mask anything shaped like a citizen ID number (18 or 15 digits) in free text such as URLs. */
export function maskIdNumbersInText(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])/g, '$1**********$2')
    .replace(/(?<![0-9A-Za-z])(\d{4})\d{7}(\d{4})(?![0-9A-Za-z])/g, '$1*******$2');
}
