import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LangSwitch } from '../components/lang-switch';
import { useT } from '../i18n';

const { Header, Content, Footer } = Layout;

/** The public portal's frame: brand, main navigation (a drawer on phones), language switch. */
export function PortalLayout() {
  const t = useT();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const narrow = !screens.lg;

  const items: MenuProps['items'] = [
    { key: '/', label: t('nav.home') },
    { key: '/publicity/licence', label: t('nav.licences') },
    { key: '/publicity/penalty', label: t('nav.penalties') },
    { key: '/lists/honour', label: t('nav.honourList') },
    { key: '/lists/blacklist', label: t('nav.blacklist') },
    { key: '/reports', label: t('nav.reports') },
    { key: '/reports/verify', label: t('nav.verify') },
    { key: '/objections', label: t('nav.objections') },
    { key: '/repairs', label: t('nav.repairs') },
    { key: '/commitments', label: t('nav.commitments') },
  ];
  const selected = items.map((i) => String(i?.key)).filter((k) => (k === '/' ? pathname === '/' : pathname.startsWith(k)))
    .sort((a, b) => b.length - a.length).slice(0, 1);
  const go: MenuProps['onClick'] = ({ key }) => {
    setOpen(false);
    nav(key);
  };

  return (
    <Layout className="portal">
      <a className="skip-link" href="#main">{t('a11y.skip')}</a>
      <Header className="portal-header">
        <Link to="/" className="brand" aria-label={t('brand.portal')}>
          <span className="brand-mark" aria-hidden>信</span>
          <span className="brand-text">{t('brand.portal')}</span>
        </Link>
        {!narrow && <Menu mode="horizontal" theme="dark" selectedKeys={selected} items={items} onClick={go} className="portal-menu" aria-label={t('nav.main')} />}
        <div className="header-actions">
          <LangSwitch light />
          {!narrow && <Link className="console-link" to="/console">{t('nav.console')}</Link>}
          {narrow && <Button type="text" className="on-dark" icon={<MenuOutlined />} aria-label={t('nav.open')} onClick={() => setOpen(true)} data-testid="nav-open" />}
        </div>
      </Header>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('nav.main')} placement="right" size={280}>
        <Menu mode="vertical" selectedKeys={selected} items={[...items, { key: '/console', label: t('nav.console') }]} onClick={go} />
      </Drawer>
      <Content id="main" className="portal-content" tabIndex={-1}>
        <Outlet />
      </Content>
      <Footer className="portal-footer">
        <div>{t('footer.line1')}</div>
        <div>{t('footer.line2')}</div>
      </Footer>
    </Layout>
  );
}
