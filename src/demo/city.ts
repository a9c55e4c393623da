import { knownCountyCodes, regionName } from '../modules/identity/regions.js';
import { Weighted } from './rng.js';

/** The fictional platform's city: a real prefecture (Nantong, 3206xx) so every code resolves. */
export const CITY_CODE = '320600';
export const CITY_NAME = regionName(CITY_CODE) ?? '南通市';
/** The city without 市, as in 南通华信电子有限公司. */
export const CITY_SHORT = CITY_NAME.replace(/市$/, '');
/** One-character abbreviation used in document numbers (通市监处罚〔2024〕1号). */
export const CITY_ABBR = '通';
export const PROVINCE_NAME = regionName('320000') ?? '江苏省';
export const PROVINCE_SHORT = '江苏';
/** Court code prefix of the province and prefecture in case numbers (（2024）苏06执123号). */
export const COURT_PREFIX = '苏06';

export interface County {
  code: string;
  /** e.g. 崇川区, 如皋市 */
  name: string;
  /** Name as written at the start of an organisation name: 南通市崇川区 for districts, 如皋市 otherwise. */
  namePrefix: string;
}

// Relative number of registered market subjects (the urban district registers most).
const COUNTY_WEIGHTS: Record<string, number> = { '320613': 26, '320612': 15, '320614': 14, '320682': 14, '320681': 12, '320685': 10, '320623': 9 };

function loadCounties(): County[] {
  const codes = knownCountyCodes(CITY_CODE.slice(0, 4));
  const list = codes.length ? codes : [CITY_CODE];
  return list.map((code) => {
    const name = regionName(code) ?? CITY_NAME;
    const namePrefix = code === CITY_CODE ? CITY_NAME : name.endsWith('区') ? `${CITY_NAME}${name}` : name;
    return { code, name, namePrefix };
  });
}

export const COUNTIES: County[] = loadCounties();
export const COUNTY_DRAW = new Weighted(COUNTIES.map((c) => [c, COUNTY_WEIGHTS[c.code] ?? 8] as const));

/** Where people registered elsewhere were born: other real counties of the province and beyond. */
export const OTHER_BIRTH_COUNTIES: string[] = (() => {
  const province = knownCountyCodes('32').filter((c) => !c.startsWith(CITY_CODE.slice(0, 4)));
  const beyond = ['34', '41', '37', '51', '43', '33', '31'].flatMap((p) => knownCountyCodes(p).slice(0, 12));
  return [...province, ...beyond];
})();

const ROADS = [
  '人民中路', '工农路', '青年中路', '南大街', '世纪大道', '崇川路', '城山路', '通富路', '园林路', '长江中路', '濠西路', '钟秀中路',
  '星湖大道', '江海大道', '海港路', '跃龙路', '南通大道', '永和路', '开发大道', '新河路', '解放路', '建设路', '迎宾路', '中山路',
  '黄海路', '文峰路', '环城北路', '通达路', '江山路', '民主路',
];

export function address(rng: () => number, county: County): string {
  const road = ROADS[Math.floor(rng() * ROADS.length)]!;
  return `${PROVINCE_NAME}${CITY_NAME}${county.code === CITY_CODE ? '' : county.name}${road}${1 + Math.floor(rng() * 480)}号`;
}
