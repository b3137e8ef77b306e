// English texts of the server's message codes (see messages.ts). Keep the keys in step with messages.zh-CN.ts.
export const MESSAGES_EN: Record<string, string> = {
};
