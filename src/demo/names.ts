import { CITY_NAME, CITY_SHORT, PROVINCE_SHORT, type County } from './city.js';
import { Weighted, chance, pick, type Rng } from './rng.js';

/** Chinese name parts for the demo city: people, companies, shops, associations, public bodies. */

// Common surnames, weighted roughly by frequency (with the Nantong favourites 顾 陆 施 季 缪).
const SURNAMES = new Weighted<string>([
  ['王', 70], ['李', 68], ['张', 66], ['刘', 50], ['陈', 60], ['杨', 30], ['黄', 22], ['赵', 20], ['吴', 24], ['周', 24],
  ['徐', 30], ['孙', 18], ['马', 12], ['朱', 22], ['胡', 14], ['郭', 12], ['何', 10], ['高', 12], ['林', 10], ['罗', 8],
  ['郑', 9], ['梁', 7], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 10], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 10],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 6], ['潘', 6], ['于', 4], ['蒋', 7], ['蔡', 6],
  ['余', 4], ['杜', 4], ['叶', 5], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 6], ['任', 4], ['沈', 14],
  ['姚', 6], ['卢', 4], ['姜', 5], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 16], ['汪', 4], ['范', 6], ['金', 5],
  ['石', 3], ['贾', 3], ['夏', 4], ['方', 3], ['顾', 18], ['施', 14], ['季', 10], ['缪', 6], ['钱', 6], ['严', 4],
  ['仇', 3], ['瞿', 3], ['葛', 5], ['花', 2], ['冒', 2], ['秦', 3], ['邱', 3], ['倪', 4], ['戴', 4], ['毛', 3],
]);

const GIVEN_MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宁', '浩',
  '宇', '俊', '峰', '建', '国', '志', '文', '成', '林', '东', '海', '兵', '亮', '龙', '春', '晨', '阳', '凯', '睿', '博',
  '轩', '子', '然', '泽', '宏', '金', '荣', '新', '永', '卫', '忠', '德', '祥', '兴', '培', '晓', '云', '立', '庆', '松',
];
const GIVEN_FEMALE = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀', '英', '玲', '燕', '红', '琳', '慧', '婷', '雪', '倩', '颖', '洁',
  '佳', '梅', '莉', '萍', '晶', '欣', '怡', '悦', '彤', '涵', '蕾', '云', '月', '雅', '琴', '兰', '凤', '丹', '露', '晓',
];

export function personName(rng: Rng, sex: 'male' | 'female'): string {
  const given = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const first = pick(rng, given);
  return SURNAMES.draw(rng) + (chance(rng, 0.7) ? first + pick(rng, given) : first);
}

export function surname(rng: Rng): string {
  return SURNAMES.draw(rng);
}

// Characters of trade names (字号): two of them make names like 华信, 鑫源, 恒泰.
const TRADE = [
  '华', '信', '宏', '达', '鑫', '源', '恒', '泰', '瑞', '丰', '盛', '隆', '金', '通', '海', '江', '天', '博', '新', '嘉',
  '万', '宇', '祥', '和', '润', '德', '诚', '佳', '美', '安', '康', '中', '昌', '永', '兴', '腾', '飞', '创', '立', '东',
  '明', '远', '力', '凯', '航', '晟', '弘', '睿', '锦', '旭', '辉', '翔', '业', '正', '益', '志', '优', '友', '众', '卓',
  '成', '光', '亿', '富', '利', '发', '星', '辰', '峰', '邦', '汇', '联', '科', '盈', '融', '道', '尚', '品', '臻', '启',
  '泓', '沃', '森', '林', '禾', '川', '晨', '麒', '骏', '驰', '銮', '裕', '豪', '捷', '顺', '铭', '宸', '璟', '曜',
];
const TRADE_CHARS = [...new Set(TRADE)];

export function tradeName(rng: Rng): string {
  const a = pick(rng, TRADE_CHARS);
  let b = pick(rng, TRADE_CHARS);
  if (b === a) b = pick(rng, TRADE_CHARS);
  return a + b;
}

/** Industry words by GB/T 4754 section (the demo uses the section letter as industry code). */
export const INDUSTRY_WORDS: Record<string, string[]> = {
  A: ['农业科技', '生态农业', '水产养殖', '家庭农场', '园艺'],
  B: ['矿业', '砂石'],
  C: ['纺织', '服装', '机械', '电子科技', '化工', '家纺', '船舶配件', '电气', '新材料', '精密机械', '塑业', '五金制品', '印染', '食品', '医疗器械', '汽车零部件'],
  D: ['新能源', '热电', '燃气', '光伏科技'],
  E: ['建设工程', '建筑安装工程', '装饰工程', '市政工程', '钢结构工程'],
  F: ['商贸', '贸易', '百货', '超市', '医药连锁', '建材', '五金交电'],
  G: ['物流', '运输', '货运代理', '仓储', '快递'],
  H: ['餐饮管理', '酒店管理', '餐饮'],
  I: ['信息技术', '软件', '网络科技', '数据科技'],
  J: ['投资管理', '融资担保', '典当'],
  K: ['房地产开发', '物业管理', '置业'],
  L: ['企业管理咨询', '广告', '人力资源', '会展服务', '商务咨询'],
  M: ['检测技术', '工程设计', '环保科技', '生物科技', '技术服务'],
  N: ['环境工程', '园林绿化', '水务'],
  O: ['家政服务', '保洁服务', '汽车服务'],
  P: ['教育科技', '职业培训'],
  Q: ['医疗科技', '健康管理', '养老服务'],
  R: ['文化传媒', '影视', '体育发展', '文化旅游'],
};

export const INDUSTRY_DRAW = new Weighted<string>([
  ['C', 24], ['F', 26], ['E', 9], ['I', 6], ['L', 9], ['M', 6], ['G', 5], ['H', 3], ['K', 3], ['A', 2], ['R', 2],
  ['N', 1.5], ['O', 1.5], ['P', 1], ['Q', 1], ['D', 0.6], ['J', 0.3], ['B', 0.1],
]);

const COMPANY_FORMS = new Weighted<string>([
  ['有限公司', 70], ['有限责任公司', 14], ['股份有限公司', 4], ['合伙企业（有限合伙）', 2], ['厂', 2], ['集团有限公司', 1],
]);

/** 南通市崇川区华信电子科技有限公司, 江苏恒泰建设工程有限公司, 如皋市鑫源纺织厂 … */
export function companyName(rng: Rng, county: County, industry: string): string {
  const words = INDUSTRY_WORDS[industry] ?? INDUSTRY_WORDS.L!;
  const form = COMPANY_FORMS.draw(rng);
  const r = rng();
  const prefix = r < 0.35 ? county.namePrefix : r < 0.7 ? CITY_SHORT : r < 0.82 ? CITY_NAME : r < 0.95 ? PROVINCE_SHORT : '';
  const trade = tradeName(rng);
  if (prefix === '') return `${trade}（${CITY_SHORT}）${pick(rng, words)}${form}`;
  return `${prefix}${trade}${pick(rng, words)}${form}`;
}

const SHOPS = [
  '便利店', '烟酒店', '小吃店', '面馆', '理发店', '五金店', '水果店', '服装店', '副食品店', '农资店', '汽车修理部', '家电维修部',
  '美容美发店', '超市', '饭店', '快餐店', '干洗店', '手机维修店', '文具店', '早餐店', '茶叶店', '建材经营部', '鲜花店', '眼镜店',
];

/** 崇川区老王家常菜馆, 如皋市鑫源烟酒店 … */
export function shopName(rng: Rng, county: County, owner: string): string {
  const base = chance(rng, 0.4) ? `${owner.charAt(0)}记` : chance(rng, 0.5) ? tradeName(rng) : `${owner}`;
  return `${county.name}${base}${pick(rng, SHOPS)}`;
}

const ASSOCIATIONS = ['行业协会', '商会', '研究会', '志愿者协会', '促进会', '联合会', '学会', '慈善会'];
const ASSOCIATION_TOPICS = ['餐饮', '建筑业', '纺织', '物流', '软件', '家纺', '电子商务', '物业管理', '书法', '摄影', '青年企业家', '个体劳动者', '老年体育', '食品安全'];

export function associationName(rng: Rng, county: County): string {
  const where = chance(rng, 0.6) ? CITY_NAME : county.namePrefix;
  return `${where}${pick(rng, ASSOCIATION_TOPICS)}${pick(rng, ASSOCIATIONS)}`;
}

const COOP_PRODUCTS = ['蔬菜', '水稻种植', '葡萄', '生猪养殖', '水产养殖', '农机', '家禽养殖', '茶叶', '苗木', '西瓜', '食用菌', '中药材'];

export function coopName(rng: Rng, county: County): string {
  return `${county.name}${tradeName(rng)}${pick(rng, COOP_PRODUCTS)}专业合作社`;
}

const TOWNS = ['城东', '城西', '城南', '城北', '江海', '东方', '新港', '观音山', '钟秀', '平潮', '石港', '兴东', '金沙', '掘港', '丁堰', '白蒲'];
const AGENCIES = ['街道办事处', '镇人民政府'];
const INSTITUTIONS = ['第一中学', '实验小学', '人民医院', '中医院', '疾病预防控制中心', '检验检测中心', '幼儿园', '图书馆', '社会福利院', '公路管理站'];

/** 机关 (type 1) or 事业单位 (type 2) of the city or a county. */
export function publicBodyName(rng: Rng, county: County, orgType: '1' | '2'): string {
  if (orgType === '1') return `${county.namePrefix}${pick(rng, TOWNS)}${pick(rng, AGENCIES)}`;
  return `${chance(rng, 0.4) ? CITY_NAME : county.namePrefix}${pick(rng, TOWNS)}${pick(rng, INSTITUTIONS)}`;
}
