// Adding or editing a carrier: its code, name, its code or name in each system (tracking services and the
// platforms' shipping uploads), other names files use, the platforms it ships for, on or off. The
// version read goes along, so a stale edit answers 409 and nothing is overwritten.
import { Form, Input, Select, Switch } from "antd";
import { FormModal } from "../../../components/FormModal";
import { useI18n } from "../../../i18n";
import { platformLabel } from "../../shop-data/labels";
import {
  useCreateCarrier,
  useUpdateCarrier,
  type Carrier,
  type CarrierPatch,
  type NewCarrier,
} from "./ratesApi";

const SYSTEMS = [
  "cainiao",
  "kdniao",
  "kuaidi100",
  "taobao",
  "jd",
  "pdd",
  "douyin",
  "shopify",
  "woocommerce",
] as const;
const PLATFORMS = ["taobao", "jd", "pdd", "douyin", "shopify", "woocommerce"] as const;

interface Values {
  code: string;
  name: string;
  aliases: string[];
  platforms: (typeof PLATFORMS)[number][];
  active: boolean;
  codes: Record<string, string>;
}

/** `carrier`: the one to edit, "new" to add one, null when closed. */
export function CarrierModal({
  carrier,
  onClose,
}: {
  carrier: Carrier | "new" | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const update = useUpdateCarrier();
  const create = useCreateCarrier();
  const editing = carrier !== null && carrier !== "new" ? carrier : null;
  return (
    <FormModal<Values>
      open={carrier !== null}
      title={
        editing
          ? t("logistics.rates.editCarrier", { name: editing.name })
          : t("logistics.rates.addCarrier")
      }
      onClose={onClose}
      testId="carrier-modal"
      okTestId="carrier-save"
      width={560}
      initialValues={
        editing
          ? {
              code: editing.code,
              name: editing.name,
              aliases: editing.aliases,
              platforms: (editing.platforms ?? []) as Values["platforms"],
              active: editing.active,
              codes: Object.fromEntries(SYSTEMS.map((s) => [s, editing.codes[s] ?? ""])),
            }
          : { aliases: [], platforms: [], active: true, codes: {} }
      }
      onSubmit={(v) => {
        const fields = {
          code: v.code.trim(),
          name: v.name.trim(),
          aliases: v.aliases ?? [],
          platforms: v.platforms?.length ? v.platforms : null,
          active: v.active,
          codes: Object.fromEntries(SYSTEMS.map((s) => [s, (v.codes?.[s] ?? "").trim()])),
        };
        if (!editing) return create.mutateAsync(fields satisfies NewCarrier);
        const patch: CarrierPatch = { version: editing.version, ...fields };
        return update.mutateAsync({ id: editing.id, patch });
      }}
    >
      <Form.Item name="code" label={t("logistics.rates.code")} rules={[{ required: true }]}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="name" label={t("logistics.rates.name")} rules={[{ required: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="aliases" label={t("logistics.rates.aliases")}>
        <Select mode="tags" tokenSeparators={[",", "、"]} open={false} />
      </Form.Item>
      <Form.Item name="platforms" label={t("logistics.rates.platforms")}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t("logistics.rates.anyPlatform")}
          options={PLATFORMS.map((p) => ({ value: p, label: platformLabel(t, p) }))}
        />
      </Form.Item>
      <Form.Item name="active" label={t("logistics.rates.active")} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item label={t("logistics.rates.codes")} style={{ marginBottom: 0 }}>
        <div
          style={{
            display: "grid",
            gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
            gap: "0 8px",
          }}
        >
          {SYSTEMS.map((s) => (
            <Form.Item key={s} name={["codes", s]} label={s} style={{ marginBottom: 8 }}>
              <Input maxLength={60} data-testid={`carrier-code-${s}`} />
            </Form.Item>
          ))}
        </div>
      </Form.Item>
    </FormModal>
  );
}
