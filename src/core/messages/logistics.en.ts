// English texts of the logistics area's message codes (see index.ts). Keys: "logistics.…" or the area's own prefixes.
export const LOGISTICS_EN = {} as const satisfies Record<string, string>;
