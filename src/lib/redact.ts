// A citizen ID number is 17 digits and a check character (digit or X), or 15 digits in the legacy
// form. It has to be found wherever it stands — glued to letters, Chinese characters or a
// percent-escape — so every run of 15 or more digits is masked, whatever surrounds it: 17 digits
// alone already carry a whole ID (the check character follows from them). ASCII and full-width
// digits both count. Only an exact unified social credit code (GB 32100) whose digits cannot be an
// ID (no birth date where an ID has it) is left as it is: masking wins over precision.

const RUN = /[0-9\uFF10-\uFF19]{15,}[Xx\uFF38\uFF58]?/g;
const USCC_CHAR = /[0-9A-Z]/;
// GB 32100 character values and weights (as in modules/identity/uscc.ts; lib stays free of modules).
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function hasUsccCheck(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARSET.indexOf(code.charAt(i)), 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
}

const asciiDigits = (s: string): string => s.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Provinces an ID starts with (GB/T 2260, with 71 Taiwan and 81–83 for Hong Kong, Macao and Taiwan residents).
const PROVINCE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

/**
 * Some window of the run could be an ID: 17 digits with a birth date (any region, as IDs for
 * foreigners begin with 9), or 15 digits beginning with a province and carrying a legacy YYMMDD —
 * in runs of any length, since three stray characters after a legacy ID match a code's mod-31
 * check one time in 31 (the property test found it), and masking wins over precision.
 */
function mayHoldId(digits: string): boolean {
  for (let i = 0; i + 15 <= digits.length; i++) {
    const w = digits.slice(i);
    if (w.length >= 17) {
      const y = Number(w.slice(6, 10));
      if (y >= 1850 && y <= 2100 && isRealDate(y, Number(w.slice(10, 12)), Number(w.slice(12, 14)))) return true;
    }
    if (PROVINCE.test(w) && isRealDate(1900 + Number(w.slice(6, 8)), Number(w.slice(8, 10)), Number(w.slice(10, 12)))) return true;
  }
  return false;
}

/** The run lies inside an 18-character token that is a valid USCC and its digits cannot be an ID. */
function isUsccPart(text: string, start: number, end: number, digits: string): boolean {
  let from = start;
  let to = end;
  while (from > 0 && USCC_CHAR.test(text.charAt(from - 1))) from -= 1;
  while (to < text.length && USCC_CHAR.test(text.charAt(to))) to += 1;
  return to - from === 18 && hasUsccCheck(text.slice(from, to)) && !mayHoldId(digits.replace(/[Xx]$/, ''));
}

const maskRun = (run: string): string => run.slice(0, 4) + '*'.repeat(run.length - 8) + run.slice(-4);

/** Mask everything shaped like a citizen ID number (18 or 15 digits) in text such as a URL or a note. */
export function maskIdNumbersInText(text: string): string {
  return text.replace(RUN, (run: string, offset: number) => {
    const digits = asciiDigits(run);
    return digits === run && isUsccPart(text, offset, offset + run.length, digits) ? run : maskRun(run);
  });
}

/**
 * Mask citizen ID numbers in free text a person typed (an objection reason, a case note) before it
 * is stored and shown: the ID is personal information, the rest of the text is not.
 */
export function maskIdNumbersInFreeText(text: string): string {
  return maskIdNumbersInText(text);
}

/** Decode every run of percent-escapes; a malformed or non-UTF-8 escape never throws (it becomes U+FFFD). */
export function decodePercentEscapes(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    const bytes = escapes.slice(1).split('%').map((h) => parseInt(h, 16));
    return Buffer.from(bytes).toString('utf8');
  });
}

/**
 * A URL as it may be logged: percent-escapes decoded (up to three rounds, for double encoding) so
 * an ID cannot hide behind them, then every ID-shaped number masked.
 */
export function maskIdNumbersInUrl(url: string): string {
  let text = url;
  for (let i = 0; i < 3 && /%[0-9A-Fa-f]{2}/.test(text); i++) text = decodePercentEscapes(text);
  return maskIdNumbersInText(text);
}
