import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LangSwitch } from '../components/lang-switch';
import { useT } from '../i18n';
import { useSession } from '../session';

const { Header, Content, Footer } = Layout;

/** The public portal's frame: brand, main navigation (a drawer on phones), language switch. */
export function PortalLayout() {
  const t = useT();
  const nav = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const narrow = !screens.lg;
  const { me, logout } = useSession();
  const signedIn = Boolean(me && me.role !== 'public');
  const loginPath = `/login?next=${encodeURIComponent(pathname === '/login' ? '/mine' : pathname)}`;
  const signOut = () => void logout().then(() => nav('/'));

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
    if (key === 'logout') signOut();
    else nav(key);
  };
  const accountItems: MenuProps['items'] = signedIn
    ? [{ key: '/mine', label: t('nav.mine') }, { key: 'logout', label: t('nav.logout') }]
    : [{ key: loginPath, label: t('nav.login') }, { key: '/register', label: t('nav.register') }];

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
          {!narrow && (signedIn ? (
            <>
              <Link className="console-link" to="/mine" data-testid="portal-user"><UserOutlined aria-hidden /> {me?.displayName ?? me?.username}</Link>
              <Button type="text" size="small" className="on-dark" icon={<LogoutOutlined />} onClick={signOut} data-testid="portal-logout">{t('nav.logout')}</Button>
            </>
          ) : (
            <>
              <Link className="console-link" to={loginPath} data-testid="portal-login">{t('nav.login')}</Link>
              <Link className="console-link" to="/register" data-testid="portal-register">{t('nav.register')}</Link>
            </>
          ))}
          {narrow && signedIn && <Link className="console-link" to="/mine" aria-label={t('nav.mine')} data-testid="portal-user"><UserOutlined /></Link>}
          {!narrow && me?.role !== 'subject' && <Link className="console-link" to="/console">{t('nav.console')}</Link>}
          {narrow && <Button type="text" className="on-dark" icon={<MenuOutlined />} aria-label={t('nav.open')} onClick={() => setOpen(true)} data-testid="nav-open" />}
        </div>
      </Header>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('nav.main')} placement="right" size={280}>
        <Menu mode="vertical" selectedKeys={selected} items={[...items, { type: 'divider' }, ...accountItems, { key: '/console', label: t('nav.console') }]} onClick={go} />
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
