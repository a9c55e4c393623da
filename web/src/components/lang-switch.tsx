import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n';

/** 中文 ⇄ English; the choice is remembered in this browser. */
export function LangSwitch({ light }: { light?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      className={light ? 'on-dark' : undefined}
      onClick={() => setLang(next)}
      aria-label={t('lang.switchTo')}
      data-testid="lang-switch"
      lang={next}
    >
      {next === 'en-US' ? 'English' : '中文'}
    </Button>
  );
}
