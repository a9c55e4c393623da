import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import { Chart, registerMap, type ChartOption } from '../../../components/chart';
import { useT } from '../../../i18n';
import type { DistrictStats } from '../api';
import geo from '../nantong.geo.json';

const KNOWN = new Set(geo.features.map((f) => f.properties.code));

// District boundaries of the demo city (南通市), see web/tools/nantong-geo.mjs for their source.
registerMap('nantong', geo);

type Measure = 'subjects' | 'records' | 'adverse' | 'listed';

/** The demo city's districts coloured by a measure; districts outside the map are listed below it. */
export function DistrictMap({ data }: { data: DistrictStats }) {
  const t = useT();
  const [measure, setMeasure] = useState<Measure>('records');
  const option = useMemo<ChartOption>(() => {
    const values = data.items.filter((d) => KNOWN.has(d.region)).map((d) => ({ name: geo.features.find((f) => f.properties.code === d.region)!.properties.name, value: d[measure] }));
    const max = Math.max(1, ...values.map((v) => v.value));
    const measureLabel = t(`dash.map.${measure}`);
    return {
      // Named by the measure: an unnamed series shows as "series0" in the tooltip.
      tooltip: { trigger: 'item', formatter: (p: { name?: string; value?: unknown }) => `${p.name ?? ''}<br/>${measureLabel}：${typeof p.value === 'number' ? p.value.toLocaleString() : '—'}` },
      visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: ['#e6effa', '#1554ad'] }, itemHeight: 90 },
      series: [{ name: measureLabel, type: 'map', map: 'nantong', roam: false, label: { show: true, fontSize: 11 }, data: values, emphasis: { label: { show: true } } }],
    };
  }, [data, measure, t]);
  const outside = data.items.filter((d) => !KNOWN.has(d.region));
  return (
    <div>
      <Segmented size="small" value={measure} onChange={(v) => setMeasure(v as Measure)} options={[
        { value: 'records', label: t('dash.map.records') }, { value: 'adverse', label: t('dash.map.adverse') },
        { value: 'subjects', label: t('dash.map.subjects') }, { value: 'listed', label: t('dash.map.listed') },
      ]} />
      <Chart option={option} height={360} label={t('dash.map')} testId="district-map" svg />
      {outside.length > 0 && <div className="muted small">{t('dash.outside', { n: outside.reduce((s, d) => s + d[measure], 0) })}</div>}
    </div>
  );
}
