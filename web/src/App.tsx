import { App as AntApp, ConfigProvider, Flex, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useInstance, useMe } from "./api/hooks";
import { AppShell } from "./components/AppShell";
import { isLocale, useI18n } from "./i18n";
import { MeProvider } from "./me";
import { InvitePage } from "./pages/InvitePage";
import { LoginPage } from "./pages/LoginPage";
import { OnboardingPage } from "./pages/OnboardingPage";
import { SignupPage } from "./pages/SignupPage";
import { WelcomePage } from "./pages/WelcomePage";
import { useLandingPath } from "./pages/logistics/queue/landing";
import { useReducedMotion } from "./components/reducedMotion";

// The org and settings pages load on demand, so sign-in and onboarding open quickly on a phone.
const AuditPage = lazy(() => import("./pages/AuditPage").then((m) => ({ default: m.AuditPage })));
const DepartmentsPage = lazy(() =>
  import("./pages/DepartmentsPage").then((m) => ({ default: m.DepartmentsPage })),
);
const MemberDetailPage = lazy(() =>
  import("./pages/MemberDetailPage").then((m) => ({ default: m.MemberDetailPage })),
);
const MembersPage = lazy(() =>
  import("./pages/MembersPage").then((m) => ({ default: m.MembersPage })),
);
const ProfilePage = lazy(() =>
  import("./pages/ProfilePage").then((m) => ({ default: m.ProfilePage })),
);
const SettingsPage = lazy(() =>
  import("./pages/SettingsPage").then((m) => ({ default: m.SettingsPage })),
);
const PlansPage = lazy(() =>
  import("./pages/plans/PlansPage").then((m) => ({ default: m.PlansPage })),
);
const PlanPage = lazy(() =>
  import("./pages/plans/PlanPage").then((m) => ({ default: m.PlanPage })),
);
const TodayPage = lazy(() =>
  import("./pages/plans/TodayPage").then((m) => ({ default: m.TodayPage })),
);
const ReportsPage = lazy(() =>
  import("./pages/plans/ReportsPage").then((m) => ({ default: m.ReportsPage })),
);
const ReportDetailPage = lazy(() =>
  import("./pages/plans/ReportsPage").then((m) => ({ default: m.ReportDetailPage })),
);
const NotesPage = lazy(() =>
  import("./pages/plans/NotesPage").then((m) => ({ default: m.NotesPage })),
);
const DashboardPage = lazy(() =>
  import("./pages/dashboard/DashboardPage").then((m) => ({ default: m.DashboardPage })),
);
const ShopDataPage = lazy(() =>
  import("./pages/shop-data/ShopDataPage").then((m) => ({ default: m.ShopDataPage })),
);
const AttributionPage = lazy(() =>
  import("./pages/shop-data/AttributionPage").then((m) => ({ default: m.AttributionPage })),
);
const CsMetricsPage = lazy(() =>
  import("./pages/shop-data/CsMetricsPage").then((m) => ({ default: m.CsMetricsPage })),
);
const PayPlansPage = lazy(() =>
  import("./pages/pay/PayPlansPage").then((m) => ({ default: m.PayPlansPage })),
);
const PayPlanPage = lazy(() =>
  import("./pages/pay/PayPlanPage").then((m) => ({ default: m.PayPlanPage })),
);
const PayRunsPage = lazy(() =>
  import("./pages/pay/PayRunsPage").then((m) => ({ default: m.PayRunsPage })),
);
const PayRunPage = lazy(() =>
  import("./pages/pay/PayRunPage").then((m) => ({ default: m.PayRunPage })),
);
const StatementPage = lazy(() =>
  import("./pages/pay/StatementPage").then((m) => ({ default: m.StatementPage })),
);
const GoalsPage = lazy(() =>
  import("./pages/goals/GoalsPage").then((m) => ({ default: m.GoalsPage })),
);
const EvaluationPage = lazy(() =>
  import("./pages/goals/EvaluationPage").then((m) => ({ default: m.EvaluationPage })),
);
const QueuePage = lazy(() =>
  import("./pages/logistics/QueuePage").then((m) => ({ default: m.QueuePage })),
);
const BatchesPage = lazy(() =>
  import("./pages/logistics/BatchesPage").then((m) => ({ default: m.BatchesPage })),
);
const BatchPage = lazy(() =>
  import("./pages/logistics/BatchPage").then((m) => ({ default: m.BatchPage })),
);
const PackStationPage = lazy(() =>
  import("./pages/logistics/PackStationPage").then((m) => ({ default: m.PackStationPage })),
);
const SkusPage = lazy(() =>
  import("./pages/logistics/SkusPage").then((m) => ({ default: m.SkusPage })),
);
const RatesPage = lazy(() =>
  import("./pages/logistics/RatesPage").then((m) => ({ default: m.RatesPage })),
);
const BillsPage = lazy(() =>
  import("./pages/logistics/BillsPage").then((m) => ({ default: m.BillsPage })),
);
const LogisticsDashboardPage = lazy(() =>
  import("./pages/logistics/LogisticsDashboardPage").then((m) => ({
    default: m.LogisticsDashboardPage,
  })),
);
const AftersalesPage = lazy(() =>
  import("./pages/aftersales/AftersalesPage").then((m) => ({ default: m.AftersalesPage })),
);
const CasePage = lazy(() =>
  import("./pages/aftersales/CasePage").then((m) => ({ default: m.CasePage })),
);
const AftersalesDashboardPage = lazy(() =>
  import("./pages/aftersales/DashboardPage").then((m) => ({
    default: m.AftersalesDashboardPage,
  })),
);
const AftersalesSettingsPage = lazy(() =>
  import("./pages/aftersales/AftersalesSettingsPage").then((m) => ({
    default: m.AftersalesSettingsPage,
  })),
);
const CustomersPage = lazy(() =>
  import("./pages/customers/CustomersPage").then((m) => ({ default: m.CustomersPage })),
);
const CustomerPage = lazy(() =>
  import("./pages/customers/CustomerPage").then((m) => ({ default: m.CustomerPage })),
);
const MyPayPage = lazy(() =>
  import("./pages/pay/MyPayPage").then((m) => ({ default: m.MyPayPage })),
);

const Loading = () => (
  <Flex justify="center" align="center" style={{ minHeight: "60vh" }}>
    <Spin size="large" />
  </Flex>
);

/** The first page: the app when signed in, else sign-in, else (empty instance) onboarding. */
function Home() {
  const me = useMe();
  const instance = useInstance();
  const landing = useLandingPath(me.data);
  if (me.isPending || (me.data === null && instance.isPending)) return <Loading />;
  if (me.data) return landing ? <Navigate to={landing} replace /> : <Loading />;
  if (instance.data && !instance.data.hasWorkspaces) return <Navigate to="/welcome" replace />;
  return <Navigate to="/login" replace />;
}

function SignedIn({
  children,
}: {
  children: (me: NonNullable<ReturnType<typeof useMe>["data"]>) => ReactNode;
}) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <MeProvider>
      <Suspense fallback={<Loading />}>{children(me.data)}</Suspense>
    </MeProvider>
  );
}

/** Adopts the language the account remembers once we know who is signed in. */
function LocaleFromAccount() {
  const me = useMe();
  const { locale, setLocale } = useI18n();
  const remembered = me.data?.user.locale;
  useEffect(() => {
    if (isLocale(remembered) && remembered !== locale) setLocale(remembered);
    // Only when the account's choice changes, not when the user switches locally.
  }, [remembered]);
  return null;
}

export function App() {
  const { locale } = useI18n();
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider
      locale={locale === "en" ? enUS : zhCN}
      theme={{ token: { colorPrimary: "#d4380d", motion: !reducedMotion } }}
    >
      <AntApp>
        <LocaleFromAccount />
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/welcome" element={<WelcomePage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/signup" element={<SignupPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/onboarding" element={<SignedIn>{() => <OnboardingPage />}</SignedIn>} />
          <Route element={<SignedIn>{(me) => <AppShell me={me} />}</SignedIn>}>
            <Route path="/today" element={<SignedIn>{() => <TodayPage />}</SignedIn>} />
            <Route path="/plans" element={<SignedIn>{() => <PlansPage />}</SignedIn>} />
            <Route path="/plans/:id" element={<SignedIn>{() => <PlanPage />}</SignedIn>} />
            <Route path="/reports" element={<SignedIn>{() => <ReportsPage />}</SignedIn>} />
            <Route
              path="/reports/:memberId/:date"
              element={<SignedIn>{() => <ReportDetailPage />}</SignedIn>}
            />
            <Route path="/notes" element={<SignedIn>{() => <NotesPage />}</SignedIn>} />
            <Route path="/departments" element={<SignedIn>{() => <DepartmentsPage />}</SignedIn>} />
            <Route path="/members" element={<SignedIn>{() => <MembersPage />}</SignedIn>} />
            <Route
              path="/members/:id"
              element={<SignedIn>{() => <MemberDetailPage />}</SignedIn>}
            />
            <Route path="/settings" element={<SignedIn>{() => <SettingsPage />}</SignedIn>} />
            <Route path="/audit" element={<SignedIn>{() => <AuditPage />}</SignedIn>} />
            <Route path="/dashboard" element={<SignedIn>{() => <DashboardPage />}</SignedIn>} />
            <Route path="/shop-data" element={<SignedIn>{() => <ShopDataPage />}</SignedIn>} />
            <Route
              path="/shop-data/attribution"
              element={<SignedIn>{() => <AttributionPage />}</SignedIn>}
            />
            <Route
              path="/shop-data/service"
              element={<SignedIn>{() => <CsMetricsPage />}</SignedIn>}
            />
            <Route path="/pay/plans" element={<SignedIn>{() => <PayPlansPage />}</SignedIn>} />
            <Route path="/pay/plans/:id" element={<SignedIn>{() => <PayPlanPage />}</SignedIn>} />
            <Route path="/pay/runs" element={<SignedIn>{() => <PayRunsPage />}</SignedIn>} />
            <Route path="/pay/runs/:id" element={<SignedIn>{() => <PayRunPage />}</SignedIn>} />
            <Route
              path="/pay/runs/:id/statements/:memberId"
              element={<SignedIn>{() => <StatementPage />}</SignedIn>}
            />
            <Route path="/goals" element={<SignedIn>{() => <GoalsPage />}</SignedIn>} />
            <Route
              path="/goals/evaluation/:memberId"
              element={<SignedIn>{() => <EvaluationPage />}</SignedIn>}
            />
            <Route path="/logistics" element={<SignedIn>{() => <QueuePage />}</SignedIn>} />
            <Route
              path="/logistics/batches"
              element={<SignedIn>{() => <BatchesPage />}</SignedIn>}
            />
            <Route
              path="/logistics/batches/:id"
              element={<SignedIn>{() => <BatchPage />}</SignedIn>}
            />
            <Route
              path="/logistics/pack"
              element={<SignedIn>{() => <PackStationPage />}</SignedIn>}
            />
            <Route path="/logistics/rates" element={<SignedIn>{() => <RatesPage />}</SignedIn>} />
            <Route path="/logistics/skus" element={<SignedIn>{() => <SkusPage />}</SignedIn>} />
            <Route path="/logistics/bills" element={<SignedIn>{() => <BillsPage />}</SignedIn>} />
            <Route
              path="/logistics/dashboard"
              element={<SignedIn>{() => <LogisticsDashboardPage />}</SignedIn>}
            />
            <Route path="/aftersales" element={<SignedIn>{() => <AftersalesPage />}</SignedIn>} />
            <Route
              path="/aftersales/dashboard"
              element={<SignedIn>{() => <AftersalesDashboardPage />}</SignedIn>}
            />
            <Route
              path="/aftersales/settings"
              element={<SignedIn>{() => <AftersalesSettingsPage />}</SignedIn>}
            />
            <Route
              path="/aftersales/cases/:id"
              element={<SignedIn>{() => <CasePage />}</SignedIn>}
            />
            <Route path="/customers" element={<SignedIn>{() => <CustomersPage />}</SignedIn>} />
            <Route path="/customers/:id" element={<SignedIn>{() => <CustomerPage />}</SignedIn>} />
            <Route path="/pay/me" element={<SignedIn>{() => <MyPayPage />}</SignedIn>} />
            <Route path="/profile" element={<SignedIn>{() => <ProfilePage />}</SignedIn>} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
