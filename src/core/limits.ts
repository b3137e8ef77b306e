// One place for the limits that schemas, database checks and forms share.
export const LIMITS = {
  nameMax: 100,
  emailMax: 254,
  passwordMin: 8,
  /** The least zxcvbn score (0–4) a new password needs; see modules/auth/password-strength.ts. */
  passwordMinScore: 2,
  passwordMax: 200,
  titleMax: 100,
  noteMax: 2000,
  workspaceNameMax: 100,
  tokenNameMax: 100,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  skillLevelMin: 1,
  skillLevelMax: 5,
  hoursPerDayMax: 24,
  calendarDaysMax: 2000,
  sessionDays: 30,
  invitationDays: 14,
  loginWindowMinutes: 15,
  loginMaxFailures: 10,
  /**
   * Order imports. The browser: one uploaded file (the request body), the files of one import
   * together (a folder's worth: their total decides, the count is only a bound on the request),
   * docs/SHOP-DATA.md. The CLI: a file it reads whole (CSV order exports are streamed, any size,
   * and any number of files).
   */
  importUploadMaxBytes: 20 * 1024 * 1024,
  importUploadTotalMaxBytes: 100 * 1024 * 1024,
  importUploadFilesMax: 1000,
  importCliFileMaxBytes: 200 * 1024 * 1024,
  importPreviewOrders: 20,
  /**
   * Reading one import file (XLSX or CSV, browser or CLI), checked while it is read so that a
   * small file that unpacks to gigabytes is refused before it takes the memory (docs/SHOP-DATA.md):
   * the XLSX parts read (sheet, shared strings, styles), unpacked; rows; columns in a row; cells in
   * the file; characters in a cell (Excel's own cell limit).
   */
  importUnpackedMaxBytes: 128 * 1024 * 1024,
  importRowsMax: 500_000,
  importColumnsMax: 1000,
  importCellsMax: 2_000_000,
  importCellMaxChars: 32_767,
  /** Import files read at once by one process; more wait their turn, so memory stays bounded however many arrive. */
  importReadsAtOnce: 2,
  kpiRangeMaxDays: 1100,
  /**
   * Every date a request or a stored row carries is in [dateMin, dateMax] (docs/API.md, Errors and
   * limits): schemas refuse others with `date.out_of_range`, and the loops over days in core refuse
   * them too, so a row stored by hand cannot make a read spin. Months (YYYY-MM) use the same years.
   */
  dateMin: "2000-01-01",
  dateMax: "2099-12-31",
  /** Spans a request walks day by day (or reads row by row); beyond them it is refused with `range.too_long`. */
  goalCycleMaxDays: 400,
  csRangeMaxDays: 400,
  workloadMaxDays: 400,
  teamRangeMaxDays: 93,
  reportHistoryMaxDays: 400,
  /** Days of earned-value history a request reads, and the sweep writes back at most. */
  progressHistoryMaxDays: 400,
  /** Plans a lead's daily report measures (SPI and forecasts), at most. */
  reportProgressPlansMax: 20,
  /** Corrective actions (what-ifs): options proposed, engine runs per request, edits applied at once. */
  whatIfOptionsMax: 20,
  whatIfEngineRunsMax: 40,
  /**
   * The combination search's budget in tasks × runs: a workspace of N tasks may run the engine
   * whatIfEngineWork ÷ max(N, 200) times (at least whatIfEngineRunsMax) — 40 runs at 2,000 tasks,
   * 400 for a small workspace, about the same time (core/progress/what-ifs.ts `searchBudget`).
   */
  whatIfEngineWork: 80_000,
  whatIfChangesMax: 20,
  /** Tasks a what-if's before/after Gantt lists per option (the most telling first; `diff.total` counts all). */
  whatIfMovesMax: 30,
  mappingNameMax: 60,
} as const;

export const ROLES = ["owner", "lead", "member"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
