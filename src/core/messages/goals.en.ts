// English texts of the goals area's message codes (see index.ts). Keys: "goals.…" or the area's own prefixes.
export const GOALS_EN = {} as const satisfies Record<string, string>;
