// Words of the console's account-applications screen.
export const words = {
  zh: {
    title: '注册审核',
    intro: '企业和个人在门户网站提交的注册申请。核对证明材料与平台登记信息后通过或不予通过；通过后申请人即可用其用户名和密码登录，账户关联到对应的信用主体。',
    pending: '待审核', approved: '已通过', rejected: '未通过', all: '全部',
    filedAt: '申请时间', kind: '类型', enterprise: '企业/组织', person: '个人', name: '名称/姓名', code: '统一社会信用代码/身份证号',
    username: '用户名', contact: '联系方式', state: '状态', actions: '操作', open: '审核', view: '查看',
    detail: '注册申请 #{id}', legalRep: '法定代表人', phone: '联系电话', email: '电子邮箱',
    documents: '证明材料', noDocument: '未上传材料', licence: '营业执照', authorisation: '授权委托书', id_card: '身份证扫描件',
    onFile: '平台登记情况', onFileNone: '平台尚无该主体，通过后将按申请信息登记为新主体',
    onFileName: '平台登记名称：{name}', nameMatches: '与申请一致', nameDiffers: '与申请不一致，请核对',
    accounts: '该主体已有 {n} 个账户', otherPending: '同一主体另有 {n} 份待审核申请',
    approve: '通过', approveConfirm: '确认通过？通过后“{username}”即可登录，并以“{name}”的身份查看档案、提出异议和修复申请。',
    reject: '不予通过', reason: '不予通过的理由', reasonHint: '申请人登录时会看到这段理由，如：营业执照不清晰，请重新申请并上传清晰的扫描件',
    reasonRequired: '请写明不予通过的理由',
    approvedMsg: '已通过，“{username}”现在可以登录', rejectedMsg: '已记录不予通过及理由',
    decidedBy: '{by} 于 {at} 审核', rejectReason: '理由：{reason}', empty: '没有待审核的注册申请',
  },
  en: {
    title: 'Account applications',
    intro: 'Applications for accounts made on the portal by enterprises and individuals. Check the document against what the platform holds, then approve or reject; once approved, the applicant signs in with their username and password, speaking for that credit subject.',
    pending: 'Pending', approved: 'Approved', rejected: 'Rejected', all: 'All',
    filedAt: 'Applied', kind: 'Type', enterprise: 'Organisation', person: 'Individual', name: 'Name', code: 'USCC / ID number',
    username: 'Username', contact: 'Contact', state: 'Status', actions: 'Actions', open: 'Review', view: 'View',
    detail: 'Application #{id}', legalRep: 'Legal representative', phone: 'Phone', email: 'Email',
    documents: 'Documents', noDocument: 'No document uploaded', licence: 'Business licence', authorisation: 'Letter of authorisation', id_card: 'ID card scan',
    onFile: 'On file', onFileNone: 'Not yet a subject of the platform; approving registers it as given in the application',
    onFileName: 'Name on file: {name}', nameMatches: 'same as applied', nameDiffers: 'differs from the application — check',
    accounts: 'This subject already has {n} account(s)', otherPending: '{n} other pending application(s) for the same subject',
    approve: 'Approve', approveConfirm: 'Approve? "{username}" can then sign in and act for "{name}": see its archive, object and apply for repair.',
    reject: 'Reject', reason: 'Reason for rejecting', reasonHint: 'The applicant sees this when signing in, e.g. "The licence scan is illegible; please apply again with a clear scan"',
    reasonRequired: 'Give the reason for rejecting',
    approvedMsg: 'Approved: "{username}" can now sign in', rejectedMsg: 'Rejection recorded with its reason',
    decidedBy: 'Decided by {by} on {at}', rejectReason: 'Reason: {reason}', empty: 'No applications waiting',
  },
} as const;

export type RegistrationWord = keyof typeof words.zh;
