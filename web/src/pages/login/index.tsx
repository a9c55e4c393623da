import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { homeOf } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { LangSwitch } from '../../components/lang-switch';
import { useAction } from '../../components/use-api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { loginFailure } from './words';

/** Sign in for staff, lenders and verified subjects; returns to where the person came from. */
export function LoginPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const { me, login } = useSession();
  const action = useAction(login);
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : null;

  if (me && me.role !== 'public' && !action.busy) return <Navigate to={safeNext ?? homeOf(me.role)} replace />;

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
          if (m) nav(safeNext ?? homeOf(m.role), { replace: true });
        }}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {action.error && (
            <div className="section">
              {loginFailure(lang, action.error)
                ? <Alert type="error" showIcon role="alert" title={loginFailure(lang, action.error)} data-testid="login-error" />
                : <ApiErrorAlert error={action.error} compact />}
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={action.busy} data-testid="login-submit">{t('login.submit')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" className="section small">{t('login.hint')}</Typography.Paragraph>
      </Card>
    </main>
  );
}
