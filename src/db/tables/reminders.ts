// Table types as Kysely sees them (camelCase in code, snake_case in SQL); see src/db/schema.ts.

// Scheduled reminders already sent: one per person, local date (YYYY-MM-DD) and goal cycle.
export interface GoalRemindersSentTable {
  workspaceId: string;
  memberId: string;
  localDate: string;
  cycleId: string;
  createdAt: string;
}
