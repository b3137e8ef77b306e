// English texts of the progress area's message codes (see index.ts). Keys: "progress.…" or the area's own prefixes.
export const PROGRESS_EN = {} as const satisfies Record<string, string>;
