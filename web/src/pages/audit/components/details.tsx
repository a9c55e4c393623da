import { dateTime } from '../../../api/format';
import type { Lang } from '../../../i18n';
import type { CodeNames } from '../api';
import { CODED_KEYS, DETAIL_KEYS, DETAIL_VALUES, SCREEN } from '../words';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const FORMATS: Record<string, string> = { csv: 'CSV', xlsx: 'Excel', jsonl: 'JSON Lines', json: 'JSON' };

function keyLabel(key: string, lang: Lang): string {
  const l = DETAIL_KEYS[key];
  return l ? (lang === 'en-US' ? l.en : l.zh) : key;
}

/** One value in words: codes under coded keys translated, timestamps local, lists and nested objects spelled out. */
function valueText(key: string, v: unknown, lang: Lang, names?: CodeNames, category?: string): string {
  const s = SCREEN[lang === 'en-US' ? 'en' : 'zh'];
  if (v === null || v === undefined || v === '') return s.empty;
  if (typeof v === 'boolean') return v ? s.yes : s.no;
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(key, x, lang, names, category)).join(lang === 'en-US' ? ', ' : '、') : s.empty;
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${keyLabel(k, lang)} ${valueText(k, x, lang, names, category)}`).join(lang === 'en-US' ? '; ' : '；');
  }
  const text = String(v);
  // Category and department codes read as their names.
  const categoryName = key === 'category' ? names?.category.get(text) : undefined;
  if (categoryName) return lang === 'en-US' ? categoryName.en : categoryName.zh;
  const department = key === 'department' ? names?.department.get(text) : undefined;
  if (department) return department;
  if (key === 'format') return FORMATS[text] ?? text;
  const field = key === 'changedFields' && category ? names?.fields.get(category)?.get(text) : undefined;
  if (field) return field;
  if (CODED_KEYS.has(key) && DETAIL_VALUES[text]) return lang === 'en-US' ? DETAIL_VALUES[text].en : DETAIL_VALUES[text].zh;
  return ISO_TIME.test(text) ? dateTime(text) : text;
}

/** A browser's user-agent string, shortened to the browser and its system. */
function browserOf(ua: string): string {
  const browser = /(Edg|Firefox|HeadlessChrome|Chrome|Version)\/(\d+)/.exec(ua);
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(ua);
  const name = browser ? `${browser[1] === 'Version' ? 'Safari' : browser[1] === 'Edg' ? 'Edge' : browser[1]} ${browser[2]}` : ua.slice(0, 40);
  return system ? `${name} · ${system[1]}` : name;
}

/** Numbers that say which case or thing first, free text (reasons, notes) last, the rest as the log wrote them. */
function rank(key: string): number {
  if (/(Id|No)$/.test(key)) return 0;
  if (key === 'reason' || key === 'note') return 2;
  return 1;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** An entry's details as label–value lines (never raw JSON); a purpose, when the entry has one, comes first. */
export function AuditDetails({ details, purpose, lang, names, category }: {
  details: Record<string, unknown>; purpose?: string | null; lang: Lang; names?: CodeNames; category?: string;
}) {
  const entries = Object.entries(details).filter(([, v]) => !isEmpty(v)).sort(([a], [b]) => rank(a) - rank(b));
  const lines: [string, string][] = [
    ...(purpose ? [[SCREEN[lang === 'en-US' ? 'en' : 'zh'].purpose, purpose] as [string, string]] : []),
    ...entries.map(([k, v]) => [keyLabel(k, lang), k === 'userAgent' && typeof v === 'string' ? browserOf(v) : valueText(k, v, lang, names, category)] as [string, string]),
  ];
  if (!lines.length) return <span className="muted">—</span>;
  return (
    <dl style={{ margin: 0, minWidth: 220, whiteSpace: 'normal' }} data-testid="audit-details">
      {lines.map(([label, text]) => (
        <div key={label} style={{ display: 'flex', gap: 6 }}>
          <dt className="muted" style={{ flex: 'none' }}>{label}{lang === 'en-US' ? ':' : '：'}</dt>
          <dd style={{ margin: 0, wordBreak: 'break-word' }}>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
