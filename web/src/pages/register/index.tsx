import { Card, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LinkButton } from '../../components/link-button';
import { useWords } from '../../components/use-words';
import type { RegistrationReceipt } from './api';
import { RegisterForm } from './components/register-form';
import { words } from './words';

/** 注册账号: an enterprise or a person applies for an account; the credit centre approves it. */
export function RegisterPage() {
  const w = useWords(words);
  const [done, setDone] = useState<RegistrationReceipt | null>(null);

  if (done) {
    return (
      <div className="page narrow">
        <Result status="success" title={w('doneTitle')} subTitle={w('doneBody', { id: done.id, username: done.username })} data-testid="registration-done"
          extra={[<LinkButton key="login" type="primary" to="/login?next=/mine">{w('toLogin')}</LinkButton>, <LinkButton key="home" to="/">{w('toHome')}</LinkButton>]} />
      </div>
    );
  }
  return (
    <div className="page narrow">
      <Typography.Title level={2}>{w('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Card>
        <Tabs destroyOnHidden items={[
          { key: 'enterprise', label: <span data-testid="reg-tab-enterprise">{w('enterprise')}</span>, children: <RegisterForm kind="enterprise" onDone={setDone} /> },
          { key: 'person', label: <span data-testid="reg-tab-person">{w('person')}</span>, children: <RegisterForm kind="person" onDone={setDone} /> },
        ]} />
      </Card>
      <Typography.Paragraph className="section">{w('haveAccount')} <Link to="/login?next=/mine">{w('login')}</Link></Typography.Paragraph>
    </div>
  );
}
