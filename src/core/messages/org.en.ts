// English texts of the org area's message codes (see index.ts). Keys: "org.…" or the area's own prefixes.
export const ORG_EN = {} as const satisfies Record<string, string>;
