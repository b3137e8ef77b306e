import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useMe, useUpdateMe } from "../api/hooks";
import type { Locale } from "../api/types";
import { useI18n } from "../i18n";

/** Switches the language; remembered on this device, and on the account when signed in. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const me = useMe();
  const updateMe = useUpdateMe();
  const choose = (l: Locale) => {
    setLocale(l);
    if (me.data) updateMe.mutate({ locale: l });
  };
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (["zh-CN", "en"] as const).map((l) => ({ key: l, label: t(`lang.${l}`) })),
        onClick: ({ key }) => choose(key === "en" ? "en" : "zh-CN"),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t("lang.label")}
        data-testid="language-switch"
      >
        {compact ? null : t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
