import type { SubjectKind } from '../modules/catalog/types.js';

/** Typical administrative licences of a prefecture-level city (data, not logic). */
export interface LicenceCase {
  dept: string;
  weight: number;
  kinds: SubjectKind[];
  /** GB/T 4754 sections this licence fits; absent = any. */
  industries?: string[];
  /** 行政许可决定文书名称 */
  ws: string;
  /** 许可证书名称; absent for decisions without a certificate. */
  cert?: string;
  /** 许可类别 */
  lb: '普通' | '特许' | '认可' | '核准' | '登记' | '其他';
  /** 许可内容 choices */
  content: string[];
  /** Validity in years; absent = no end date. */
  years?: number;
  /** Certificate number style. */
  no: 'jy' | 'sc' | 'yc' | 'pw' | 'sg' | 'plain';
}

const ORG: SubjectKind[] = ['legal_person', 'unincorporated', 'government'];
const ORG_ST: SubjectKind[] = ['legal_person', 'unincorporated', 'sole_trader'];
const ST: SubjectKind[] = ['sole_trader'];
const ANY_ORG: SubjectKind[] = ['legal_person', 'unincorporated', 'sole_trader', 'government'];
const PERSON: SubjectKind[] = ['natural_person'];

export const LICENCE_CASES: LicenceCase[] = [
  { dept: 'XZSPJ', weight: 10, kinds: ORG_ST, industries: ['F', 'H', 'O'], ws: '食品经营许可决定书', cert: '食品经营许可证', lb: '普通', years: 5, no: 'jy',
    content: ['预包装食品（含冷藏冷冻食品）销售；散装食品（不含熟食）销售', '热食类食品制售；冷食类食品制售', '预包装食品销售；保健食品销售；特殊医学用途配方食品销售', '热食类食品制售；自制饮品制售'] },
  { dept: 'SCJGJ', weight: 4, kinds: ST, ws: '食品经营许可决定书', cert: '食品经营许可证', lb: '普通', years: 5, no: 'jy',
    content: ['预包装食品（含冷藏冷冻食品）销售', '热食类食品制售；冷食类食品制售'] },
  { dept: 'SCJGJ', weight: 2, kinds: ORG, industries: ['C', 'A'], ws: '食品生产许可决定书', cert: '食品生产许可证', lb: '普通', years: 5, no: 'sc',
    content: ['糕点（热加工糕点）', '饮料（包装饮用水）', '速冻食品（速冻面米制品）', '粮食加工品（大米）', '调味品（酱油、食醋）'] },
  { dept: 'YCJ', weight: 9, kinds: ST, ws: '烟草专卖零售许可决定书', cert: '烟草专卖零售许可证', lb: '特许', years: 5, no: 'yc',
    content: ['卷烟零售；雪茄烟零售'] },
  { dept: 'YCJ', weight: 1, kinds: ['legal_person'], industries: ['F'], ws: '烟草专卖零售许可决定书', cert: '烟草专卖零售许可证', lb: '特许', years: 5, no: 'yc',
    content: ['卷烟零售；雪茄烟零售'] },
  { dept: 'WJW', weight: 3, kinds: ORG_ST, industries: ['H', 'O', 'R'], ws: '公共场所卫生许可决定书', cert: '公共场所卫生许可证', lb: '普通', years: 4, no: 'plain',
    content: ['理发店、美容店', '宾馆', '游泳场（馆）', '沐浴场所'] },
  { dept: 'WJW', weight: 2, kinds: ['legal_person', 'government'], industries: ['Q'], ws: '医疗机构执业登记决定书', cert: '医疗机构执业许可证', lb: '登记', years: 5, no: 'plain',
    content: ['诊疗科目：内科；外科；妇产科；医学检验科', '诊疗科目：口腔科', '诊疗科目：中医科；康复医学科'] },
  { dept: 'STHJJ', weight: 4, kinds: ['legal_person'], industries: ['C', 'D', 'N'], ws: '排污许可决定书', cert: '排污许可证', lb: '普通', years: 5, no: 'pw',
    content: ['行业类别：纺织品制造；排放污染物种类：化学需氧量、氨氮、颗粒物', '行业类别：金属表面处理；排放污染物种类：颗粒物、挥发性有机物', '行业类别：热力生产和供应；排放污染物种类：二氧化硫、氮氧化物、颗粒物'] },
  { dept: 'STHJJ', weight: 2, kinds: ['legal_person'], industries: ['C', 'D', 'E', 'K'], ws: '关于建设项目环境影响报告表的批复', lb: '普通', no: 'plain',
    content: ['年产5000吨功能性面料项目环境影响报告表', '新建厂房及配套设施项目环境影响报告表', '技术改造项目环境影响报告表'] },
  { dept: 'ZJJ', weight: 4, kinds: ['legal_person', 'government'], industries: ['E', 'K', 'S', 'P', 'Q'], ws: '建筑工程施工许可决定书', cert: '建筑工程施工许可证', lb: '普通', no: 'sg',
    content: ['新建厂房工程，建筑面积12000平方米', '住宅小区1#—6#楼及地下车库工程', '办公楼改扩建工程', '道路及配套管网工程'] },
  { dept: 'ZJJ', weight: 2, kinds: ['legal_person'], industries: ['E'], ws: '建筑业企业资质许可决定书', cert: '建筑业企业资质证书', lb: '认可', years: 5, no: 'plain',
    content: ['建筑工程施工总承包三级', '市政公用工程施工总承包三级', '建筑装修装饰工程专业承包二级', '施工劳务不分等级'] },
  { dept: 'ZJJ', weight: 1, kinds: ['legal_person'], industries: ['K'], ws: '商品房预售许可决定书', cert: '商品房预售许可证', lb: '核准', no: 'plain',
    content: ['预售房屋：3#、5#楼住宅，预售面积18600平方米', '预售房屋：商业用房，预售面积4200平方米'] },
  { dept: 'JTYSJ', weight: 4, kinds: ['legal_person', 'sole_trader'], industries: ['G', 'F', 'C'], ws: '道路运输经营许可决定书', cert: '道路运输经营许可证', lb: '普通', years: 4, no: 'plain',
    content: ['道路普通货物运输', '道路普通货物运输；货物专用运输（集装箱）', '道路危险货物运输（第3类）'] },
  { dept: 'JTYSJ', weight: 3, kinds: PERSON, ws: '道路运输从业资格许可决定书', cert: '道路运输从业人员从业资格证', lb: '普通', years: 6, no: 'plain',
    content: ['经营性道路货物运输驾驶员', '经营性道路旅客运输驾驶员', '出租汽车驾驶员'] },
  { dept: 'YJGLJ', weight: 2, kinds: ['legal_person'], industries: ['C', 'F', 'G'], ws: '危险化学品经营许可决定书', cert: '危险化学品经营许可证', lb: '普通', years: 3, no: 'plain',
    content: ['许可范围：乙醇、丙酮、甲苯（无储存）', '许可范围：液化石油气（带储存）', '许可范围：油漆、稀释剂（无储存）'] },
  { dept: 'WGLJ', weight: 2, kinds: ORG_ST, industries: ['R', 'L', 'H'], ws: '娱乐经营许可决定书', cert: '娱乐经营许可证', lb: '普通', years: 2, no: 'plain',
    content: ['歌舞娱乐场所', '游艺娱乐场所', '旅行社业务经营（国内旅游、入境旅游）'] },
  { dept: 'NYNCJ', weight: 2, kinds: ['legal_person', 'sole_trader', 'unincorporated'], industries: ['A', 'F'], ws: '农药经营许可决定书', cert: '农药经营许可证', lb: '普通', years: 5, no: 'plain',
    content: ['农药（不含限制使用农药）零售', '兽药经营（不含生物制品）'] },
  { dept: 'NYNCJ', weight: 2, kinds: PERSON, ws: '渔业捕捞许可决定书', cert: '渔业捕捞许可证', lb: '普通', years: 5, no: 'plain',
    content: ['近海捕捞（刺网）', '内陆捕捞（限定水域）'] },
  { dept: 'ZRZYGHJ', weight: 2, kinds: ['legal_person', 'government'], industries: ['K', 'E', 'S', 'P', 'Q', 'C'], ws: '建设工程规划许可决定书', cert: '建设工程规划许可证', lb: '普通', no: 'plain',
    content: ['新建工业厂房，总建筑面积9800平方米', '新建住宅及配套用房，总建筑面积56000平方米', '公共服务设施改建'] },
  { dept: 'ZRZYGHJ', weight: 3, kinds: PERSON, ws: '乡村建设规划许可决定书', cert: '乡村建设规划许可证', lb: '普通', no: 'plain',
    content: ['农村村民住宅翻建，建筑面积180平方米', '农村村民住宅新建，建筑面积150平方米'] },
  { dept: 'GAJ', weight: 1, kinds: ['legal_person', 'sole_trader'], industries: ['H', 'L'], ws: '特种行业许可决定书', cert: '特种行业许可证', lb: '普通', no: 'plain',
    content: ['旅馆业', '公章刻制业'] },
  { dept: 'SLJ', weight: 1, kinds: ['legal_person', 'unincorporated'], industries: ['C', 'D', 'A'], ws: '取水许可决定书', cert: '取水许可证', lb: '普通', years: 5, no: 'plain',
    content: ['取水方式：地表水；年取水量20万立方米', '取水方式：地下水；年取水量3万立方米'] },
  { dept: 'JYJ', weight: 2, kinds: ['legal_person', 'unincorporated'], industries: ['P'], ws: '民办学校办学许可决定书', cert: '民办学校办学许可证', lb: '普通', years: 5, no: 'plain',
    content: ['文化艺术类培训', '学前教育', '职业技能培训'] },
  { dept: 'RSJ', weight: 1, kinds: ['legal_person'], industries: ['L'], ws: '劳务派遣行政许可决定书', cert: '劳务派遣经营许可证', lb: '普通', years: 3, no: 'plain',
    content: ['劳务派遣经营'] },
  { dept: 'SWUJ', weight: 2, kinds: ['legal_person', 'sole_trader'], industries: ['F', 'C'], ws: '对外贸易经营者备案登记决定', lb: '登记', no: 'plain',
    content: ['对外贸易经营者备案登记'] },
  { dept: 'CGJ', weight: 1, kinds: ['legal_person'], industries: ['E', 'G', 'N'], ws: '城市建筑垃圾处置核准决定书', cert: '建筑垃圾处置核准证', lb: '核准', years: 1, no: 'plain',
    content: ['建筑垃圾运输处置', '工程渣土消纳'] },
  { dept: 'XZSPJ', weight: 2, kinds: ANY_ORG, ws: '户外广告设施设置许可决定书', lb: '普通', years: 3, no: 'plain',
    content: ['设置墙面户外广告设施一处，面积24平方米', '设置店招标牌一处，面积8平方米'] },
  { dept: 'WJW', weight: 2, kinds: PERSON, ws: '医师执业注册准予许可决定书', cert: '医师执业证书', lb: '登记', no: 'plain',
    content: ['执业类别：临床；执业范围：内科专业', '执业类别：口腔；执业范围：口腔专业', '执业类别：中医；执业范围：中医专业'] },
];
