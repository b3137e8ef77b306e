// The web's Chinese catalog: every message code the server sends (src/core/messages/zh-CN.ts, typed
// by the code union, so a code without a Chinese text fails the type check).
export { MESSAGES_ZH } from "../../../src/core/messages/zh-CN.js";
