import { AutoComplete, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { SubjectItem } from '../../../api/types';
import { useT } from '../../../i18n';
import { searchSubjects } from '../api';

const codeOf = (s: SubjectItem) => s.uscc ?? s.idNumberMasked ?? '';

/** Search box with suggestions after two characters; Enter searches, picking a suggestion opens the party. */
export function SubjectSearch({ initial = '', size = 'large' }: { initial?: string; size?: 'large' | 'middle' }) {
  const t = useT();
  const nav = useNavigate();
  const [text, setText] = useState(initial);
  const [options, setOptions] = useState<{ value: string; label: React.ReactNode; key: string }[]>([]);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    window.clearTimeout(timer.current);
    const q = text.trim();
    if (q.length < 2) {
      setOptions([]);
      return;
    }
    const ctl = new AbortController();
    timer.current = window.setTimeout(() => {
      searchSubjects(q, 1, 8, ctl.signal).then(
        (r) => setOptions(r.items.filter((s) => s.uscc).map((s) => ({
          key: String(s.id), value: `subject:${s.uscc}`,
          label: <div className="suggestion"><span>{s.name}</span><span className="muted mono">{codeOf(s)}</span></div>,
        }))),
        () => setOptions([]),
      );
    }, 250);
    return () => {
      ctl.abort();
      window.clearTimeout(timer.current);
    };
  }, [text]);

  return (
    <AutoComplete
      className="subject-search"
      options={options}
      value={text}
      onChange={(v: string) => setText(v.startsWith('subject:') ? text : v)}
      onSelect={(v: string) => nav(`/subjects/${encodeURIComponent(v.slice('subject:'.length))}`)}
      style={{ width: '100%' }}
    >
      <Input.Search
        size={size}
        placeholder={t('search.placeholder')}
        enterButton={t('search.button')}
        aria-label={t('search.label')}
        allowClear
        data-testid="search-input"
        onSearch={(v) => v.trim() && nav(`/?q=${encodeURIComponent(v.trim())}`)}
      />
    </AutoComplete>
  );
}
