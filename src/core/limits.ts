// One place for the limits that schemas, database checks and forms share.
export const LIMITS = {
  nameMax: 100,
  emailMax: 254,
  passwordMin: 8,
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
  /** Order imports: one uploaded file in the browser, files per import, one file in the CLI (read whole). */
  importUploadMaxBytes: 20 * 1024 * 1024,
  importFilesMax: 10,
  importCliFileMaxBytes: 200 * 1024 * 1024,
  importPreviewOrders: 20,
  kpiRangeMaxDays: 1100,
  mappingNameMax: 60,
} as const;

export const ROLES = ["owner", "lead", "member"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
