import { Tag } from 'antd';
import { can } from '../../access';
import { CaseInbox } from '../../components/case-inbox';
import { DeadlineTag } from '../../components/deadline-tag';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { isOpen, listRepairs, type Repair, type RepairState } from '../repair/api';
import { RepairCase } from './components/repair-case';
import { useWords } from './words';

/** 信用修复审核: applications with their decision deadlines and overdue flags; a row opens the case with what it is about. */
export function RepairInboxPage() {
  const t = useT();
  const w = useWords();
  const { me } = useSession();
  return (
    <CaseInbox<Repair, RepairState> title={t('menu.repairs')} testId="repair-inbox" load={listRepairs}
      states={{ open: ['returned', 'accepted', 'extended'], closed: ['approved', 'rejected', 'revoked'] }}
      overdue={(r) => r.overdue && isOpen(r)}
      columns={[
        { title: '#', dataIndex: 'id' },
        { title: t('repair.appliedOn'), dataIndex: 'appliedOn' },
        { title: t('track.department'), key: 'd', render: (_, r) => r.department?.name ?? '—' },
        { title: t('track.state'), key: 's', render: (_, r) => <Tag color={isOpen(r) ? 'blue' : 'green'}>{w.repairStates[r.state] ?? r.stateLabel}</Tag> },
        { title: t('track.dueOn'), key: 'due', render: (_, r) => <DeadlineTag due={r.decisionDue} overdue={r.overdue} open={isOpen(r)} /> },
      ]}
      drawer={{ size: 720, title: (r) => (r ? t('repair.no', { id: r.id }) : '') }}
      detail={(r, on) => <RepairCase id={r.id} canDecide={can(me?.role, 'repairDecide')} onDone={on.done} />} />
  );
}
