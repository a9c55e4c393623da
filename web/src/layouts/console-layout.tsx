import {
  AppstoreOutlined, ControlOutlined, DashboardOutlined, FilePdfOutlined, ScheduleOutlined, AuditOutlined, BarChartOutlined, CloudUploadOutlined, ExceptionOutlined, KeyOutlined, LogoutOutlined,
  LineChartOutlined, OrderedListOutlined, SafetyCertificateOutlined, SearchOutlined, TeamOutlined, ApartmentOutlined, ToolOutlined, FileDoneOutlined, UserOutlined, UserAddOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Result, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { can, type Permission } from '../access';
import { LangSwitch } from '../components/lang-switch';
import { useT, type MessageKey } from '../i18n';
import { useSession } from '../session';

const { Header, Sider, Content } = Layout;

interface Entry { path: string; perm: Permission; label: MessageKey; icon: ReactNode }

export const CONSOLE_ENTRIES: Entry[] = [
  { path: '/console', perm: 'dashboard', label: 'menu.dashboard', icon: <BarChartOutlined /> },
  { path: '/console/submissions', perm: 'submissions', label: 'menu.submissions', icon: <CloudUploadOutlined /> },
  { path: '/console/quality', perm: 'quality', label: 'menu.quality', icon: <LineChartOutlined /> },
  { path: '/console/catalog', perm: 'catalogView', label: 'menu.catalog', icon: <AppstoreOutlined /> },
  { path: '/console/objections', perm: 'objectionInbox', label: 'menu.objections', icon: <ExceptionOutlined /> },
  { path: '/console/repairs', perm: 'repairInbox', label: 'menu.repairs', icon: <ToolOutlined /> },
  { path: '/console/commitments', perm: 'commitmentInbox', label: 'menu.commitments', icon: <FileDoneOutlined /> },
  { path: '/console/lists', perm: 'listManage', label: 'menu.lists', icon: <OrderedListOutlined /> },
  { path: '/console/review', perm: 'review', label: 'menu.review', icon: <SearchOutlined /> },
  { path: '/console/measures', perm: 'measures', label: 'menu.measures', icon: <ControlOutlined /> },
  { path: '/console/evaluation', perm: 'evaluation', label: 'menu.evaluation', icon: <DashboardOutlined /> },
  { path: '/console/inspection', perm: 'inspection', label: 'menu.inspection', icon: <ScheduleOutlined /> },
  { path: '/console/reports', perm: 'reports', label: 'menu.reports', icon: <FilePdfOutlined /> },
  { path: '/console/users', perm: 'users', label: 'menu.users', icon: <TeamOutlined /> },
  { path: '/console/departments', perm: 'departments', label: 'menu.departments', icon: <ApartmentOutlined /> },
  { path: '/console/keys', perm: 'keys', label: 'menu.keys', icon: <KeyOutlined /> },
  { path: '/console/audit', perm: 'audit', label: 'menu.audit', icon: <AuditOutlined /> },
  { path: '/console/account', perm: 'account', label: 'menu.account', icon: <UserOutlined /> },
  { path: '/console/registrations', perm: 'registrations', label: 'menu.registrations', icon: <UserAddOutlined /> },
];

/** The console's frame: only the menu entries the role may use; anonymous visitors go to the login page. */
export function ConsoleLayout() {
  const t = useT();
  const nav = useNavigate();
  const { pathname, search } = useLocation();
  const { me, loading, logout } = useSession();

  if (loading || !me) return <div className="center-page"><Spin size="large" /></div>;
  if (me.role === 'public') return <Navigate to={`/console/login?next=${encodeURIComponent(pathname + search)}`} replace />;

  const entries = CONSOLE_ENTRIES.filter((e) => can(me.role, e.perm));
  const items: MenuProps['items'] = entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.label) }));
  const selected = entries.filter((e) => (e.path === '/console' ? pathname === '/console' : pathname.startsWith(e.path))).map((e) => e.path);

  return (
    <Layout className="console" hasSider>
      <a className="skip-link" href="#main">{t('a11y.skip')}</a>
      <Sider breakpoint="lg" collapsedWidth={0} width={208} className="console-sider" theme="dark" zeroWidthTriggerStyle={{ top: 8 }}>
        <Link to="/" className="brand console-brand"><span className="brand-mark" aria-hidden>信</span><span className="brand-text">{t('brand.console')}</span></Link>
        <Menu theme="dark" mode="inline" items={items} selectedKeys={selected} onClick={({ key }) => nav(key)} aria-label={t('nav.console')} data-testid="console-menu" />
      </Sider>
      <Layout>
        <Header className="console-header">
          <Space wrap size="small">
            <SafetyCertificateOutlined aria-hidden />
            <Typography.Text strong data-testid="whoami">{me.username}</Typography.Text>
            <Tag color="blue" data-testid="role-tag">{t(`role.${me.role}` as MessageKey)}</Tag>
          </Space>
          <Space size="small">
            <LangSwitch />
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout().then(() => nav('/console/login'))}>{t('nav.logout')}</Button>
          </Space>
        </Header>
        <Content id="main" className="console-content" tabIndex={-1}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

/** A console screen for roles with this permission; others get a plain 403 page, not the screen. */
export function RequirePermission({ perm, children }: { perm: Permission; children: ReactNode }) {
  const t = useT();
  const { me } = useSession();
  if (!can(me?.role, perm)) {
    return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.body')} extra={<Link to="/console">{t('forbidden.back')}</Link>} data-testid="forbidden" />;
  }
  return <>{children}</>;
}
