import { BankOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { api, apiUrl } from '../../api/client';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { homeOf } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { LangSwitch } from '../../components/lang-switch';
import { useAction, useApi } from '../../components/use-api';
import { useWords } from '../../components/use-words';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { loginFailure, words } from './words';

/** Sign in for staff, lenders and verified subjects; returns to where the person came from. On the portal (/login) a subject lands on 我的. */
export function LoginPage({ portal = false }: { portal?: boolean }) {
  const { t, lang } = useI18n();
  const w = useWords(words);
  const oidc = useApi((s) => api.get('/api/v1/auth/oidc', {}, s), 'oidc');
  const nav = useNavigate();
  const [params] = useSearchParams();
  const { me, login } = useSession();
  const action = useAction(login);
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;
  const landing = (role: Parameters<typeof homeOf>[0]) => safeNext ?? (portal && role === 'subject' ? '/mine' : homeOf(role));
  const notApproved = action.error && ['registration_pending', 'registration_rejected'].includes(action.error.code) ? action.error : null;

  if (me && me.role !== 'public' && !action.busy) return <Navigate to={landing(me.role)} replace />;

  return (
    <main className="login-page" id="main">
      <Card className="login-card">
        <div className="login-head">
          <Link to="/" className="brand dark"><span className="brand-mark" aria-hidden>信</span><span className="brand-text">{t('brand.portal')}</span></Link>
          <LangSwitch />
        </div>
        <Typography.Title level={3}>{t('login.title')}</Typography.Title>
        <Form layout="vertical" requiredMark={false} onFinish={async (v: { username: string; password: string }) => {
          const m = await action.run(v.username.trim(), v.password);
          if (m) nav(landing(m.role), { replace: true });
        }}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {notApproved ? (
            <Alert className="section" type={notApproved.code === 'registration_pending' ? 'info' : 'warning'} showIcon data-testid="login-registration"
              title={notApproved.code === 'registration_pending' ? w('pendingTitle') : w('rejectedTitle')}
              description={<>{notApproved.message}{notApproved.code === 'registration_rejected' && <div>{w('rejectedNext')} <Link to="/register">{w('register')}</Link></div>}</>} />
          ) : action.error && (
            <div className="section">
              {loginFailure(lang, action.error)
                ? <Alert type="error" showIcon role="alert" title={loginFailure(lang, action.error)} data-testid="login-error" />
                : <ApiErrorAlert error={action.error} compact />}
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={action.busy} data-testid="login-submit">{t('login.submit')}</Button>
        </Form>
        {oidc.data?.enabled && (
          <>
            <Divider plain>{w('or')}</Divider>
            <Button block icon={<BankOutlined />} href={apiUrl('/auth/oidc/start', { next: safeNext ?? '/mine' })} data-testid="login-sso">{w('sso')}</Button>
            <Typography.Paragraph type="secondary" className="small" style={{ marginTop: 8 }}>{w('ssoHint')}</Typography.Paragraph>
          </>
        )}
        <Typography.Paragraph className="section">{w('noAccount')} <Link to="/register" data-testid="login-register">{w('register')}</Link></Typography.Paragraph>
        <Typography.Paragraph type="secondary" className="section small">{t('login.hint')}</Typography.Paragraph>
      </Card>
    </main>
  );
}

/** The same sign-in on the portal (/login): a subject lands on 我的. */
export const PortalLoginPage = () => <LoginPage portal />;
