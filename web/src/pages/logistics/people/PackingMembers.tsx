// Each 物流 member's day in the load card: hours available, duties, plan tasks, packing, what that
// needs and whether they are short — a table at desktop width, a list on a phone.
import { Grid, List, Table, Tag, Typography } from "antd";
import { useI18n } from "../../../i18n";
import type { PackingLoadMember } from "./packingApi";

function Verdict({ m }: { m: PackingLoadMember }) {
  const { t } = useI18n();
  if (!m.working) return <Tag>{t("logistics.people.load.off")}</Tag>;
  return m.shortHours > 0 ? (
    <Tag color="red" data-testid="packing-member-short">
      {t("logistics.people.load.short", { hours: m.shortHours })}
    </Tag>
  ) : (
    <Tag color="green">{t("logistics.people.load.ok")}</Tag>
  );
}

export function PackingMembers({ members }: { members: PackingLoadMember[] }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const packing = (m: PackingLoadMember) =>
    t("logistics.people.load.packingCell", { parcels: m.packingParcels, hours: m.packingHours });
  if (phone)
    return (
      <List
        size="small"
        dataSource={members}
        rowKey="memberId"
        data-testid="packing-members"
        renderItem={(m) => (
          <List.Item extra={<Verdict m={m} />}>
            <List.Item.Meta
              title={m.name}
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {packing(m)} · {t("logistics.people.load.needed")} {m.neededHours}h /{" "}
                  {t("logistics.people.load.available")} {m.availableHours}h
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    );
  return (
    <Table<PackingLoadMember>
      size="small"
      rowKey="memberId"
      pagination={false}
      dataSource={members}
      data-testid="packing-members"
      columns={[
        { title: t("logistics.people.load.member"), dataIndex: "name" },
        {
          title: t("logistics.people.load.available"),
          dataIndex: "availableHours",
          render: (h: number) => `${h}h`,
        },
        {
          title: t("logistics.people.load.duties"),
          dataIndex: "dutyHours",
          render: (h: number) => `${h}h`,
        },
        {
          title: t("logistics.people.load.plan"),
          dataIndex: "planHours",
          render: (h: number) => `${h}h`,
        },
        { title: t("logistics.people.load.packing"), key: "packing", render: (_, m) => packing(m) },
        {
          title: t("logistics.people.load.needed"),
          dataIndex: "neededHours",
          render: (h: number) => `${h}h`,
        },
        { key: "verdict", render: (_, m) => <Verdict m={m} /> },
      ]}
    />
  );
}
