// The pack station's sounds and vibration (WebAudio, the Vibration API where the device has it):
// a loud falling three-tone alarm for a parcel that must not leave, a short high beep for a good scan.
type AudioCtor = typeof AudioContext;

function context(): AudioContext | null {
  const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  try {
    return Ctor ? new Ctor() : null;
  } catch {
    return null;
  }
}

function tones(steps: { hz: number; ms: number }[], type: OscillatorType, volume: number) {
  const ctx = context();
  if (!ctx) return;
  let t = ctx.currentTime;
  for (const s of steps) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = type;
    osc.frequency.value = s.hz;
    gain.gain.setValueAtTime(volume, t);
    gain.gain.exponentialRampToValueAtTime(0.001, t + s.ms / 1000);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + s.ms / 1000);
    t += s.ms / 1000 + 0.04;
  }
  window.setTimeout(
    () => void ctx.close().catch(() => undefined),
    (t - ctx.currentTime) * 1000 + 300,
  );
}

/** Stop: three loud falling tones, twice, and a long vibration pattern. */
export function alarm(): void {
  try {
    navigator.vibrate?.([400, 120, 400, 120, 600]);
  } catch {
    // no vibration on this device
  }
  tones(
    [
      { hz: 880, ms: 220 },
      { hz: 660, ms: 220 },
      { hz: 440, ms: 380 },
      { hz: 880, ms: 220 },
      { hz: 660, ms: 220 },
      { hz: 440, ms: 380 },
    ],
    "square",
    0.6,
  );
}

/** A good scan: one short high beep. */
export function beep(): void {
  tones([{ hz: 1760, ms: 90 }], "sine", 0.3);
}
