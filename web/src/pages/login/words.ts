import type { ApiError } from '../../api/client';
import { dateTime } from '../../api/format';
import type { Lang } from '../../i18n';

/**
 * A failed sign-in in one message: wrong credentials, or locked out (with when the lock ends, in the
 * reader's time zone); null for other failures (network, server), which ApiErrorAlert words.
 */
export function loginFailure(lang: Lang, e: ApiError): string | null {
  const en = lang === 'en-US';
  if (e.status === 401) return en ? 'Wrong user name or password.' : '用户名或密码错误。';
  if (e.status === 429) {
    const until = e.details.map((d) => d.lockedUntil).find((v): v is string => typeof v === 'string');
    const when = until ? dateTime(until).slice(11, 16) : null;
    if (en) return `Too many wrong passwords: the account is locked${when ? ` until ${when}` : ' for 15 minutes'}. Try again later or ask your administrator to unlock it.`;
    return `密码连续输错次数过多，账户已锁定${when ? `至 ${when}` : ' 15 分钟'}，请稍后再试，或联系管理员解锁。`;
  }
  return null;
}

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
