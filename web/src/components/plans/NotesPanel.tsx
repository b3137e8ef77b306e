// Markdown notes on a day, a task or a plan: a list rendered safely and a small editor.
import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { useNoteMutations, useNotes, type Note, type NoteTarget } from "../../api/plans";
import { useI18n } from "../../i18n";
import { useApiErrors } from "../errors";
import { formatDateTime } from "../labels";
import { Markdown } from "./Markdown";

export function NoteCard({ note, onEdit }: { note: Note; onEdit?: () => void }) {
  const { t, locale } = useI18n();
  const { remove } = useNoteMutations();
  const onError = useApiErrors();
  return (
    <Card
      size="small"
      data-testid="note"
      title={note.title || undefined}
      extra={
        onEdit ? (
          <Space size={0}>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t("common.edit")}
              onClick={onEdit}
            />
            <Popconfirm
              title={t("common.confirmDelete")}
              okText={t("common.yes")}
              cancelText={t("common.no")}
              onConfirm={() => remove.mutate(note.id, { onError: (e) => onError(e) })}
            >
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("common.delete")}
              />
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Markdown source={note.body} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("notes.by", { name: note.authorName, time: formatDateTime(note.updatedAt, locale) })}
      </Typography.Text>
    </Card>
  );
}

export function NoteEditor({
  targetType,
  targetId,
  note,
  onDone,
}: {
  targetType: NoteTarget;
  targetId: string;
  note?: Note;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const { create, update } = useNoteMutations();
  const onError = useApiErrors();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [preview, setPreview] = useState(false);
  const body = Form.useWatch("body", form) ?? "";
  const finish = () => {
    form.resetFields();
    void message.success(t("notes.saved"));
    onDone?.();
  };
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="note-form"
      initialValues={{ title: note?.title ?? "", body: note?.body ?? "" }}
      onFinish={(v) => {
        const b = { title: v.title.trim() || undefined, body: v.body };
        if (note)
          update.mutate(
            { id: note.id, version: note.version, ...b },
            {
              onSuccess: finish,
              onError: (e) => {
                onError(e, form);
                if (e instanceof ApiError && e.status === 409) onDone?.();
              },
            },
          );
        else
          create.mutate(
            { targetType, targetId, ...b },
            { onSuccess: finish, onError: (e) => onError(e, form) },
          );
      }}
    >
      <Form.Item name="title" label={t("notes.titleField")} style={{ marginBottom: 8 }}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t("notes.body")}
        rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        extra={t("notes.markdownHint")}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20000} />
      </Form.Item>
      {preview && body.trim() ? (
        <Card size="small" style={{ marginBottom: 8 }}>
          <Markdown source={body} />
        </Card>
      ) : null}
      <Space>
        <Button
          htmlType="submit"
          type="primary"
          loading={create.isPending || update.isPending}
          data-testid="note-save"
        >
          {t("common.save")}
        </Button>
        <Button onClick={() => setPreview(!preview)}>
          {preview ? t("common.edit") : t("notes.preview")}
        </Button>
        {onDone && note ? <Button onClick={onDone}>{t("common.cancel")}</Button> : null}
      </Space>
    </Form>
  );
}

export function NotesPanel({ targetType, targetId }: { targetType: NoteTarget; targetId: string }) {
  const { t } = useI18n();
  const notes = useNotes({ targetType, targetId });
  const [editing, setEditing] = useState<string | null>(null);
  const items = notes.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {items.length === 0 && !notes.isPending ? (
        <Empty description={t("notes.empty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : null}
      {items.map((n) =>
        editing === n.id ? (
          <Card key={n.id} size="small">
            <NoteEditor
              targetType={targetType}
              targetId={targetId}
              note={n}
              onDone={() => setEditing(null)}
            />
          </Card>
        ) : (
          <NoteCard key={n.id} note={n} onEdit={() => setEditing(n.id)} />
        ),
      )}
      <Card size="small" title={t("notes.new")}>
        <NoteEditor targetType={targetType} targetId={targetId} />
      </Card>
    </Flex>
  );
}
