import { Descriptions, Typography } from 'antd';
import { dateTime } from '../../../api/format';
import { inputsOf, type Plan } from '../api';
import { useWords } from '../words';

const Hash = ({ v, testid }: { v: string; testid?: string }) => <Typography.Text className="mono small break" copyable data-testid={testid}>{v}</Typography.Text>;

/** The commitment published with the plan (seed hash, inputs digest) and, after the draw, the seed. */
export function Commitment({ plan }: { plan: Plan }) {
  const w = useWords();
  const drawn = plan.status === 'drawn';
  const directory = inputsOf(plan)?.directoryHash;
  return (
    <div>
      <Typography.Paragraph type="secondary">{w(drawn ? 'commit.after' : 'commit.before')}</Typography.Paragraph>
      <Descriptions size="small" bordered column={1} items={[
        { key: 'sh', label: w('commit.seedHash'), children: <Hash v={plan.seedHash} testid="seed-hash" /> },
        { key: 's', label: w('commit.seed'), children: plan.seed ? <Hash v={plan.seed} testid="seed" /> : <span className="muted" data-testid="seed">{w('commit.notYet')}</span> },
        { key: 'ih', label: w('commit.inputsHash'), children: <Hash v={plan.inputsHash} /> },
        ...(directory ? [{ key: 'dh', label: w('commit.directoryHash'), children: <Hash v={directory} /> }] : []),
        { key: 'c', label: w('plan.createdAt'), children: dateTime(plan.createdAt) },
        ...(plan.drawnAt ? [{ key: 'dr', label: w('plan.drawnAt'), children: dateTime(plan.drawnAt) }] : []),
      ]} />
    </div>
  );
}
