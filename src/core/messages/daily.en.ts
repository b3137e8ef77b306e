// English texts of the daily area's message codes (see index.ts). Keys: "daily.…" or the area's own prefixes.
export const DAILY_EN = {} as const satisfies Record<string, string>;
