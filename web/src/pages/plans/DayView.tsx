// A member's day: capacity against plan, the day's tasks and items, duties, the inbox and the
// day's notes. Someone else's day (a lead looking at a member's) is read-only.
import { Alert, Card, Col, Flex, Progress, Row, Space, Statistic } from "antd";
import type { Today } from "../../api/plans";
import { NotesPanel } from "../../components/plans/NotesPanel";
import { useI18n } from "../../i18n";
import { useMe } from "../../me";
import { InboxCard, TasksCard, UnplannedCard } from "./DayCards";
import { DutiesCard } from "./DutiesCard";
import { PackingRunCard } from "../logistics/people/PackingRunCard";
import { caseHours, TodayCasesCard } from "../aftersales/TodayCasesCard";
import { TodayFollowupsCard } from "../aftersales/TodayFollowupsCard";

export function DayView({ today }: { today: Today }) {
  const { t } = useI18n();
  const { member } = useMe();
  const readOnly = today.memberId !== member.id;
  // A 物流 member's packing and a 客服 member's cases take their hours of the day as plan tasks do.
  const booked = today.plannedHours + (today.packing?.reservedHours ?? 0) + caseHours(today.cases);
  const load = today.capacityHours ? Math.round((booked / today.capacityHours) * 100) : 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Card size="small">
            <Flex gap={16} wrap justify="space-between" align="center">
              <Statistic title={t("today.capacity")} value={today.capacityHours} suffix="h" />
              <Statistic title={t("today.planned")} value={today.plannedHours} suffix="h" />
              <Statistic title={t("today.logged")} value={today.loggedHours} suffix="h" />
              <Progress
                type="circle"
                size={56}
                percent={load}
                status={load > 100 ? "exception" : "normal"}
              />
            </Flex>
            {!today.workday ? (
              <Alert style={{ marginTop: 8 }} type="info" showIcon title={t("today.notWorkday")} />
            ) : null}
          </Card>
          {today.packing ? <PackingRunCard run={today.packing} /> : null}
          {today.cases.length ? <TodayCasesCard cases={today.cases} /> : null}
          {today.followups.length ? (
            <TodayFollowupsCard followups={today.followups} readOnly={readOnly} />
          ) : null}
          <TasksCard today={today} readOnly={readOnly} />
          <UnplannedCard today={today} readOnly={readOnly} />
        </Space>
      </Col>
      <Col xs={24} lg={9}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <DutiesCard today={today} />
          {!readOnly ? <InboxCard today={today} /> : null}
          {!readOnly ? (
            <Card size="small" title={t("plan.notes")}>
              <NotesPanel targetType="day" targetId={today.date} />
            </Card>
          ) : null}
        </Space>
      </Col>
    </Row>
  );
}
