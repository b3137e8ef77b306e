// The RFM map with its cut-offs visible: the four cut-offs of R, F and M as the value ranges of
// scores 1–5, the 5×5 R×F grid coloured by segment with each cell's count, one line per segment
// with its count, the eight classes and the repurchase figures with numerator and denominator.
import { Card, Col, Row, Space, Table, Tag, Typography } from "antd";
import type { Rfm } from "../../api/customers";
import { useI18n } from "../../i18n";
import { renderMessage } from "../../i18n/messages";
import { money } from "../aftersales/labels";
import { classLabel, emptyRange, rangeText, SEGMENT_COLOR, segmentLabel } from "./labels";

/** What each score of a dimension stands for, from its four cut-offs (the server's scoreRange). */
function ranges(dim: "r" | "f" | "m", c: number[]) {
  return [5, 4, 3, 2, 1].map((score) =>
    dim === "r"
      ? {
          score,
          atLeast: score < 5 ? c[score - 1] : null,
          lessThan: score > 1 ? c[score - 2] : null,
        }
      : {
          score,
          moreThan: score > 1 ? c[score - 2] : null,
          atMost: score < 5 ? c[score - 1] : null,
        },
  );
}

export function RfmMap({ rfm, currency }: { rfm: Rfm; currency: string }) {
  const { t, locale } = useI18n();
  const yuan = (fen: number) => money(fen, currency);
  const cut = (dim: "r" | "f" | "m") =>
    rfm.cutoffs[dim].length === 0
      ? []
      : ranges(dim, rfm.cutoffs[dim]).map((x) => ({
          score: x.score,
          text: emptyRange(x)
            ? t("customers.rfm.emptyRange")
            : rangeText(x, dim === "m" ? yuan : String),
        }));
  const rows = [5, 4, 3, 2, 1].map((score) => ({
    score,
    r: cut("r").find((x) => x.score === score)?.text ?? "",
    f: cut("f").find((x) => x.score === score)?.text ?? "",
    m: cut("m").find((x) => x.score === score)?.text ?? "",
  }));
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }} data-testid="rfm-map">
      <Typography.Text type="secondary" data-testid="rfm-summary">
        {t("customers.rfm.customers", {
          count: rfm.customers,
          from: rfm.window.from,
          to: rfm.window.to,
        })}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("customers.rfm.cutoffs")}>
            <Table
              size="small"
              rowKey="score"
              pagination={false}
              dataSource={rows}
              data-testid="rfm-cutoffs"
              scroll={{ x: true }}
              columns={[
                { title: t("customers.rfm.score"), dataIndex: "score", width: 60 },
                { title: t("customers.rfm.r"), dataIndex: "r" },
                { title: t("customers.rfm.f"), dataIndex: "f" },
                { title: t("customers.rfm.m"), dataIndex: "m" },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("customers.rfm.centres", {
                r: rfm.centres.r,
                f: rfm.centres.f,
                m: yuan(rfm.centres.m),
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("customers.rfm.gridTitle")}>
            <div
              data-testid="rfm-grid"
              style={{
                display: "grid",
                gridTemplateColumns: "auto repeat(5, minmax(0, 1fr))",
                gap: 4,
              }}
            >
              <span />
              {[1, 2, 3, 4, 5].map((f) => (
                <Typography.Text key={f} type="secondary" style={{ textAlign: "center" }}>
                  F{f}
                </Typography.Text>
              ))}
              {[5, 4, 3, 2, 1].map((r) => [
                <Typography.Text key={`r${r}`} type="secondary" style={{ alignSelf: "center" }}>
                  R{r}
                </Typography.Text>,
                ...rfm.grid
                  .filter((c) => c.r === r)
                  .map((c) => (
                    <div
                      key={`${c.r}${c.f}`}
                      data-testid="rfm-cell"
                      data-cell={`${c.r}${c.f}`}
                      title={segmentLabel(locale, c.segment)}
                      style={{
                        background: SEGMENT_COLOR[c.segment],
                        color: "#fff",
                        borderRadius: 4,
                        padding: "6px 4px",
                        textAlign: "center",
                        minHeight: 44,
                        overflow: "hidden",
                      }}
                    >
                      <div style={{ fontWeight: 600 }}>{c.count}</div>
                      <div
                        style={{
                          fontSize: 11,
                          whiteSpace: "nowrap",
                          textOverflow: "ellipsis",
                          overflow: "hidden",
                        }}
                      >
                        {segmentLabel(locale, c.segment)}
                      </div>
                    </div>
                  )),
              ])}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("customers.rfm.segments")}>
            <Space
              direction="vertical"
              size={4}
              style={{ width: "100%" }}
              data-testid="rfm-segments"
            >
              {rfm.segments.map((s) => (
                <div
                  key={s.segment}
                  data-testid="rfm-segment"
                  data-segment={s.segment}
                  style={{ display: "flex", gap: 8, alignItems: "baseline", flexWrap: "wrap" }}
                >
                  <Tag color={SEGMENT_COLOR[s.segment]} style={{ minWidth: 96 }}>
                    {segmentLabel(locale, s.segment)}
                  </Tag>
                  <Typography.Text strong data-testid="rfm-segment-count">
                    {s.count}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.cells
                      .map(
                        (c) => `R${c.r.score} ${rangeText(c.r)} × F${c.f.score} ${rangeText(c.f)}`,
                      )
                      .join(" · ")}
                  </Typography.Text>
                </div>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("customers.rfm.classes")}>
            <Space wrap data-testid="rfm-classes">
              {rfm.classes.map((c) => (
                <Tag key={c.class}>
                  {classLabel(locale, c.class)} {c.count}
                </Tag>
              ))}
            </Space>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t("customers.rfm.repurchase")}
            </Typography.Title>
            {rfm.repurchase.map((p) => (
              <div key={p.definition} data-testid="rfm-repurchase">
                <Typography.Text strong>
                  {p.rate === null ? "—" : `${(p.rate * 100).toFixed(1)}%`}
                </Typography.Text>{" "}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({p.numerator} ÷ {p.denominator}) {renderMessage(locale, p.definitionMessage)}
                </Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
