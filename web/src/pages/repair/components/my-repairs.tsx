import { Button, Empty, Form, List, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../../components/api-error';
import { AsyncView } from '../../../components/async-view';
import { DeadlineTag } from '../../../components/deadline-tag';
import { EvidenceUpload, type EvidenceFile } from '../../../components/evidence-upload';
import { useAction, useApi } from '../../../components/use-api';
import { useI18n, useT } from '../../../i18n';
import { isOpen, listRepairs, outcomeOf, stateLabelOf, supplyMaterials, type Repair } from '../api';

/** A returned application: one upload per missing material, sent together. */
function SupplyMaterials({ r, onDone }: { r: Repair; onDone: () => void }) {
  const t = useT();
  const [files, setFiles] = useState<Record<string, EvidenceFile[]>>({});
  const action = useAction(supplyMaterials);
  const list = Object.entries(files).flatMap(([code, fs]) => fs.map((file) => ({ code, file })));
  return (
    <Form layout="vertical" className="section" data-testid={`supply-${r.id}`}
      onFinish={async () => { if (await action.run(r.id, list)) onDone(); }}>
      <div className="muted small">{t('repair.supplyHint')}</div>
      {r.materials.missing.map((m) => (
        <Form.Item key={m.code} label={m.name} required>
          <EvidenceUpload max={3} testId={`supply-material-${m.code}`} onChange={(fs) => setFiles((prev) => ({ ...prev, [m.code]: fs }))} />
        </Form.Item>
      ))}
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} disabled={list.length === 0} data-testid="supply-submit">{t('repair.supply')}</Button>
    </Form>
  );
}

/** The signed-in subject's repair applications, by application number, with progress and answers. */
export function MyRepairs() {
  const { t, lang } = useI18n();
  const state = useApi((s) => listRepairs({ page: 1 }, s), 'mine');
  return (
    <AsyncView state={state} isEmpty={(d) => d.items.length === 0} empty={<Empty description={t('repair.noneMine')} />}>
      {(d) => (
        <List data-testid="my-repairs" dataSource={d.items} renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={<><span className="mono">{t('repair.no', { id: r.id })}</span> <Tag color={isOpen(r) ? 'blue' : 'green'} data-testid={`repair-state-${r.id}`}>{stateLabelOf(r, lang)}</Tag></>}
              description={<div>{t('repair.appliedOn')} {r.appliedOn} · {t('track.dueOn')} <DeadlineTag due={r.decisionDue} overdue={r.overdue} open={isOpen(r)} />
                {r.materials.missing.length > 0 && isOpen(r) && <div className="field-error">{t('repair.missing')}：{r.materials.missing.map((m) => m.name).join('、')}</div>}
                {r.state === 'returned' && r.materials.missing.length > 0 && <SupplyMaterials r={r} onDone={state.reload} />}
                {outcomeOf(r) && <div className="answer">{t('objection.answer')}：{outcomeOf(r)}</div>}</div>}
            />
          </List.Item>
        )} />
      )}
    </AsyncView>
  );
}
