// English texts of the shop area's message codes (see index.ts). Keys: "shop.…" or the area's own prefixes.
export const SHOP_EN = {} as const satisfies Record<string, string>;
