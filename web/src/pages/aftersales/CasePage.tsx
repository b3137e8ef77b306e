// One after-sales case: its order, lines and amounts, our type and state beside the platform's, the
// reason, the return waybill, the inspection, the clocks (when the server gives them), the history
// rendered from its message codes in the reader's language, and the moves the server allows as
// buttons for the customer-service people.
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Card,
  Descriptions,
  Empty,
  Grid,
  List,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { Link, useParams } from "react-router-dom";
import { useCase, useOrder, type CaseDetail } from "../../api/aftersales";
import { formatDateTime } from "../../components/labels";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { useMe } from "../../me";
import { useServerNow } from "../logistics/queue/time";
import { useShops } from "../shop-data/api";
import { CaseAssign } from "./CaseAssign";
import { CaseClocks } from "./CaseClocks";
import { CaseCountdown } from "./CaseCountdown";
import { CaseMoves } from "./CaseMoves";
import {
  caseName,
  inspectionLabel,
  money,
  reasonLabel,
  resolutionLabel,
  sourceLabel,
  STATE_COLOR,
  stateLabel,
  typeLabel,
} from "./labels";

function OrderLink({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const order = useOrder(c.orderId);
  if (!c.orderId)
    return <>{t("aftersales.case.orderNotImported", { order: c.platformOrderId ?? "—" })}</>;
  const o = order.data;
  return (
    <Space direction="vertical" size={0}>
      <Link
        to={`/shop-data?shopId=${c.shopId}&order=${encodeURIComponent(c.platformOrderId ?? "")}`}
        data-testid="case-order"
      >
        {c.platformOrderId}
      </Link>
      {o && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("aftersales.case.orderTotal", {
            status: o.rawStatus || o.status,
            total: o.total,
            currency: o.currency,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

export function CasePage() {
  const { id = "" } = useParams();
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const { can } = useMe();
  const q = useCase(id);
  const now = useServerNow(undefined);
  const shops = useShops();
  const c = q.data;
  if (q.isPending) return <Spin />;
  if (!c) return <Empty description={t("error.notFound")} />;
  const shop = shops.data?.items.find((s) => s.id === c.shopId)?.name ?? "";
  const finished = c.state === "resolved" || c.state === "closed";

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="case-page">
      <Link to="/aftersales">
        <ArrowLeftOutlined /> {t("aftersales.back")}
      </Link>
      <Space wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("aftersales.case.title", { key: caseName(c) })}
        </Typography.Title>
        <Tag color={STATE_COLOR[c.state]} data-testid="case-page-state">
          {stateLabel(locale, c.state)}
          {c.resolution ? ` · ${resolutionLabel(locale, c.resolution)}` : ""}
        </Tag>
      </Space>
      <Card size="small" data-testid="case-moves-card">
        {!can("aftersales.handle") ? (
          <Typography.Text type="secondary">
            {finished ? t("aftersales.case.finished") : t("aftersales.case.readOnly")}
          </Typography.Text>
        ) : finished || c.nextStates.length === 0 ? (
          <Typography.Text type="secondary">{t("aftersales.case.finished")}</Typography.Text>
        ) : (
          <CaseMoves c={c} />
        )}
      </Card>
      <Card size="small">
        <Descriptions
          size="small"
          column={phone ? 1 : 2}
          data-testid="case-facts"
          items={[
            {
              key: "due",
              label: t("aftersales.case.due"),
              children: <CaseCountdown dueAt={c.dueAt} now={now} />,
            },
            { key: "order", label: t("aftersales.case.order"), children: <OrderLink c={c} /> },
            { key: "shop", label: t("aftersales.case.shop"), children: shop },
            {
              key: "type",
              label: t("aftersales.case.type"),
              children: (
                <span data-testid="case-type">
                  {t("aftersales.case.ours")}: {typeLabel(locale, c.type)}
                  {c.platformType ? ` · ${t("aftersales.case.theirs")}: ${c.platformType}` : ""}
                </span>
              ),
            },
            {
              key: "state",
              label: t("aftersales.case.state"),
              children: (
                <span>
                  {t("aftersales.case.ours")}: {stateLabel(locale, c.state)}
                  {c.platformState ? ` · ${t("aftersales.case.theirs")}: ${c.platformState}` : ""}
                </span>
              ),
            },
            {
              key: "reason",
              label: t("aftersales.case.reason"),
              children: c.reason
                ? `${c.reason}${c.reasonCode ? ` (${reasonLabel(locale, c.reasonCode)})` : ""}`
                : "—",
            },
            {
              key: "requested",
              label: t("aftersales.case.requested"),
              children: money(c.requestedFen, c.currency),
            },
            {
              key: "refund",
              label: t("aftersales.case.refund"),
              children: c.refundFen == null ? "—" : money(c.refundFen, c.currency),
            },
            {
              key: "waybill",
              label: t("aftersales.case.returnWaybill"),
              children: c.returnWaybill
                ? `${c.returnCarrier ? `${c.returnCarrier} ` : ""}${c.returnWaybill}`
                : "—",
            },
            {
              key: "inspection",
              label: t("aftersales.case.inspection"),
              children: c.inspection
                ? `${inspectionLabel(locale, c.inspection)}${c.inspectionNote ? ` · ${c.inspectionNote}` : ""}`
                : "—",
            },
            {
              key: "assignee",
              label: t("aftersales.case.assignee"),
              children: <CaseAssign c={c} />,
            },
            {
              key: "opened",
              label: t("aftersales.case.opened"),
              children: `${formatDateTime(c.openedAt, locale)} · ${sourceLabel(locale, c.source)}`,
            },
            ...(c.sla?.clocks.length
              ? [
                  {
                    key: "clocks",
                    label: t("aftersales.case.clocks"),
                    children: <CaseClocks c={c} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t("aftersales.case.lines")}>
        <List
          size="small"
          dataSource={c.lines}
          locale={{ emptyText: "—" }}
          renderItem={(l) => (
            <List.Item data-testid="case-line">
              <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
                <Typography.Text>
                  {l.title}
                  {l.sku ? ` (${l.sku})` : ""} ×{l.quantity}
                </Typography.Text>
                {l.amountFen != null && (
                  <Typography.Text>{money(l.amountFen, c.currency)}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t("aftersales.case.history")}>
        <Timeline
          data-testid="case-history"
          items={c.history.map((h) => ({
            key: h.id,
            color: h.kind === "transition" ? "blue" : "gray",
            children: (
              <div data-testid="case-history-entry">
                <Typography.Text>{renderMessage(locale, h.message)}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {formatDateTime(h.at, locale)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
