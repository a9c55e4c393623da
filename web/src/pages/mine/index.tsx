import { AuditOutlined, ExceptionOutlined, FileDoneOutlined, FileProtectOutlined, FileSearchOutlined, KeyOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Col, Result, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { AsyncView } from '../../components/async-view';
import { GrantsHeld } from '../../components/grants-held';
import { LinkButton } from '../../components/link-button';
import { useApi } from '../../components/use-api';
import { useWords } from '../../components/use-words';
import { useT, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { words } from './words';

type Word = keyof typeof words.zh;
interface Entry { to: string; icon: ReactNode; title: Word; desc: Word; testId: string }

/** The subject's own pages, linked rather than repeated: archive, cases, grants and access log (on the account page), reports. */
function SubjectHome() {
  const w = useWords(words);
  const t = useT();
  const mine = useApi((s) => api.get('/api/v1/me/subject', {}, s), 'me-subject');
  return (
    <AsyncView state={mine} rows={4}>
      {(s) => {
        const code = encodeURIComponent(s.code);
        const entries: Entry[] = [
          { to: `/subjects/${code}`, icon: <FileSearchOutlined />, title: 'archive', desc: 'archiveDesc', testId: 'mine-archive' },
          { to: '/objections', icon: <ExceptionOutlined />, title: 'objections', desc: 'objectionsDesc', testId: 'mine-objections' },
          { to: '/repairs', icon: <ToolOutlined />, title: 'repairs', desc: 'repairsDesc', testId: 'mine-repairs' },
          { to: '/commitments', icon: <FileDoneOutlined />, title: 'commitments', desc: 'commitmentsDesc', testId: 'mine-commitments' },
          { to: '/console/account', icon: <KeyOutlined />, title: 'grants', desc: 'grantsDesc', testId: 'mine-grants' },
          { to: '/console/account', icon: <AuditOutlined />, title: 'accessLog', desc: 'accessLogDesc', testId: 'mine-access-log' },
          { to: `/reports?subject=${code}`, icon: <FileProtectOutlined />, title: 'reports', desc: 'reportsDesc', testId: 'mine-reports' },
        ];
        return (
          <>
            <Card className="section" data-testid="mine-subject">
              <Typography.Text type="secondary">{w('speaksFor')}</Typography.Text>
              <Typography.Title level={3} style={{ margin: '4px 0' }}>{s.name}</Typography.Title>
              <Space wrap><span className="mono">{s.codeMasked}</span><Tag>{t(`kind.${s.kind}` as MessageKey)}</Tag></Space>
            </Card>
            <Row gutter={[16, 16]} className="section">
              {entries.map((e) => (
                <Col key={e.testId} xs={24} sm={12} lg={8}>
                  <Link to={e.to} data-testid={e.testId} className="mine-link">
                    <Card hoverable size="small">
                      <Space align="start"><span className="mine-icon" aria-hidden>{e.icon}</span>
                        <div><strong>{w(e.title)}</strong><div className="muted small">{w(e.desc)}</div></div>
                      </Space>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </>
        );
      }}
    </AsyncView>
  );
}

/** 我的: what a signed-in party does on the portal, by who it is. */
export function MinePage() {
  const w = useWords(words);
  const { me, loading } = useSession();
  let body: ReactNode;
  if (loading || !me) body = null;
  else if (me.role === 'public') {
    body = <Result status="info" title={w('signInFirst')} data-testid="mine-anonymous"
      extra={[<LinkButton key="l" type="primary" to="/login?next=/mine">{w('login')}</LinkButton>, <LinkButton key="r" to="/register">{w('register')}</LinkButton>]} />;
  } else if (me.role === 'subject') body = <SubjectHome />;
  else if (me.role === 'lender') body = <div className="section"><GrantsHeld /></div>;
  else body = <Result status="info" title={w('staff')} extra={<LinkButton type="primary" to="/console">{w('console')}</LinkButton>} />;
  return (
    <div className="page">
      <Typography.Title level={2}>{w('title')}</Typography.Title>
      {body}
    </div>
  );
}
