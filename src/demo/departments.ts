import { makeUscc } from '../modules/identity/generate.js';
import { CITY_ABBR, CITY_CODE, CITY_NAME } from './city.js';
import { hash52, streamFor } from './rng.js';

/** The source departments (数据提供单位) of the demo city. */
export interface DemoDepartment {
  code: string;
  name: string;
  uscc: string;
  /** Abbreviation in document numbers: 通市监 → 通市监处罚〔2024〕12号. */
  abbr: string;
}

/** A department as stored (an operator may have created one with the same code first). */
export interface Department extends DemoDepartment {
  id: number;
}

// [code, name without the city, USCC type (1 机关, 2 事业单位), document abbreviation]
const LIST: ReadonlyArray<readonly [string, string, '1' | '2', string]> = [
  ['FGW', '发展和改革委员会', '1', '发改'],
  ['SCJGJ', '市场监督管理局', '1', '市监'],
  ['SWJ', '税务局', '1', '税'],
  ['STHJJ', '生态环境局', '1', '环'],
  ['ZJJ', '住房和城乡建设局', '1', '建'],
  ['YJGLJ', '应急管理局', '1', '应急'],
  ['RSJ', '人力资源和社会保障局', '1', '人社'],
  ['ZJFY', '中级人民法院', '1', '中法'],
  ['JTYSJ', '交通运输局', '1', '交'],
  ['WJW', '卫生健康委员会', '1', '卫'],
  ['GAJ', '公安局', '1', '公'],
  ['CZJ', '财政局', '1', '财'],
  ['SWUJ', '商务局', '1', '商'],
  ['WGLJ', '文化广电和旅游局', '1', '文广旅'],
  ['NYNCJ', '农业农村局', '1', '农'],
  ['ZRZYGHJ', '自然资源和规划局', '1', '自然资规'],
  ['ZSCQJ', '知识产权局', '1', '知'],
  ['XZSPJ', '行政审批局', '1', '审批'],
  ['MZJ', '民政局', '1', '民'],
  ['JYJ', '教育局', '1', '教'],
  ['SFJ', '司法局', '1', '司'],
  ['SLJ', '水利局', '1', '水'],
  ['YBJ', '医疗保障局', '1', '医保'],
  ['CGJ', '城市管理局', '1', '城管'],
  ['TJJ', '统计局', '1', '统'],
  ['SJJ', '审计局', '1', '审'],
  ['YCJ', '烟草专卖局', '1', '烟'],
  ['XFJY', '消防救援支队', '1', '消'],
  ['WBB', '委机构编制委员会办公室', '1', '编'],
  ['GJJ', '住房公积金管理中心', '2', '公积金'],
  ['SJZX', '公共信用信息中心', '2', '信用'],
];

function departmentName(code: string, name: string): string {
  if (code === 'WBB') return `中共${CITY_NAME}${name}`;
  if (code === 'SWJ') return `国家税务总局${CITY_NAME}${name}`;
  return `${CITY_NAME}${name}`;
}

/** The same departments and codes for every seed: they are reference data, not sample data. */
export const DEMO_DEPARTMENTS: DemoDepartment[] = LIST.map(([code, name, orgType, abbr]) => ({
  code,
  name: departmentName(code, name),
  uscc: makeUscc(streamFor(hash52(code) % 0x7fffffff, 0, 1), { authority: '1', orgType, region: CITY_CODE }),
  abbr: CITY_ABBR + abbr,
}));
