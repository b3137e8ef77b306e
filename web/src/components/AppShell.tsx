import {
  AccountBookOutlined,
  AimOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarOutlined,
  ContainerOutlined,
  DollarOutlined,
  InboxOutlined,
  ReconciliationOutlined,
  ScanOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  WalletOutlined,
  FileTextOutlined,
  ProjectOutlined,
  ReadOutlined,
  DashboardOutlined,
  ShoppingOutlined,
  ClusterOutlined,
  DownOutlined,
  LogoutOutlined,
  MenuOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, Tag, Typography } from "antd";
import { useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useLogout } from "../api/hooks";
import type { Me } from "../api/types";
import { useI18n } from "../i18n";
import { useMe } from "../me";
import { useApiErrors } from "./errors";
import { roleLabel } from "./labels";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./plans/NotificationBell";
import { useLiveUpdates } from "./plans/useLiveUpdates";

export function AppShell({ me }: { me: Me }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const logout = useLogout();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const { can } = useMe();
  useLiveUpdates(true);

  const items = [
    { key: "/today", icon: <CalendarOutlined />, label: t("nav.today") },
    { key: "/plans", icon: <ProjectOutlined />, label: t("nav.plans") },
    { key: "/reports", icon: <FileTextOutlined />, label: t("nav.reports") },
    { key: "/notes", icon: <ReadOutlined />, label: t("nav.notes") },
    { key: "/dashboard", icon: <DashboardOutlined />, label: t("nav.dashboard") },
    { key: "/shop-data", icon: <ShoppingOutlined />, label: t("nav.shopData") },
    {
      key: "/shop-data/attribution",
      icon: <UserSwitchOutlined />,
      label: t("nav.attribution"),
    },
    {
      key: "/shop-data/service",
      icon: <CustomerServiceOutlined />,
      label: t("nav.cs"),
    },
    { key: "/aftersales", icon: <CommentOutlined />, label: t("nav.aftersales") },
    ...(can("customers.read")
      ? [{ key: "/customers", icon: <TeamOutlined />, label: t("nav.customers") }]
      : []),
    {
      key: "logistics",
      type: "group" as const,
      label: t("nav.logistics"),
      children: [
        { key: "/logistics", icon: <CarOutlined />, label: t("nav.logistics.queue") },
        { key: "/logistics/pack", icon: <ScanOutlined />, label: t("nav.logistics.pack") },
        {
          key: "/logistics/batches",
          icon: <ContainerOutlined />,
          label: t("nav.logistics.batches"),
        },
        { key: "/logistics/skus", icon: <InboxOutlined />, label: t("nav.logistics.skus") },
        { key: "/logistics/rates", icon: <DollarOutlined />, label: t("nav.logistics.rates") },
        {
          key: "/logistics/bills",
          icon: <ReconciliationOutlined />,
          label: t("nav.logistics.bills"),
        },
        {
          key: "/logistics/dashboard",
          icon: <BarChartOutlined />,
          label: t("nav.logistics.dashboard"),
        },
      ],
    },
    { key: "/goals", icon: <AimOutlined />, label: t("nav.goals") },
    // Pay by role: the owner sets plans and runs; a lead reads their department's runs; everyone sees their own pay.
    ...(can("pay.plan.manage")
      ? [{ key: "/pay/plans", icon: <AccountBookOutlined />, label: t("nav.payPlans") }]
      : []),
    ...(can("pay.run.read")
      ? [{ key: "/pay/runs", icon: <CalculatorOutlined />, label: t("nav.payRuns") }]
      : []),
    { key: "/pay/me", icon: <WalletOutlined />, label: t("nav.myPay") },
    { key: "/departments", icon: <ClusterOutlined />, label: t("nav.departments") },
    { key: "/members", icon: <TeamOutlined />, label: t("nav.members") },
    { key: "/settings", icon: <SettingOutlined />, label: t("nav.settings") },
    ...(can("audit.read")
      ? [{ key: "/audit", icon: <AuditOutlined />, label: t("nav.audit") }]
      : []),
    { key: "/profile", icon: <UserOutlined />, label: t("nav.profile") },
  ];
  // The longest matching key, so /shop-data/attribution does not also light up /shop-data.
  const selected = items
    .flatMap((i) => ("children" in i && i.children ? i.children.map((c) => c.key) : [i.key]))
    .filter((k) => location.pathname.startsWith(k))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items}
      data-testid="nav"
      onClick={({ key }) => {
        setDrawer(false);
        void navigate(key);
      }}
    />
  );

  const signOut = (everywhere: boolean) =>
    logout.mutate(everywhere, {
      onSuccess: () => {
        if (everywhere) void message.success(t("auth.loggedOutAll"));
        qc.clear();
        void navigate("/login");
      },
      onError: (e) => onError(e),
    });

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 8,
          padding: phone ? "0 8px" : "0 20px",
          background: "#fff",
          borderBottom: "1px solid #f0f0f0",
        }}
      >
        {phone ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t("nav.menu")}
            onClick={() => setDrawer(true)}
            data-testid="menu-button"
          />
        ) : null}
        <Typography.Text
          strong
          ellipsis
          style={{ flex: 1, minWidth: 0, fontSize: 16 }}
          data-testid="workspace-name"
        >
          {me.workspace.name}
          {me.workspace.isDemo && !phone ? (
            <Tag color="purple" style={{ marginLeft: 8 }}>
              demo
            </Tag>
          ) : null}
        </Typography.Text>
        <NotificationBell compact={phone} />
        <LanguageSwitch compact={phone} />
        <Dropdown
          trigger={["click"]}
          menu={{
            items: [
              { key: "profile", icon: <UserOutlined />, label: t("nav.profile") },
              { type: "divider" },
              { key: "logout", icon: <LogoutOutlined />, label: t("auth.logout") },
              {
                key: "logout-all",
                icon: <LogoutOutlined />,
                label: t("auth.logoutAll"),
                danger: true,
              },
            ],
            onClick: ({ key }) => {
              if (key === "profile") void navigate("/profile");
              else signOut(key === "logout-all");
            },
          }}
        >
          <Button type="text" data-testid="user-menu" style={{ maxWidth: phone ? 120 : 260 }}>
            <Typography.Text ellipsis style={{ maxWidth: phone ? 80 : 200 }}>
              {me.member.name}
            </Typography.Text>
            {!phone ? <Tag style={{ marginInline: 4 }}>{roleLabel(t, me.member.role)}</Tag> : null}
            <DownOutlined />
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {phone ? (
          <Drawer
            placement="left"
            open={drawer}
            onClose={() => setDrawer(false)}
            size={260}
            title={me.workspace.name}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider width={200} theme="light" style={{ borderRight: "1px solid #f0f0f0" }}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
