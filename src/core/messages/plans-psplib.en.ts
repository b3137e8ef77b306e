// What the PSPLIB reader (core/engine/psplib.ts) says about a .sm file it cannot read; the CLI
// renders it in its language, PsplibParseError's message keeps the English text.
export const PLANS_PSPLIB_EN = {
  "plans.psplib.no_header": "PSPLIB: missing 'jobs' or 'renewable' header line",
  "plans.psplib.bad_counts": "PSPLIB: bad job or resource count",
  "plans.psplib.no_sections":
    "PSPLIB: missing PRECEDENCE RELATIONS, REQUESTS/DURATIONS or RESOURCEAVAILABILITIES section",
  "plans.psplib.successor_count": "PSPLIB: job {job}: expected {count} successors on line {line}",
  "plans.psplib.successor_unknown":
    "PSPLIB: job {job}: successor {successor} is not a job (line {line})",
  "plans.psplib.precedence_lines": "PSPLIB: expected {expected} precedence lines, found {found}",
  "plans.psplib.request_lines": "PSPLIB: expected {expected} request lines, found {found}",
  "plans.psplib.no_availabilities": "PSPLIB: missing resource availabilities",
} as const satisfies Record<string, string>;
