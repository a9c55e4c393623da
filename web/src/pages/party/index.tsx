import { FileProtectOutlined, ExceptionOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { loadCategories } from '../../api/catalog';
import { AsyncView } from '../../components/async-view';
import { useApi } from '../../components/use-api';
import { localName } from '../../api/format';
import { useI18n, type MessageKey } from '../../i18n';
import { getArchive } from './api';
import { BasicInfo } from './components/basic-info';
import { GradeCard } from './components/grade-card';
import { RecordCard } from './components/record-card';
import { SubjectLists } from './components/subject-lists';
import { MyObjections } from '../objection/components/my-objections';
import { useSession } from '../../session';
import { PurposeSelect, usePurpose } from '../../components/purpose-select';

const FIRST = ['licence', 'penalty'];

/** 信用档案: everything public about one party, grouped by catalog category. */
export function PartyPage() {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const { me } = useSession();
  const code = decodeURIComponent(useParams().code ?? '');
  const purpose = usePurpose();
  const archive = useApi((s) => getArchive(code, s, purpose), `${code}|${purpose ?? ''}`);
  const cats = useApi(() => loadCategories(), 'categories');
  const byCode = new Map((cats.data ?? []).map((c) => [c.code, c]));

  return (
    <div className="page">
      <AsyncView state={archive} rows={8}>
        {(a) => {
          const groups = [...a.categories].sort((x, y) => {
            const i = FIRST.indexOf(x.code), j = FIRST.indexOf(y.code);
            return (i < 0 ? 99 : i) - (j < 0 ? 99 : j);
          });
          const disputedGroup = groups.find((c) => c.records.some((r) => r.state === 'disputed'));
          const disputed = disputedGroup !== undefined;
          return (
            <>
              <div className="party-head">
                <div>
                  <Typography.Title level={2} className="party-name" data-testid="party-name">{a.subject.name}</Typography.Title>
                  <Space wrap>
                    <span className="mono">{a.subject.uscc ?? a.subject.idNumberMasked}</span>
                    <Tag>{t(`kind.${a.subject.kind}` as MessageKey)}</Tag>
                  </Space>
                </div>
                <Space wrap>
                  <Button type="primary" icon={<FileProtectOutlined />} onClick={() => nav(`/reports?subject=${encodeURIComponent(code)}`)} data-testid="request-report">{t('party.requestReport')}</Button>
                  <Button icon={<ExceptionOutlined />} onClick={() => nav(`/objections?subject=${encodeURIComponent(code)}`)}>{t('party.object')}</Button>
                </Space>
              </div>
              {disputed && <Alert type="warning" showIcon className="section" title={t('party.disputedBanner')} data-testid="disputed-banner" />}
              <PurposeSelect notice={a.scope.notice} purpose={a.scope.purpose} />
              <div className="party-grid section">
                <BasicInfo subject={a.subject} />
                <GradeCard code={code} />
              </div>
              {me?.role === 'subject' && me.subjectId === a.subject.id && (
                <Card title={t('objection.mine')} size="small" className="section"><MyObjections /></Card>
              )}
              <Card title={t('party.lists')} size="small" className="section"><SubjectLists code={code} /></Card>
              <Card title={t('party.records')} size="small" className="section">
                {groups.length === 0 ? <Empty description={t('party.noRecords')} /> : (
                  <Tabs
                    // A record under objection is what the banner talks about: open its tab first.
                    defaultActiveKey={disputedGroup?.code ?? groups[0]?.code}
                    items={groups.map((g) => ({
                      key: g.code,
                      label: <span data-testid={`records-tab-${g.code}`}>{localName(lang, byCode.get(g.code) ?? g)} <Badge count={g.records.length} color="#8c8c8c" /></span>,
                      children: <div className="records">{g.records.map((r) => <RecordCard key={r.id} record={r} category={byCode.get(g.code)} subjectCode={code} />)}</div>,
                    }))}
                  />
                )}
              </Card>
            </>
          );
        }}
      </AsyncView>
    </div>
  );
}
