// The scan field: a barcode scanner types the code and Enter ends it, so the field keeps the focus
// (taken back whenever the page is clicked), is large enough to hit on a phone, and is closed while
// a warning waits for its acknowledge.
import { Input, type InputRef } from "antd";
import { useEffect, useRef, useState } from "react";

export function ScanInput({
  disabled,
  placeholder,
  onScan,
  focusSignal = 0,
}: {
  disabled: boolean;
  placeholder: string;
  onScan: (code: string) => void;
  /** Changes when another field is done with (a weight typed, a carrier picked): the focus comes back. */
  focusSignal?: number;
}) {
  const ref = useRef<InputRef>(null);
  const [value, setValue] = useState("");
  useEffect(() => {
    if (!disabled) ref.current?.focus();
  }, [disabled, placeholder, focusSignal]);
  // Clicking the page (not another field or a dialog) gives the focus back to the scan field.
  useEffect(() => {
    const back = () =>
      window.setTimeout(() => {
        const a = document.activeElement;
        const elsewhere =
          a instanceof HTMLInputElement ||
          a instanceof HTMLTextAreaElement ||
          a instanceof HTMLSelectElement ||
          (a instanceof HTMLElement &&
            a.closest(".ant-modal, .ant-select-dropdown, .ant-picker-dropdown"));
        if (!disabled && !elsewhere) ref.current?.focus();
      }, 0);
    document.addEventListener("click", back);
    return () => document.removeEventListener("click", back);
  }, [disabled]);
  return (
    <Input
      ref={ref}
      size="large"
      value={value}
      disabled={disabled}
      placeholder={placeholder}
      autoComplete="off"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      inputMode="text"
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => {
        const code = value.trim();
        setValue("");
        if (code) onScan(code);
      }}
      style={{ height: 64, fontSize: "clamp(16px, 5vw, 24px)", fontFamily: "monospace" }}
      data-testid="pack-scan-input"
    />
  );
}
