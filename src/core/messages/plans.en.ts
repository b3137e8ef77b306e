// English texts of the plans area's message codes (see index.ts). Keys: "plans.…" or the area's own prefixes.
export const PLANS_EN = {} as const satisfies Record<string, string>;
