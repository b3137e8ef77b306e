// English texts of the pay area's message codes (see index.ts). Keys: "pay.…" or the area's own prefixes.
export const PAY_EN = {} as const satisfies Record<string, string>;
