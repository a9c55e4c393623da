import { Tag } from 'antd';
import { can } from '../../access';
import { CaseInbox } from '../../components/case-inbox';
import { DeadlineTag } from '../../components/deadline-tag';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { listObjections, type Objection, type ObjectionState } from './api';
import { ObjectionCase } from './components/objection-case';
import { useWords } from './words';

/** 异议处理: the department's (or the credit center's) objections with deadlines and overdue flags. */
export function ObjectionInboxPage() {
  const t = useT();
  const w = useWords();
  const { me } = useSession();
  return (
    <CaseInbox<Objection, ObjectionState> title={t('menu.objections')} testId="objection-inbox" load={listObjections}
      states={{ open: ['received', 'extended', 'escalated'], closed: ['corrected', 'revoked', 'maintained'] }}
      overdue={(o) => o.overdue && o.open}
      columns={[
        { title: t('objection.trackingNo'), dataIndex: 'trackingNo', render: (v: string) => <span className="mono">{v}</span> },
        { title: t('track.receivedOn'), dataIndex: 'receivedOn' },
        { title: t('track.department'), key: 'dept', render: (_, o) => o.department.name },
        { title: t('objection.grounds'), key: 'grounds', render: (_, o) => w.grounds[o.grounds] ?? o.groundsLabel },
        { title: t('track.state'), key: 'state', render: (_, o) => <Tag color={o.open ? 'blue' : 'green'}>{w.objectionStates[o.state] ?? o.stateLabel}</Tag> },
        { title: t('track.dueOn'), key: 'due', render: (_, o) => <DeadlineTag due={o.dueOn} overdue={o.overdue} open={o.open} /> },
      ]}
      drawer={{ size: 720, title: () => t('inbox.case') }}
      detail={(o, on) => <ObjectionCase id={o.id} canDecide={can(me?.role, 'objectionDecide')} onChanged={on.changed} />} />
  );
}
