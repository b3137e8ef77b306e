// The queue per person, for the owner and the customer-service leads: each person's open cases, their
// estimated minutes and the minutes they have free today, beside them the 好评回访 calls due on their
// Today (count and minutes, when they have any), and the unassigned cases with why routing left them.
// Read from GET /api/v1/aftersales/queue when the server has it (a server without it answers 404
// and the card stays away); a click on a person filters the list to their cases.
import { Card, Flex, Tag, Typography } from "antd";
import { useCaseQueue } from "../../api/aftersales";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";

export function PeopleCard({
  selected,
  onPick,
}: {
  selected: string | undefined;
  onPick: (memberId: string) => void;
}) {
  const { t, locale } = useI18n();
  const q = useCaseQueue();
  if (!q.data?.members) return null;
  const { members, unassigned } = q.data;
  return (
    <Card size="small" title={t("aftersales.people.title")} data-testid="case-people">
      <Flex wrap gap={8}>
        {members.map((m) => (
          <Tag.CheckableTag
            key={m.memberId}
            checked={selected === m.memberId}
            onChange={() => onPick(selected === m.memberId ? "" : m.memberId)}
            style={{ padding: "4px 8px", border: "1px solid #f0f0f0" }}
            data-testid="case-person"
          >
            <Typography.Text strong>{m.name}</Typography.Text>{" "}
            {t("aftersales.people.load", {
              count: m.count,
              minutes: m.estimatedMinutes,
              free: m.freeMinutes,
            })}
            {m.followups.count > 0 && (
              <span data-testid="case-person-followups">
                {" · "}
                {t("aftersales.people.followups", {
                  count: m.followups.count,
                  minutes: m.followups.estimatedMinutes,
                })}
              </span>
            )}
            {!m.working && <> · {t("aftersales.people.off")}</>}
          </Tag.CheckableTag>
        ))}
        <Tag.CheckableTag
          checked={selected === "none"}
          onChange={() => onPick(selected === "none" ? "" : "none")}
          style={{ padding: "4px 8px", border: "1px solid #f0f0f0" }}
        >
          <Typography.Text strong>{t("aftersales.unassigned")}</Typography.Text> {unassigned.count}
        </Tag.CheckableTag>
      </Flex>
      {unassigned.reasons.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: 12 }}>
          {unassigned.reasons
            .map((r) => `${renderMessage(locale, r.message)} (${r.count})`)
            .join("；")}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
