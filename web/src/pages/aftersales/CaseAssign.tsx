// Who has a case, and for the owner and the customer-service leads (aftersales.manage) a choice of
// the customer-service people to give it to — each with their open cases, and "off today" for
// someone not working — sent as POST /aftersales/cases/{id}/assign with the version read (409 when
// someone changed the case since: the page says so and shows the case as it is now).
import { App, Select } from "antd";
import { useAssignCase, useCaseQueue, type CaseDetail } from "../../api/aftersales";
import { errorText } from "../../components/errors";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";

export function CaseAssign({ c }: { c: CaseDetail }) {
  const { t, locale } = useI18n();
  const { can } = useMe();
  const { message } = App.useApp();
  const manage = can("aftersales.manage") && c.state !== "resolved" && c.state !== "closed";
  const queue = useCaseQueue(manage);
  const assign = useAssignCase(c.id);
  const name = (
    <span data-testid="case-assignee">{c.assigneeName ?? t("aftersales.unassigned")}</span>
  );
  if (!manage || !queue.data) return name;
  return (
    <Select
      size="small"
      style={{ minWidth: 200 }}
      data-testid="case-assign"
      aria-label={t("aftersales.case.reassign")}
      value={c.assigneeMemberId ?? undefined}
      placeholder={t("aftersales.unassigned")}
      loading={assign.isPending}
      disabled={assign.isPending}
      options={queue.data.members.map((m) => ({
        value: m.memberId,
        label: `${m.name} · ${t("aftersales.case.assignLoad", { count: m.count })}${
          m.working ? "" : ` · ${t("aftersales.people.off")}`
        }`,
      }))}
      onChange={(memberId: string) =>
        assign.mutate(
          { memberId, version: c.version },
          {
            onSuccess: (done) =>
              void message.success(
                t("aftersales.case.reassigned", { name: done.assigneeName ?? "" }),
              ),
            onError: (e) => void message.error(errorText(e, t, locale)),
          },
        )
      }
    />
  );
}
