import { FileSearchOutlined, SafetyCertificateOutlined, SolutionOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Empty, List, Pagination, Row, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { AsyncView } from '../../components/async-view';
import { useApi } from '../../components/use-api';
import { useT, type MessageKey } from '../../i18n';
import { searchSubjects } from './api';
import { SubjectSearch } from './components/subject-search';

function Results({ q, page }: { q: string; page: number }) {
  const t = useT();
  const [, setParams] = useSearchParams();
  const state = useApi((signal) => searchSubjects(q, page, 10, signal), `${q}|${page}`);
  return (
    <section aria-label={t('search.results')} className="section">
      <AsyncView state={state} isEmpty={(d) => d.total === 0} empty={<Empty description={t('search.none', { q })} />}>
        {(d) => (
          <>
            <Typography.Paragraph type="secondary">{t('search.count', { n: d.total, q })}</Typography.Paragraph>
            <List
              bordered
              dataSource={d.items}
              data-testid="search-results"
              renderItem={(s) => (
                <List.Item>
                  <List.Item.Meta
                    title={s.uscc ? <Link to={`/subjects/${encodeURIComponent(s.uscc)}`}>{s.name}</Link> : <span>{s.name}</span>}
                    description={<span className="mono">{s.uscc ?? s.idNumberMasked}</span>}
                  />
                  <Tag>{t(`kind.${s.kind}` as MessageKey)}</Tag>
                </List.Item>
              )}
            />
            {d.total > 10 && (
              <Pagination className="pager" current={page} total={d.total} pageSize={10} showSizeChanger={false}
                onChange={(p) => setParams({ q, page: String(p) })} />
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}

const SHORTCUTS: { to: string; icon: React.ReactNode; title: MessageKey; body: MessageKey }[] = [
  { to: '/publicity/penalty', icon: <WarningOutlined />, title: 'home.card.publicity', body: 'home.card.publicityBody' },
  { to: '/lists/blacklist', icon: <SolutionOutlined />, title: 'home.card.lists', body: 'home.card.listsBody' },
  { to: '/reports', icon: <FileSearchOutlined />, title: 'home.card.report', body: 'home.card.reportBody' },
  { to: '/objections', icon: <SafetyCertificateOutlined />, title: 'home.card.rights', body: 'home.card.rightsBody' },
];

/** Portal home: the search, its results, and the ways into the portal. */
export function HomePage() {
  const t = useT();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  return (
    <div>
      <div className="hero">
        <Typography.Title level={1} className="hero-title">{t('home.title')}</Typography.Title>
        <Typography.Paragraph className="hero-sub">{t('home.subtitle')}</Typography.Paragraph>
        <div className="hero-search"><SubjectSearch key={q} initial={q} /></div>
      </div>
      <div className="page">
        {q ? <Results q={q} page={page} /> : (
          <Row gutter={[16, 16]}>
            {SHORTCUTS.map((s) => (
              <Col xs={24} sm={12} lg={6} key={s.to}>
                <Link to={s.to} className="card-link">
                  <Card hoverable className="shortcut">
                    <div className="shortcut-icon" aria-hidden>{s.icon}</div>
                    <Typography.Title level={4}>{t(s.title)}</Typography.Title>
                    <Typography.Text type="secondary">{t(s.body)}</Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </div>
    </div>
  );
}
