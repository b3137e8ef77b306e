// A one-line capture: a title (and hours, for unplanned work) and an add button; Enter adds too.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, InputNumber, Space } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n";

export function QuickAdd({
  placeholder,
  withHours,
  testId,
  onAdd,
}: {
  placeholder: string;
  withHours: boolean;
  testId: string;
  onAdd: (title: string, hours: number | null) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState("");
  const [hours, setHours] = useState<number | null>(withHours ? 1 : null);
  const [busy, setBusy] = useState(false);
  const submit = () => {
    if (!title.trim()) return;
    setBusy(true);
    void onAdd(title.trim(), hours)
      .then(
        () => setTitle(""),
        () => undefined,
      )
      .finally(() => setBusy(false));
  };
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={placeholder}
        onPressEnter={submit}
        maxLength={200}
        data-testid={`${testId}-title`}
      />
      {withHours ? (
        <InputNumber
          min={0}
          max={24}
          step={0.5}
          value={hours}
          onChange={setHours}
          style={{ width: 92 }}
          suffix="h"
          data-testid={`${testId}-hours`}
        />
      ) : null}
      <Button
        type="primary"
        icon={<PlusOutlined />}
        loading={busy}
        onClick={submit}
        disabled={!title.trim()}
        data-testid={`${testId}-add`}
        aria-label={t("common.add")}
      />
    </Space.Compact>
  );
}
