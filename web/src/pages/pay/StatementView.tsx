// One statement: every line with its amount, formula, inputs and source numbers; the total is
// the server's sum of the printed lines.
import { Card, Descriptions, Flex, List, Tag, Typography } from "antd";
import { money, type PayLine, type PayStatement } from "../../api/pay";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { statementTextZh } from "./statementText";

const kindColor: Record<string, string> = {
  base: "default",
  commission: "volcano",
  bonus: "gold",
  event: "green",
  pool: "cyan",
  adjustment: "magenta",
};
const KINDS = ["base", "commission", "bonus", "event", "pool", "adjustment"];
const INPUT_KEYS = [
  "base",
  "scope",
  "basis",
  "target",
  "gate",
  "split",
  "cap",
  "bonusBase",
  "goalScore",
  "score",
  "rate",
  "pool",
  "members",
  "count",
  "amount",
  "dates",
  "share",
];
const BASES = ["gmv", "paid", "net", "margin", "quantity"];
const SCOPES = ["person", "department", "shop"];

export function LineKindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return (
    <Tag color={kindColor[kind] ?? "default"}>
      {KINDS.includes(kind) ? t(`pay.kind.${kind}` as MessageKey) : kind}
    </Tag>
  );
}

function Line({ line }: { line: PayLine }) {
  const { t, locale } = useI18n();
  const tx = locale === "zh-CN" ? statementTextZh : (x: string) => x;
  const inputs = Object.entries(line.inputs);
  return (
    <List.Item data-testid="statement-line" data-kind={line.kind} style={{ display: "block" }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Flex gap={6} wrap align="center" style={{ minWidth: 0 }}>
          {line.kind === "base" ? null : <LineKindTag kind={line.kind} />}
          <Typography.Text strong style={{ whiteSpace: "normal" }}>
            {line.kind === "base" ? t("pay.kind.base") : line.label}
          </Typography.Text>
        </Flex>
        <Typography.Text strong style={{ whiteSpace: "nowrap" }} data-testid="line-amount">
          {money(line.amount)}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph
        code
        style={{ margin: "6px 0", whiteSpace: "normal", wordBreak: "break-word" }}
        data-testid="line-formula"
      >
        {line.missing ? t("pay.line.missing") : tx(line.formula)}
      </Typography.Paragraph>
      {inputs.length ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="line-inputs"
          items={inputs.map(([k, v]) => ({
            key: k,
            // Known keys and values in the reader's language; a scorecard metric's code as it is.
            label: INPUT_KEYS.includes(k) ? t(`pay.input.${k}` as MessageKey) : k,
            children: (
              <span style={{ wordBreak: "break-word" }}>
                {k === "basis" && BASES.includes(v)
                  ? t(`pay.base.${v}` as MessageKey)
                  : k === "scope" && SCOPES.includes(v)
                    ? t(`pay.scope.${v}` as MessageKey)
                    : tx(v)}
              </span>
            ),
          }))}
        />
      ) : null}
      {line.sources.length ? (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, margin: 0, wordBreak: "break-word" }}
          data-testid="line-sources"
        >
          {t("pay.statement.sources")}: {line.sources.map(tx).join(" · ")}
        </Typography.Paragraph>
      ) : null}
    </List.Item>
  );
}

export function StatementView({ statement }: { statement: PayStatement }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid="statement"
      title={<Typography.Text strong>{statement.memberName}</Typography.Text>}
      extra={
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="statement-total">
          {money(statement.total)}
        </Typography.Text>
      }
    >
      <List size="small" dataSource={statement.lines} renderItem={(l) => <Line line={l} />} />
      <Flex
        justify="space-between"
        align="start"
        style={{ borderTop: "1px solid #f0f0f0", paddingTop: 8 }}
        gap={8}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12, minWidth: 0 }}>
          {t("pay.statement.totalRule")}
        </Typography.Text>
        <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
          {t("pay.statement.total")} {money(statement.total)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
