import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List, Space, Typography } from 'antd';
import type { Repair } from '../../repair/api';
import { checkWords, fill, useWords } from '../words';

type Check = NonNullable<Repair['check']>;

/** The repair conditions in words: each one met or not, checked today (open case) or when applied (closed case). */
export function EligibilityCheck({ check }: { check: Check }) {
  const w = useWords();
  const failing = check.reasons.filter((r) => !r.ok).length;
  const when = fill(check.at === 'now' ? w.checkedNow : w.checkedAtApplication, { date: check.on });
  const summary = failing === 0 ? w.allMet : fill(w.someNotMet, { n: failing });
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="repair-eligibility">
      <Alert type={failing === 0 ? 'success' : 'warning'} showIcon title={summary}
        description={<span>{when}{check.earliestDate ? ` · ${fill(w.earliest, { date: check.earliestDate })}` : ''}</span>} />
      <List size="small" bordered dataSource={check.reasons} renderItem={(r) => (
        <List.Item data-testid={`eligibility-${r.check}`} data-ok={r.ok}>
          <Space align="start">
            {r.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={w.met} /> : <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={w.notMet} />}
            <Typography.Text>{checkWords(w.lang, r)}</Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Space>
  );
}
