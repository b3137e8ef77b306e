// The pack station's steps: a slip, then its waybill. A stop (refunded, cancelled, wrong parcel …)
// holds everything until acknowledged and then starts over at the slip; a request for another scan
// (not a waybill, a carrier to choose) keeps the step; a shipped parcel beeps and starts over.
// Return mode (退货签收) takes one scan per parcel: the returned parcel's waybill; its after-sales
// cases are received, and a waybill that is no return's stops the packer the same way.
import { useCallback, useState } from "react";
import { useApiErrors } from "../../../components/errors";
import { beep } from "./alarm";
import {
  useScanReturn,
  useScanSlip,
  useScanWaybill,
  type ParcelView,
  type ScanResult,
} from "./scanApi";

export type Step = "slip" | "waybill";
export type Mode = "ship" | "return";

export function usePackStation() {
  const slipScan = useScanSlip();
  const waybillScan = useScanWaybill();
  const returnScan = useScanReturn();
  const [mode, setModeState] = useState<Mode>("ship");
  const showError = useApiErrors();
  const [step, setStep] = useState<Step>("slip");
  const [slip, setSlip] = useState<string | null>(null);
  const [parcel, setParcel] = useState<ParcelView | null>(null);
  const [stop, setStop] = useState<ScanResult | null>(null);
  const [notice, setNotice] = useState<ScanResult | null>(null);
  const [shipped, setShipped] = useState<ScanResult | null>(null);
  const [carrierCode, setCarrierCode] = useState<string | undefined>();
  const [weightKg, setWeightKg] = useState<number | null>(null);

  const restart = useCallback(() => {
    setStep("slip");
    setSlip(null);
    setParcel(null);
    setNotice(null);
    setWeightKg(null);
  }, []);

  const scan = useCallback(
    async (code: string) => {
      if (stop) return;
      setNotice(null);
      try {
        if (mode === "return") {
          const r = await returnScan.mutateAsync(code);
          setShipped(null);
          if (r.stop) setStop(r);
          else if (r.outcome === "ok") {
            beep();
            setShipped(r);
          } else setNotice(r);
          return;
        }
        if (step === "slip") {
          const r = await slipScan.mutateAsync(code);
          setShipped(null);
          if (r.stop) setStop(r);
          else if (r.outcome === "ok") {
            beep();
            setSlip(code);
            setParcel(r.parcel);
            setStep("waybill");
          } else setNotice(r);
          return;
        }
        const r = await waybillScan.mutateAsync({
          slip: slip!,
          waybill: code,
          ...(carrierCode ? { carrierCode } : {}),
          ...(weightKg !== null && weightKg > 0
            ? { weightG: Math.round(weightKg * 1000), weightSource: "typed" as const }
            : {}),
        });
        if (r.stop) setStop(r);
        else if (r.outcome === "ok") {
          beep();
          setShipped(r);
          restart();
        } else setNotice(r);
      } catch (e) {
        showError(e);
      }
    },
    [
      stop,
      mode,
      step,
      slip,
      carrierCode,
      weightKg,
      slipScan,
      waybillScan,
      returnScan,
      showError,
      restart,
    ],
  );

  const acknowledge = useCallback(() => {
    setStop(null);
    restart();
  }, [restart]);

  /** Switching between shipping and returns starts over (a half-scanned parcel is dropped). */
  const setMode = useCallback(
    (m: Mode) => {
      setModeState(m);
      setShipped(null);
      restart();
    },
    [restart],
  );

  return {
    mode,
    setMode,
    step,
    parcel,
    stop,
    notice,
    shipped,
    busy: slipScan.isPending || waybillScan.isPending || returnScan.isPending,
    carrierCode,
    setCarrierCode,
    weightKg,
    setWeightKg,
    scan,
    acknowledge,
    restart,
  };
}
