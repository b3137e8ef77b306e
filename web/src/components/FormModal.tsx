// A dialog around a form, as every "new …" / "edit …" dialog needs it: the form starts from
// `initialValues` each time it opens (nothing typed last time is left over), OK submits (so does
// Enter in a field), the OK button spins while `onSubmit` runs, the API's field errors land on
// their fields and any other error shows as a message (useApiErrors), and the dialog closes when
// the server has accepted. antd's Modal keeps itself inside a 390 px phone screen.
import { Form, Modal, type FormInstance } from "antd";
import { useLayoutEffect, useState, type ReactNode } from "react";
import { useI18n } from "../i18n";
import { useApiErrors } from "./errors";

export interface FormModalProps<V extends object, R = unknown> {
  open: boolean;
  title: ReactNode;
  /** Called on cancel and after a successful submit. */
  onClose: () => void;
  /** The values the form starts from each time it opens. */
  initialValues?: Partial<V>;
  /** Sends the validated values, typically a mutation's `mutateAsync`; rejects on an API error. */
  onSubmit: (values: V) => Promise<R>;
  /** After the server accepted (and the dialog closed, unless `keepOpen`). */
  onSuccess?: (result: R, values: V) => void;
  /** Stays open after a successful submit, e.g. to show what was created (the invitation link). */
  keepOpen?: boolean;
  /** Handles an error itself and returns true; otherwise field errors go onto the form, the rest to a message. */
  onError?: (error: unknown, form: FormInstance<V>) => boolean;
  /** API field names mapped to the form's, e.g. `{ from: "range", to: "range" }`. */
  fieldMap?: Record<string, string>;
  /** When a value changes (the form at hand, e.g. to fill in a dependent field). */
  onValuesChange?: (changed: Partial<V>, all: V, form: FormInstance<V>) => void;
  /** OK's text; antd's own ("OK" / "确定") when absent. */
  okText?: string;
  /** OK greyed out (e.g. until a file is chosen). */
  okDisabled?: boolean;
  /** data-testid of the form (which wraps the whole dialog) and of the OK button. */
  testId?: string;
  okTestId?: string;
  width?: number;
  /** false hides the required fields' marks (antd's Form requiredMark). */
  requiredMark?: boolean;
  /** Before the Cancel and OK buttons, e.g. a delete button (floated left). */
  footerExtra?: ReactNode;
  children: ReactNode;
}

export function FormModal<V extends object, R = unknown>({
  open,
  title,
  onClose,
  initialValues,
  onSubmit,
  onSuccess,
  keepOpen,
  onError,
  fieldMap,
  onValuesChange,
  okText,
  okDisabled,
  testId,
  okTestId,
  width,
  requiredMark,
  footerExtra,
  children,
}: FormModalProps<V, R>) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const showError = useApiErrors();
  const [busy, setBusy] = useState(false);

  // On opening, the initial values fill the fields the user has not touched yet, before the dialog
  // is painted (the Form inside modalRender does not take initialValues on a remount by itself, and
  // waiting for the opening animation showed the previous values for a moment).
  const fill = () => {
    const untouched = Object.fromEntries(
      Object.entries(initialValues ?? {}).filter(([name]) => !form.isFieldTouched(name as never)),
    );
    form.setFieldsValue(untouched as Parameters<typeof form.setFieldsValue>[0]);
  };
  useLayoutEffect(() => {
    if (open) fill();
    // Only when it opens: a parent re-rendering with a new object must not overwrite what was typed.
  }, [open]);

  const finish = async (values: V) => {
    setBusy(true);
    try {
      const result = await onSubmit(values);
      if (!keepOpen) onClose();
      onSuccess?.(result, values);
    } catch (e) {
      if (!onError?.(e, form)) showError(e, form, fieldMap);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      okText={okText}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{
        htmlType: "submit",
        disabled: okDisabled,
        ...(okTestId ? { "data-testid": okTestId } : {}),
      }}
      width={width}
      footer={
        footerExtra
          ? (buttons) => (
              <>
                {footerExtra}
                {buttons}
              </>
            )
          : undefined
      }
      destroyOnHidden
      // Each open starts from the initial values: the form is emptied once the dialog has closed
      // (and filled again when it has opened, in case the fields mounted after the layout effect).
      afterOpenChange={(opened) => (opened ? fill() : form.resetFields())}
      // The form wraps the whole dialog so that OK is its submit button; it is dropped on close
      // (clearOnDestroy), so the next open starts from initialValues again.
      modalRender={(dialog) => (
        <Form<V>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          requiredMark={requiredMark}
          onFinish={(v) => void finish(v)}
          onValuesChange={(changed: Partial<V>, all: V) => onValuesChange?.(changed, all, form)}
          data-testid={testId}
        >
          {dialog}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
