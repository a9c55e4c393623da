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
