import { Descriptions } from 'antd';
import type { PublicityItem } from '../api';

/** Every field of a 双公示 record, wrapping inside its container (one column on a phone). */
export function PublicityDetails({ item, labels }: { item: PublicityItem; labels: Map<string, string> }) {
  return (
    <Descriptions className="publicity-detail" size="small" bordered column={{ xs: 1, sm: 1, md: 1, lg: 2 }} data-testid="publicity-detail"
      items={Object.entries(item.fields).filter(([, v]) => v).map(([k, v]) => ({ key: k, label: labels.get(k) ?? k, children: v }))} />
  );
}
