// Words the login page adds for the public: registration and the government-service sign-in.
export const words = {
  zh: {
    sso: '使用政务服务账号登录', ssoHint: '企业和个人可使用城市政务服务平台的账号直接登录，无需另行注册。', or: '或',
    noAccount: '还没有账号？', register: '注册账号', pendingTitle: '注册申请审核中', rejectedTitle: '注册申请未通过',
    rejectedNext: '您可以按理由修改后重新注册。', back: '返回门户首页',
  },
  en: {
    sso: 'Sign in with government-service account', ssoHint: 'Enterprises and individuals can sign in with their account of the city\'s government-service platform, without registering here.', or: 'or',
    noAccount: 'No account yet?', register: 'Register', pendingTitle: 'Your application is under review', rejectedTitle: 'Your application was not approved',
    rejectedNext: 'You may register again once the reason is dealt with.', back: 'Back to the portal',
  },
} as const;
