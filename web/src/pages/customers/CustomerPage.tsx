// One customer: the identity exactly as the platform gave it on their latest order (masked where the
// platform masks), totals over all their orders, how their RFM scores, segment and class were found
// (each line a message from the shared catalogs), their orders and their after-sales cases.
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { useCustomer, type Customer } from "../../api/customers";
import { useI18n } from "../../i18n";
import { messageText, renderMessage } from "../../i18n/messages";
import { money, stateLabel, typeLabel } from "../aftersales/labels";
import { statusLabel } from "../shop-data/labels";
import { classLabel, SEGMENT_COLOR, segmentLabel } from "./labels";

type Order = Customer["orders"][number];
type Case = Customer["cases"][number];

export function CustomerPage() {
  const { t, locale } = useI18n();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const windowDays = Number(params.get("window") ?? 365);
  const q = useCustomer(id, windowDays);
  const c = q.data;
  if (!c) return q.isError ? <Alert type="error" message={String(q.error)} /> : null;
  const yuan = (fen: number) => money(fen, c.currency);
  const id_ = c.identity;
  const region = [id_.province, id_.city, id_.district].filter(Boolean).join(" ");
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="customer-page">
      <Space wrap align="center">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate(`/customers?shop=${c.shopId}`)}
        >
          {t("customers.page.back")}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-name">
          {id_.buyerRef ?? id_.buyerName ?? id_.recipient ?? c.customerKey}
        </Typography.Title>
        {c.rfm && (
          <Tag color={SEGMENT_COLOR[c.rfm.segment]} data-testid="customer-segment">
            {segmentLabel(locale, c.rfm.segment)}
          </Tag>
        )}
        {c.rfm && <Tag>{classLabel(locale, c.rfm.cnClass)}</Tag>}
        <Typography.Text type="secondary">{c.shopName}</Typography.Text>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("customers.page.identity")} data-testid="customer-identity">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t("customers.page.kind")}>
                {messageText(locale, `customers.identity.${id_.kind}`) ?? id_.kind}
              </Descriptions.Item>
              <Descriptions.Item label={t("customers.page.key")}>
                <Typography.Text code style={{ wordBreak: "break-all" }}>
                  {c.customerKey}
                </Typography.Text>
              </Descriptions.Item>
              {id_.buyerRef && (
                <Descriptions.Item label={t("customers.page.buyer")}>
                  {id_.buyerRef}
                </Descriptions.Item>
              )}
              {id_.buyerName && (
                <Descriptions.Item label={t("customers.page.name")}>
                  {id_.buyerName}
                </Descriptions.Item>
              )}
              {id_.phone && (
                <Descriptions.Item label={t("customers.page.phone")}>
                  <span data-testid="customer-phone">{id_.phone}</span>
                </Descriptions.Item>
              )}
              {id_.email && (
                <Descriptions.Item label={t("customers.page.email")}>{id_.email}</Descriptions.Item>
              )}
              {id_.recipient && (
                <Descriptions.Item label={t("customers.page.recipient")}>
                  {id_.recipient}
                </Descriptions.Item>
              )}
              {region && (
                <Descriptions.Item label={t("customers.page.region")}>{region}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("customers.page.totals")} data-testid="customer-totals">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t("customers.page.orders")}>
                {c.totals.orders}
              </Descriptions.Item>
              <Descriptions.Item label={t("customers.page.paidOrders")}>
                {c.totals.paidOrders}
              </Descriptions.Item>
              <Descriptions.Item label={t("customers.page.spend")}>
                <span data-testid="customer-spend">{yuan(c.totals.spendFen)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("customers.page.refunds")}>
                {yuan(c.totals.refundFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t("customers.page.first")}>
                {c.totals.firstPaidDate ?? "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("customers.page.last")}>
                {c.totals.lastPaidDate ?? "—"}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t("customers.page.rfm")} data-testid="customer-rfm">
        {c.rfm ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {c.rfm.explanation.map((m, i) => (
              <li key={i} data-testid="customer-rfm-line">
                {renderMessage(locale, m)}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">
            {t("customers.page.noRfm", { from: c.window.from, to: c.window.to })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t("customers.page.ordersTitle")}>
        {!c.ordersComplete && (
          <Typography.Text type="secondary">{t("customers.page.ordersCut")}</Typography.Text>
        )}
        <Table<Order>
          size="small"
          rowKey="id"
          pagination={c.orders.length > 20 ? { pageSize: 20 } : false}
          dataSource={c.orders}
          scroll={{ x: "max-content" }}
          data-testid="customer-orders"
          columns={[
            { title: t("customers.col.order"), dataIndex: "platformOrderId" },
            { title: t("customers.col.status"), render: (_, o) => statusLabel(t, o.status) },
            { title: t("customers.col.paid"), render: (_, o) => o.paidDate ?? "—" },
            { title: t("customers.col.total"), align: "right", render: (_, o) => yuan(o.totalFen) },
            {
              title: t("customers.col.refunds"),
              align: "right",
              render: (_, o) => (o.refundFen ? yuan(o.refundFen) : "—"),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("customers.page.cases")}>
        {c.cases.length === 0 ? (
          <Empty description={t("customers.page.noCases")} />
        ) : (
          <Table<Case>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.cases}
            scroll={{ x: "max-content" }}
            data-testid="customer-cases"
            columns={[
              {
                title: t("customers.col.case"),
                render: (_, k) => (
                  <Link to={`/aftersales/cases/${k.id}`}>
                    {k.platformCaseId ?? k.platformOrderId ?? k.id}
                  </Link>
                ),
              },
              { title: t("customers.col.type"), render: (_, k) => typeLabel(locale, k.type) },
              { title: t("customers.col.state"), render: (_, k) => stateLabel(locale, k.state) },
              {
                title: t("customers.col.requested"),
                align: "right",
                render: (_, k) => yuan(k.requestedFen),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
