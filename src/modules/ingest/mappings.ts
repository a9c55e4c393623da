import { ValidationError } from '../../errors.js';

/** What a mapping may use besides the row: the submitting department. */
export interface MappingContext {
  department: { name: string; uscc: string | null };
}

/** How an older file layout becomes the current catalog's fields, for one category. */
export interface CategoryMapping {
  /** Old header (upper case) → current field code; several headers may feed one field (joined with ;). */
  rename: Record<string, string>;
  /** Technical columns with no place in the catalog, dropped on purpose (not "unknown"). */
  drop: string[];
  /** Old status column whose value marks the row as revoked (撤销). */
  status?: { column: string; revoked: string[]; keep?: Record<string, string> };
  /** Fields the old layout lacks that derive() fills, so their columns need not be present. */
  provides: string[];
  /** Fill the fields the old layout lacks from the row and the submitting department. */
  derive(values: Record<string, unknown>, ctx: MappingContext): void;
}

export interface ColumnMappingDef {
  name: string;
  description: string;
  categories: Record<string, CategoryMapping>;
}

const txt = (v: Record<string, unknown>, code: string) => String(v[code] ?? '').trim();
const setIfEmpty = (v: Record<string, unknown>, code: string, value: unknown) => {
  if (!txt(v, code) && typeof value === 'string' && value.trim()) v[code] = value;
};

/** 法人及非法人组织 unless the row only carries a citizen ID. */
function partyKind(v: Record<string, unknown>, p: 'XK' | 'CF'): void {
  const org = txt(v, `${p}_XDR_SHXYM`) || txt(v, `${p}_XDR_ZZJG`) || txt(v, `${p}_XDR_GSZC`);
  const person = txt(v, `${p}_XDR_ZJHM`);
  setIfEmpty(v, `${p}_XDR_LB`, person && !org ? '自然人' : '法人及非法人组织');
  if (person) setIfEmpty(v, `${p}_XDR_ZJLX`, '身份证');
}

/**
 * The 2016 national 双公示 layout (发改办财金〔2016〕1927号 era): XK_XMMC/XK_SPLB/XK_XDR…,
 * CF_CFMC/CF_CFLB1/CF_CFLB2/CF_JG (处罚结果)/CF_XZJG (处罚机关)…, plus DFBM (地方编码) and SJC
 * (时间戳), which are dropped. Fields the old layout lacks are derived: the party class from its
 * identifiers; source unit (and, for licences, the issuing authority's code) from the submitting
 * department; validity start from the decision date; a penalty's validity end 2099-12-31, which
 * the national format defines as "long-term" (长期).
 */
const legacy2016: ColumnMappingDef = {
  name: 'legacy2016',
  description: '2016 年版“双公示”数据格式（XK_XMMC、XK_SPLB、CF_CFMC、CF_CFLB1/2、CF_JG、DFBM、SJC 等）',
  categories: {
    licence: {
      rename: {
        XK_XMMC: 'XK_XKWS', XK_SPLB: 'XK_XKLB', XK_XDR: 'XK_XDR_MC', XK_XDR_ZDM: 'XK_XDR_ZZJG', XK_XDR_GSDJ: 'XK_XDR_GSZC',
        XK_XDR_SFZ: 'XK_XDR_ZJHM', XK_FR: 'XK_FRDB', XK_JZQ: 'XK_YXQZI', XK_XZJG: 'XK_XKJG',
      },
      drop: ['DFBM', 'SJC'],
      status: { column: 'XK_ZT', revoked: ['1', '撤销'], keep: { '0': '有效', 正常: '有效', '': '' } },
      provides: ['XK_XDR_LB', 'XK_YXQZ', 'XK_XKJGDM', 'XK_LYDW', 'XK_LYDWDM'],
      derive(v, ctx) {
        partyKind(v, 'XK');
        setIfEmpty(v, 'XK_YXQZ', v.XK_JDRQ);
        setIfEmpty(v, 'XK_LYDW', ctx.department.name);
        setIfEmpty(v, 'XK_LYDWDM', ctx.department.uscc);
        setIfEmpty(v, 'XK_XKJGDM', ctx.department.uscc);
      },
    },
    penalty: {
      rename: {
        CF_CFMC: 'CF_WFXW', CF_CFLB1: 'CF_CFLB', CF_CFLB2: 'CF_CFLB', CF_JG: 'CF_NR', CF_XZJG: 'CF_CFJG', CF_XDR: 'CF_XDR_MC',
        CF_XDR_ZDM: 'CF_XDR_ZZJG', CF_XDR_GSDJ: 'CF_XDR_GSZC', CF_XDR_SFZ: 'CF_XDR_ZJHM', CF_FR: 'CF_FRDB',
      },
      drop: ['DFBM', 'SJC'],
      status: { column: 'CF_ZT', revoked: ['1', '撤销'] },
      provides: ['CF_XDR_LB', 'CF_YXQ', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM'],
      derive(v, ctx) {
        partyKind(v, 'CF');
        setIfEmpty(v, 'CF_YXQ', '2099-12-31');
        setIfEmpty(v, 'CF_SJLY', ctx.department.name);
        setIfEmpty(v, 'CF_SJLYDM', ctx.department.uscc);
        setIfEmpty(v, 'CF_CFJGDM', ctx.department.uscc);
      },
    },
  },
};

export const COLUMN_MAPPINGS: Record<string, ColumnMappingDef> = { legacy2016 };

/** The mapping of a layout for a category, or a 400 naming the ones that exist. */
export function mappingFor(name: string | null | undefined, categoryCode: string): CategoryMapping | null {
  if (!name?.trim()) return null;
  const def = COLUMN_MAPPINGS[name.trim()];
  if (!def) {
    throw new ValidationError(`未知的列映射“${name}”`, [{ field: 'mapping', message: `known mappings: ${Object.keys(COLUMN_MAPPINGS).join(', ')}` }], 'unknown_mapping');
  }
  const m = def.categories[categoryCode];
  if (!m) {
    throw new ValidationError(`列映射“${name}”不适用于信息类别 ${categoryCode}`, [{ field: 'mapping', message: `applies to: ${Object.keys(def.categories).join(', ')}` }], 'unknown_mapping');
  }
  return m;
}
