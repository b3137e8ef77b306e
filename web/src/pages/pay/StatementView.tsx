// One statement: every line with its amount, formula, inputs and source numbers; the total is
// the server's sum of the printed lines. Names, formulas, inputs and sources arrive as messages
// ({code, params}) and are rendered in the page's language; a statement stored before messages had
// codes shows its text as it was written (legacy.text).
import { Card, Descriptions, Flex, List, Tag, Typography } from "antd";
import { money, type PayLine, type PayStatement } from "../../api/pay";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { useMessageText } from "./shared";

const kindColor: Record<string, string> = {
  base: "default",
  commission: "volcano",
  bonus: "gold",
  event: "green",
  pool: "cyan",
  adjustment: "magenta",
};
const KINDS = ["base", "commission", "bonus", "event", "pool", "adjustment"];

export function LineKindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return (
    <Tag color={kindColor[kind] ?? "default"}>
      {KINDS.includes(kind) ? t(`pay.kind.${kind}` as MessageKey) : kind}
    </Tag>
  );
}

function Line({ line }: { line: PayLine }) {
  const { t } = useI18n();
  const text = useMessageText();
  return (
    <List.Item data-testid="statement-line" data-kind={line.kind} style={{ display: "block" }}>
      <Flex justify="space-between" align="start" gap={8}>
        <Flex gap={6} wrap align="center" style={{ minWidth: 0 }}>
          {line.kind === "base" ? null : <LineKindTag kind={line.kind} />}
          <Typography.Text strong style={{ whiteSpace: "normal" }}>
            {text(line.label)}
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
        {line.missing ? t("pay.line.missing") : text(line.formula)}
      </Typography.Paragraph>
      {line.inputs.length ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="line-inputs"
          items={line.inputs.map((i) => ({
            key: i.key,
            label: text(i.label),
            children: <span style={{ wordBreak: "break-word" }}>{text(i.value)}</span>,
          }))}
        />
      ) : null}
      {line.sources.length ? (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, margin: 0, wordBreak: "break-word" }}
          data-testid="line-sources"
        >
          {t("pay.statement.sources")}: {line.sources.map(text).join(" · ")}
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
