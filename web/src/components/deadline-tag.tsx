import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n';

/** A due date with what it means today: overdue (red), due within 3 days (orange), or days left. */
export function DeadlineTag({ due, overdue, open = true }: { due: string | null; overdue: boolean; open?: boolean }) {
  const t = useT();
  if (!due) return <span className="muted">—</span>;
  if (!open) return <span>{due}</span>;
  const left = dayjs(due).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (overdue || left < 0) return <Tag color="red" data-testid="overdue-flag">{t('inbox.overdue')} · {due}</Tag>;
  return (
    <Tooltip title={t('inbox.daysLeft', { n: left })}>
      <Tag color={left <= 3 ? 'orange' : 'blue'}>{due}</Tag>
    </Tooltip>
  );
}
