// English texts of the aftersales area's message codes (see index.ts). Keys: "aftersales.…" or the area's own prefixes.
export const AFTERSALES_EN = {} as const satisfies Record<string, string>;
