// Notes (笔记): search every note I can see; write one on a day, a plan or a task.
import { Card, Empty, Flex, Input, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useNotes, usePlans, useToday, type NoteTarget } from "../../api/plans";
import { NoteCard, NoteEditor } from "../../components/plans/NotesPanel";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

export function NotesPage() {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const notes = useNotes({ q: search || undefined });
  const plans = usePlans();
  const today = useToday();
  const [target, setTarget] = useState<string>("day");
  const planName = new Map((plans.data?.items ?? []).map((p) => [p.id, p.name]));
  const [targetType, targetId] =
    target === "day"
      ? ["day" as NoteTarget, today.data?.date ?? ""]
      : ["plan" as NoteTarget, target];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("notes.title")}
        </Typography.Title>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setSearch(v.trim())}
          placeholder={t("notes.search")}
          allowClear
          style={{ maxWidth: 320 }}
          data-testid="notes-search"
        />
      </Flex>
      <Card
        size="small"
        title={t("notes.new")}
        extra={
          <Select
            size="small"
            value={target}
            onChange={setTarget}
            style={{ minWidth: 160, maxWidth: 220 }}
            aria-label={t("notes.target")}
            options={[
              { value: "day", label: `${t("notes.target.day")} ${today.data?.date ?? ""}` },
              ...(plans.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${t("notes.target.plan")}: ${p.name}`,
              })),
            ]}
          />
        }
      >
        {targetId ? <NoteEditor key={target} targetType={targetType} targetId={targetId} /> : null}
      </Card>
      {notes.data?.items.length === 0 ? <Empty description={t("notes.empty")} /> : null}
      {(notes.data?.items ?? []).map((n) => (
        <div key={n.id}>
          <Flex gap={6} style={{ marginBottom: 4 }}>
            <Tag>{t(`notes.target.${n.targetType}` as MessageKey)}</Tag>
            {n.targetType === "plan" ? (
              <Link to={`/plans/${n.targetId}`}>{planName.get(n.targetId) ?? n.targetId}</Link>
            ) : n.targetType === "day" ? (
              <Typography.Text>{n.targetId}</Typography.Text>
            ) : null}
          </Flex>
          <NoteCard note={n} />
        </div>
      ))}
    </Space>
  );
}
