/** Typical administrative penalties of a prefecture-level city, by department (data, not logic). */

export type Party = 'org' | 'person' | 'any';

export interface PenaltyCase {
  dept: string;
  party: Party;
  weight: number;
  /** 违法行为类型 */
  wfxw: string;
  /** 违法事实, completed with the date and amounts */
  fact: string;
  /** 处罚依据 */
  basis: string;
  /** 处罚类别 options with weights; ';'-separated as departments send them. */
  types: ReadonlyArray<readonly [string, number]>;
  /** Fine range in 10k yuan (万元). */
  fine: readonly [number, number];
  /** Licence revoked or suspended, for CF_NR_ZKDX. */
  licence?: string;
}

export const PENALTY_CASES: PenaltyCase[] = [
  { dept: 'SCJGJ', party: 'org', weight: 8, wfxw: '经营超过保质期的食品', fact: '在其经营场所销售超过保质期的食品',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项', types: [['罚款;没收违法所得', 6], ['警告;罚款', 3], ['罚款;没收违法所得;吊销许可证件', 0.3]], fine: [0.5, 10], licence: '食品经营许可证' },
  { dept: 'SCJGJ', party: 'org', weight: 4, wfxw: '发布虚假广告', fact: '通过网络店铺发布含有虚假内容的商品广告，欺骗、误导消费者',
    basis: '《中华人民共和国广告法》第五十五条第一款', types: [['罚款', 8], ['罚款;没收违法所得', 2]], fine: [1, 40] },
  { dept: 'SCJGJ', party: 'org', weight: 3, wfxw: '不按规定明码标价', fact: '销售商品未按规定明码标价',
    basis: '《中华人民共和国价格法》第四十二条；《明码标价和禁止价格欺诈规定》第二十一条', types: [['警告;罚款', 5], ['罚款', 5]], fine: [0.05, 0.5] },
  { dept: 'SCJGJ', party: 'org', weight: 2, wfxw: '使用未经检定的计量器具', fact: '使用未经检定的电子计价秤进行贸易结算',
    basis: '《中华人民共和国计量法实施细则》第四十三条', types: [['罚款;没收非法财物', 1]], fine: [0.05, 0.1] },
  { dept: 'SCJGJ', party: 'org', weight: 2, wfxw: '使用未经定期检验的特种设备', fact: '使用超过检验有效期的电梯、叉车等特种设备',
    basis: '《中华人民共和国特种设备安全法》第八十四条第（一）项', types: [['罚款', 1]], fine: [3, 30] },
  { dept: 'SCJGJ', party: 'org', weight: 2, wfxw: '销售侵犯注册商标专用权的商品', fact: '销售侵犯他人注册商标专用权的商品',
    basis: '《中华人民共和国商标法》第六十条第二款', types: [['没收非法财物;罚款', 1]], fine: [0.2, 15] },
  { dept: 'SCJGJ', party: 'org', weight: 2, wfxw: '生产、销售不合格产品', fact: '生产、销售经抽样检验不合格的产品',
    basis: '《中华人民共和国产品质量法》第五十条', types: [['罚款;没收违法所得', 8], ['罚款;没收违法所得;吊销许可证件', 0.5]], fine: [0.5, 20], licence: '工业产品生产许可证' },
  { dept: 'SCJGJ', party: 'person', weight: 2, wfxw: '从事无照经营', fact: '未依法取得营业执照擅自从事经营活动',
    basis: '《无证无照经营查处办法》第十三条', types: [['罚款;没收违法所得', 1]], fine: [0.01, 0.5] },
  { dept: 'SCJGJ', party: 'person', weight: 0.4, wfxw: '食品生产经营单位违法行为直接负责的主管人员', fact: '作为食品经营单位直接负责的主管人员，对单位经营不符合食品安全标准的食品负有责任',
    basis: '《中华人民共和国食品安全法》第一百三十五条', types: [['罚款;限制从业', 1]], fine: [0.2, 2] },
  { dept: 'STHJJ', party: 'org', weight: 4, wfxw: '超过大气污染物排放标准排放大气污染物', fact: '经监测，其废气排放口颗粒物、挥发性有机物浓度超过排放标准',
    basis: '《中华人民共和国大气污染防治法》第九十九条第（二）项', types: [['罚款', 9], ['罚款;责令停产停业', 0.6]], fine: [10, 100] },
  { dept: 'STHJJ', party: 'org', weight: 2, wfxw: '建设项目未依法报批环境影响评价文件擅自开工建设', fact: '建设项目环境影响评价文件未经批准，擅自开工建设',
    basis: '《中华人民共和国环境影响评价法》第三十一条第一款', types: [['罚款', 1]], fine: [5, 50] },
  { dept: 'STHJJ', party: 'org', weight: 2, wfxw: '未按规定贮存危险废物', fact: '将危险废物露天堆放，未采取防扬散、防流失、防渗漏措施',
    basis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（六）项', types: [['罚款', 1]], fine: [10, 100] },
  { dept: 'STHJJ', party: 'org', weight: 0.3, wfxw: '在饮用水水源保护区内设置排污口', fact: '在饮用水水源二级保护区内设置排污口并排放污水',
    basis: '《中华人民共和国水污染防治法》第八十四条第一款', types: [['罚款;责令关闭', 1]], fine: [20, 100] },
  { dept: 'ZJJ', party: 'org', weight: 3, wfxw: '未取得施工许可证擅自施工', fact: '在未取得建筑工程施工许可证的情况下擅自施工',
    basis: '《建设工程质量管理条例》第五十七条', types: [['罚款', 1]], fine: [2, 50] },
  { dept: 'ZJJ', party: 'org', weight: 1, wfxw: '超越本单位资质等级承揽工程', fact: '超越本单位资质等级承揽建设工程',
    basis: '《建设工程质量管理条例》第六十条第一款', types: [['罚款;降低资质等级', 2], ['罚款;没收违法所得', 3]], fine: [5, 80], licence: '建筑业企业资质证书' },
  { dept: 'ZJJ', party: 'org', weight: 0.7, wfxw: '房地产经纪机构未按规定公示服务项目和收费标准', fact: '未在经营场所醒目位置公示服务项目、服务内容和收费标准',
    basis: '《房地产经纪管理办法》第三十五条', types: [['通报批评', 1], ['警告;罚款', 2]], fine: [0.1, 1] },
  { dept: 'YJGLJ', party: 'org', weight: 3, wfxw: '未按规定对从业人员进行安全生产教育和培训', fact: '未如实记录安全生产教育和培训情况，部分从业人员未经培训上岗作业',
    basis: '《中华人民共和国安全生产法》第九十七条第（三）项', types: [['罚款', 1]], fine: [1, 10] },
  { dept: 'YJGLJ', party: 'org', weight: 2, wfxw: '未采取措施消除事故隐患', fact: '对检查发现的事故隐患未按要求采取措施消除',
    basis: '《中华人民共和国安全生产法》第一百零二条', types: [['罚款', 8], ['罚款;责令停产停业', 1]], fine: [5, 10] },
  { dept: 'SWJ', party: 'org', weight: 6, wfxw: '未按照规定期限办理纳税申报', fact: '未按照规定期限办理增值税纳税申报',
    basis: '《中华人民共和国税收征收管理法》第六十二条', types: [['罚款', 1]], fine: [0.005, 0.2] },
  { dept: 'SWJ', party: 'org', weight: 0.8, wfxw: '虚开发票', fact: '在没有真实交易的情况下为他人开具增值税普通发票',
    basis: '《中华人民共和国发票管理办法》第三十五条', types: [['罚款;没收违法所得', 1]], fine: [5, 50] },
  { dept: 'JTYSJ', party: 'any', weight: 3, wfxw: '车辆超限运输', fact: '所属货运车辆超过公路限载标准行驶公路',
    basis: '《公路安全保护条例》第六十四条', types: [['罚款', 1]], fine: [0.05, 3] },
  { dept: 'JTYSJ', party: 'any', weight: 2, wfxw: '未取得道路运输经营许可擅自从事道路运输经营', fact: '未取得道路运输经营许可，擅自从事道路旅客运输经营',
    basis: '《中华人民共和国道路运输条例》第六十三条', types: [['罚款;没收违法所得', 1]], fine: [1, 10] },
  { dept: 'JTYSJ', party: 'org', weight: 0.5, wfxw: '未按规定维护和检测运输车辆', fact: '客运车辆未按规定进行综合性能检测并继续从事运输经营',
    basis: '《中华人民共和国道路运输条例》第七十条', types: [['罚款', 5], ['罚款;吊销许可证件', 1]], fine: [0.1, 0.5], licence: '道路运输证' },
  { dept: 'WJW', party: 'org', weight: 2, wfxw: '公共场所卫生质量不符合国家卫生标准', fact: '经抽检，公共用品用具卫生指标不符合国家卫生标准',
    basis: '《公共场所卫生管理条例实施细则》第三十六条', types: [['警告;罚款', 1]], fine: [0.05, 0.2] },
  { dept: 'WJW', party: 'person', weight: 1, wfxw: '未取得医疗机构执业许可证擅自执业', fact: '未取得医疗机构执业许可证，擅自开展诊疗活动',
    basis: '《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款', types: [['没收违法所得;没收非法财物;罚款', 1]], fine: [1, 10] },
  { dept: 'RSJ', party: 'org', weight: 1, wfxw: '违反工作时间和休息休假规定', fact: '安排劳动者延长工作时间超过法定标准',
    basis: '《劳动保障监察条例》第二十五条', types: [['警告;罚款', 1]], fine: [0.2, 1] },
  { dept: 'XFJY', party: 'org', weight: 4, wfxw: '消防设施、器材未保持完好有效', fact: '单位消防设施、器材未保持完好有效，疏散通道被占用',
    basis: '《中华人民共和国消防法》第六十条第一款第（一）项', types: [['罚款', 1]], fine: [0.5, 5] },
  { dept: 'XFJY', party: 'person', weight: 1, wfxw: '占用、堵塞、封闭疏散通道', fact: '在居民楼楼道内堆放杂物、停放电动自行车充电，堵塞疏散通道',
    basis: '《中华人民共和国消防法》第六十条第二款', types: [['警告', 4], ['罚款', 6]], fine: [0.01, 0.05] },
  { dept: 'CGJ', party: 'any', weight: 2, wfxw: '擅自设置户外广告设施', fact: '未经批准擅自设置户外广告设施',
    basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项', types: [['罚款', 1]], fine: [0.05, 1] },
  { dept: 'NYNCJ', party: 'org', weight: 1, wfxw: '经营假农药', fact: '经营的农药经检验有效成分含量不符合标准',
    basis: '《农药管理条例》第五十五条', types: [['没收违法所得;没收非法财物;罚款', 1]], fine: [0.5, 5] },
  { dept: 'NYNCJ', party: 'person', weight: 1.5, wfxw: '在禁渔期内进行捕捞', fact: '在长江禁捕水域使用禁用渔具进行捕捞',
    basis: '《中华人民共和国渔业法》第三十八条', types: [['没收非法财物;罚款', 1]], fine: [0.01, 0.5] },
  { dept: 'ZRZYGHJ', party: 'any', weight: 1, wfxw: '未经批准非法占用土地', fact: '未经批准擅自占用集体土地建设建筑物',
    basis: '《中华人民共和国土地管理法》第七十七条', types: [['罚款;没收非法财物', 1]], fine: [0.5, 30] },
  { dept: 'WGLJ', party: 'org', weight: 1, wfxw: '互联网上网服务营业场所接纳未成年人', fact: '在营业时间内接纳未成年人进入营业场所',
    basis: '《互联网上网服务营业场所管理条例》第三十一条', types: [['警告;罚款', 8], ['罚款;吊销许可证件', 1]], fine: [0.5, 1.5], licence: '网络文化经营许可证' },
  { dept: 'YBJ', party: 'org', weight: 1, wfxw: '通过伪造医疗文书骗取医疗保障基金', fact: '通过虚记诊疗项目、串换药品等方式骗取医疗保障基金支出',
    basis: '《医疗保障基金使用监督管理条例》第四十条', types: [['罚款', 1]], fine: [1, 20] },
  { dept: 'YBJ', party: 'person', weight: 0.6, wfxw: '将本人医疗保障凭证交由他人冒名使用', fact: '将本人医保凭证交由他人冒名就医购药',
    basis: '《医疗保障基金使用监督管理条例》第四十一条', types: [['罚款', 1]], fine: [0.05, 0.5] },
  { dept: 'GAJ', party: 'person', weight: 5, wfxw: '殴打他人', fact: '因琐事与他人发生争执并殴打他人',
    basis: '《中华人民共和国治安管理处罚法》第四十三条第一款', types: [['行政拘留;罚款', 6], ['罚款', 3], ['行政拘留', 2]], fine: [0.02, 0.05] },
  { dept: 'GAJ', party: 'person', weight: 2, wfxw: '盗窃', fact: '在超市内盗窃商品，价值人民币数百元',
    basis: '《中华人民共和国治安管理处罚法》第四十九条', types: [['行政拘留', 5], ['行政拘留;罚款', 3]], fine: [0.02, 0.1] },
  { dept: 'GAJ', party: 'org', weight: 1, wfxw: '旅馆业工作人员不按规定登记住宿旅客信息', fact: '未按规定登记住宿旅客的姓名、身份证件种类和号码',
    basis: '《中华人民共和国治安管理处罚法》第五十六条第一款', types: [['罚款', 1]], fine: [0.02, 0.05] },
];
