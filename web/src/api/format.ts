import dayjs from 'dayjs';

// The API sends dates as `YYYY-MM-DD` (shown as they are) and timestamps as ISO 8601 in UTC
// (`2026-03-01T02:03:04.567Z`). A timestamp is shown in the browser's time zone: slicing the ISO
// text would show UTC, eight hours off in China and on the wrong day around midnight.

/** A timestamp as `YYYY-MM-DD HH:mm:ss` local time; '' for null. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** The local calendar day of a timestamp as `YYYY-MM-DD`; '' for null. */
export function dayOf(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}

/** A name the server sends in both languages: the English one in en-US when it is set, else the Chinese. */
export function localName(lang: 'zh-CN' | 'en-US', n: { name: string; nameEn?: string | null }): string {
  return lang === 'en-US' && n.nameEn ? n.nameEn : n.name;
}

/** A catalog field's label in the page's language (the Chinese label when it has no English one). */
export function fieldLabel(lang: 'zh-CN' | 'en-US', f: { label: string; labelEn?: string | null }): string {
  return lang === 'en-US' && f.labelEn ? f.labelEn : f.label;
}
