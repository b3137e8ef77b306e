// The web's English catalog: every message code the server sends (src/core/messages/en.ts, shared
// with the server, the CLI and exports), typed by the code union.
export { MESSAGES_EN } from "../../../src/core/messages/en.js";
