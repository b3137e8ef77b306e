// 服务器消息代码的中文文本（见 messages.ts）。键与 messages.en.ts 保持一致。
export const MESSAGES_ZH: Record<string, string> = {
};
