import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { can, homeOf } from './access';
import { LinkButton } from './components/link-button';
import { I18nProvider, useI18n, useT } from './i18n';
import { ConsoleLayout, RequirePermission } from './layouts/console-layout';
import { PortalLayout } from './layouts/portal-layout';
import { HomePage } from './pages/home';
import { SessionProvider, useSession } from './session';
import type { Permission } from './access';

// The portal loads at once; each console screen (and its charts) only when opened.
const lazyPage = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
const PartyPage = lazyPage(() => import('./pages/party'), 'PartyPage');
const PublicityPage = lazyPage(() => import('./pages/publicity'), 'PublicityPage');
const PublicListsPage = lazyPage(() => import('./pages/lists'), 'PublicListsPage');
const ObjectionPage = lazyPage(() => import('./pages/objection'), 'ObjectionPage');
const RepairPage = lazyPage(() => import('./pages/repair'), 'RepairPage');
const CommitmentPage = lazyPage(() => import('./pages/commitment'), 'CommitmentPage');
const CommitmentInboxPage = lazyPage(() => import('./pages/commitment/inbox'), 'CommitmentInboxPage');
const ReportRequestPage = lazyPage(() => import('./pages/report'), 'ReportRequestPage');
const VerifyPage = lazyPage(() => import('./pages/verify'), 'VerifyPage');
const LoginPage = lazyPage(() => import('./pages/login'), 'LoginPage');
const DashboardPage = lazyPage(() => import('./pages/dashboard'), 'DashboardPage');
const SubmissionsPage = lazyPage(() => import('./pages/submissions'), 'SubmissionsPage');
const QualityPage = lazyPage(() => import('./pages/quality'), 'QualityPage');
const CatalogPage = lazyPage(() => import('./pages/catalog'), 'CatalogPage');
const ObjectionInboxPage = lazyPage(() => import('./pages/inbox/objections'), 'ObjectionInboxPage');
const RepairInboxPage = lazyPage(() => import('./pages/inbox/repairs'), 'RepairInboxPage');
const ListAdminPage = lazyPage(() => import('./pages/list-admin'), 'ListAdminPage');
const ReviewPage = lazyPage(() => import('./pages/review'), 'ReviewPage');
const UsersPage = lazyPage(() => import('./pages/users'), 'UsersPage');
const DepartmentsPage = lazyPage(() => import('./pages/departments'), 'DepartmentsPage');
const KeysPage = lazyPage(() => import('./pages/keys'), 'KeysPage');
const AuditPage = lazyPage(() => import('./pages/audit'), 'AuditPage');
const MeasuresPage = lazyPage(() => import('./pages/measures'), 'MeasuresPage');
const EvaluationPage = lazyPage(() => import('./pages/evaluation'), 'EvaluationPage');
const InspectionPage = lazyPage(() => import('./pages/inspection'), 'InspectionPage');
const ReportsAdminPage = lazyPage(() => import('./pages/reports-admin'), 'ReportsAdminPage');
const AccountPage = lazyPage(() => import('./pages/account'), 'AccountPage');
const InspectionVerifyPage = lazyPage(() => import('./pages/inspection/public'), 'InspectionVerifyPage');
const PortalLoginPage = lazyPage(() => import('./pages/login'), 'PortalLoginPage');
const RegisterPage = lazyPage(() => import('./pages/register'), 'RegisterPage');
const MinePage = lazyPage(() => import('./pages/mine'), 'MinePage');
const SsoResultPage = lazyPage(() => import('./pages/sso'), 'SsoResultPage');
const RegistrationsPage = lazyPage(() => import('./pages/registrations'), 'RegistrationsPage');

function NotFound() {
  const t = useT();
  return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.body')} extra={<LinkButton type="primary" to="/">{t('notFound.home')}</LinkButton>} />;
}

function ConsoleHome() {
  const { me } = useSession();
  if (me && !can(me.role, 'dashboard')) return <Navigate to={homeOf(me.role)} replace />;
  return <DashboardPage />;
}

const guard = (perm: Permission, page: ReactNode) => <RequirePermission perm={perm}>{page}</RequirePermission>;

function Themed() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: '#1554ad', colorError: '#c0392b', borderRadius: 6,
          fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif',
        },
      }}
    >
      <AntApp>
        <Suspense fallback={<div className="center-page"><Spin size="large" /></div>}>
          <Routes>
            <Route element={<PortalLayout />}>
              <Route index element={<HomePage />} />
              <Route path="subjects/:code" element={<PartyPage />} />
              <Route path="publicity/:type" element={<PublicityPage />} />
              <Route path="lists/:kind" element={<PublicListsPage />} />
              <Route path="objections" element={<ObjectionPage />} />
              <Route path="repairs" element={<RepairPage />} />
              <Route path="commitments" element={<CommitmentPage />} />
              <Route path="reports" element={<ReportRequestPage />} />
              <Route path="reports/verify" element={<VerifyPage />} />
              <Route path="reports/verify/:number" element={<VerifyPage />} />
              <Route path="inspection/:id" element={<InspectionVerifyPage />} />
              <Route path="register" element={<RegisterPage />} />
              <Route path="mine" element={<MinePage />} />
              <Route path="sso" element={<SsoResultPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
            <Route path="console/login" element={<LoginPage />} />
            <Route path="login" element={<PortalLoginPage />} />
            <Route path="console" element={<ConsoleLayout />}>
              <Route index element={<ConsoleHome />} />
              <Route path="submissions" element={guard('submissions', <SubmissionsPage />)} />
              <Route path="quality" element={guard('quality', <QualityPage />)} />
              <Route path="catalog" element={guard('catalogView', <CatalogPage />)} />
              <Route path="objections" element={guard('objectionInbox', <ObjectionInboxPage />)} />
              <Route path="repairs" element={guard('repairInbox', <RepairInboxPage />)} />
              <Route path="commitments" element={guard('commitmentInbox', <CommitmentInboxPage />)} />
              <Route path="lists" element={guard('listManage', <ListAdminPage />)} />
              <Route path="review" element={guard('review', <ReviewPage />)} />
              <Route path="measures" element={guard('measures', <MeasuresPage />)} />
              <Route path="evaluation" element={guard('evaluation', <EvaluationPage />)} />
              <Route path="inspection" element={guard('inspection', <InspectionPage />)} />
              <Route path="reports" element={guard('reports', <ReportsAdminPage />)} />
              <Route path="users" element={guard('users', <UsersPage />)} />
              <Route path="departments" element={guard('departments', <DepartmentsPage />)} />
              <Route path="keys" element={guard('keys', <KeysPage />)} />
              <Route path="audit" element={guard('audit', <AuditPage />)} />
              <Route path="account" element={guard('account', <AccountPage />)} />
              <Route path="registrations" element={guard('registrations', <RegistrationsPage />)} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Themed />
      </SessionProvider>
    </I18nProvider>
  );
}
