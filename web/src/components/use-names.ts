import { loadCategories, loadDepartments, loadLists } from '../api/catalog';
import { fieldLabel, localName } from '../api/format';
import { useI18n } from '../i18n';
import { useApi } from './use-api';

export interface Names {
  /** A category's name in the page's language; the fallback (or the code) until the catalog is loaded or for an unknown code. */
  category: (code: string, fallback?: string) => string;
  /** A data item's label in the page's language. */
  field: (categoryCode: string, fieldCode: string, fallback?: string) => string;
  /** A list's name in the page's language. */
  list: (code: string, fallback?: string) => string;
  /** A department's name (departments have Chinese names only). */
  department: (code: string, fallback?: string) => string;
}

/**
 * Names of catalog categories, their fields, lists and departments for values the API sends as codes
 * (or with Chinese names only), in the page's language. Reference data: loaded once per page load.
 */
export function useNames(): Names {
  const { lang } = useI18n();
  const cats = useApi(() => loadCategories(), 'categories');
  const lists = useApi(() => loadLists(), 'lists');
  const depts = useApi(() => loadDepartments(), 'departments');
  const cat = (code: string) => cats.data?.find((c) => c.code === code);
  return {
    category: (code, fallback) => { const c = cat(code); return c ? localName(lang, c) : (fallback ?? code); },
    field: (categoryCode, fieldCode, fallback) => {
      const f = cat(categoryCode)?.fields.find((x) => x.code === fieldCode);
      return f ? fieldLabel(lang, f) : (fallback ?? fieldCode);
    },
    list: (code, fallback) => { const l = lists.data?.find((x) => x.code === code); return l ? localName(lang, l) : (fallback ?? code); },
    department: (code, fallback) => depts.data?.find((d) => d.code === code)?.name ?? fallback ?? code,
  };
}
