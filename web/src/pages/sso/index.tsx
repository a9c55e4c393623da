import { Result } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { LinkButton } from '../../components/link-button';
import { useWords } from '../../components/use-words';

// Why a sign-in through the government-service account (OpenID Connect) did not happen, in words.
const words = {
  zh: {
    title: '未能使用政务服务账号登录',
    not_configured: '本平台尚未接入政务服务账号登录，请使用本平台的用户名和密码登录，或先注册账号。',
    provider_unreachable: '暂时无法连接政务服务平台，请稍后再试。',
    provider_denied: '您在政务服务平台取消了登录或未同意授权。',
    expired: '登录已超时或不是从本页面发起的，请重新点击“使用政务服务账号登录”。',
    invalid_response: '政务服务平台返回的登录信息未通过校验，请重新登录；如仍不成功请联系信用中心。',
    no_claim: '您的政务服务账号未提供经核验的统一社会信用代码或身份证号码，无法确定对应的信用主体。请先在政务服务平台完成实名认证，或在本平台注册账号。',
    invalid_claim: '政务服务平台提供的统一社会信用代码或身份证号码无效，请联系信用中心。',
    unknown_subject: '本平台尚无与您的政务服务账号对应的信用主体（企业或个人），因此无法为您开通账户。如有疑问请联系信用中心，或在本平台注册账号并上传证明材料。',
    account_disabled: '与您的政务服务账号关联的平台账户已停用，请联系信用中心。',
    unknown: '登录未完成，请重试。',
    retry: '重新登录', register: '注册账号', home: '返回首页',
  },
  en: {
    title: 'Could not sign in with the government-service account',
    not_configured: 'This platform is not connected to the government-service sign-in. Sign in with a username and password of this platform, or register.',
    provider_unreachable: 'The government-service platform cannot be reached just now. Please try again later.',
    provider_denied: 'You cancelled the sign-in or did not consent at the government-service platform.',
    expired: 'The sign-in timed out or was not started from this page. Click "Sign in with government-service account" again.',
    invalid_response: 'The sign-in the government-service platform returned did not pass our checks. Please sign in again; if it keeps failing, contact the credit centre.',
    no_claim: 'Your government-service account gives no verified unified social credit code or ID number, so we cannot tell which credit subject you are. Complete real-name verification there first, or register on this platform.',
    invalid_claim: 'The code or ID number given by the government-service platform is not valid. Please contact the credit centre.',
    unknown_subject: 'This platform holds no credit subject (enterprise or person) matching your government-service account, so no account can be opened for you. Contact the credit centre, or register here with your documents.',
    account_disabled: 'The platform account linked to your government-service account is disabled. Please contact the credit centre.',
    unknown: 'The sign-in did not complete. Please try again.',
    retry: 'Sign in again', register: 'Register', home: 'Home',
  },
} as const;

type Reason = Exclude<keyof typeof words.zh, 'title' | 'retry' | 'register' | 'home'>;
const REASONS: readonly string[] = ['not_configured', 'provider_unreachable', 'provider_denied', 'expired', 'invalid_response', 'no_claim', 'invalid_claim', 'unknown_subject', 'account_disabled'];

/** The page the server sends the browser to when a sign-in at the provider ends without a session. */
export function SsoResultPage() {
  const w = useWords(words);
  const [params] = useSearchParams();
  const error = params.get('error') ?? '';
  const reason: Reason = REASONS.includes(error) ? (error as Reason) : 'unknown';
  return (
    <div className="page narrow">
      <Result status="warning" title={w('title')} subTitle={<span data-testid="sso-reason">{w(reason)}</span>}
        extra={[
          <LinkButton key="l" type="primary" to="/login?next=/mine">{w('retry')}</LinkButton>,
          <LinkButton key="r" to="/register">{w('register')}</LinkButton>,
          <LinkButton key="h" to="/">{w('home')}</LinkButton>,
        ]} />
    </div>
  );
}
