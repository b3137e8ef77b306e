// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.
// Customer-service performance (migration 009).

/** A chat-tool agent account (e.g. 日清服饰:小美, NFKC-normalised) and the member it belongs to. */
export interface CsAccountsTable {
  workspaceId: string;
  account: string;
  memberId: string;
  createdAt: string;
  updatedAt: string;
}

export interface CsImportsTable {
  workspaceId: string;
  id: string;
  fileName: string;
  encoding: string;
  days: number;
  replaced: number;
  accounts: number;
  fromDate: string;
  toDate: string;
  warnings: string; // JSON array
  createdBy: string | null;
  createdAt: string;
}

/** One account's day as the export states it; response times in tenths of a second, null when the day has none. */
export interface CsAgentDaysTable {
  workspaceId: string;
  date: string;
  account: string;
  memberId: string;
  inquirers: number;
  payingInquirers: number;
  firstResponseTenths: number | null;
  avgResponseTenths: number | null;
  consultations: number | null;
  received: number | null;
  salesFen: number | null;
  importId: string;
  updatedAt: string;
}
