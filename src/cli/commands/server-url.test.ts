// `dayclear demo` prints the address `dayclear serve` listens on: --port, else $PORT, else 3000.
import { describe, expect, it } from "vitest";
import { demoAccounts } from "../../modules/demo/demo.data.js";
import { cliErrorText } from "../locale.js";
import { demoSignIn } from "./demo.js";
import { listenPort, localUrl } from "./server-url.js";

const refusal = (port: string) => {
  try {
    listenPort(port, {});
  } catch (e) {
    return e;
  }
  throw new Error(`--port ${port} was taken`);
};

describe("the server's port and URL", () => {
  it("takes --port, else $PORT, else 3000, and refuses what is not a port in the reader's language", () => {
    expect(listenPort("8080", { PORT: "9000" })).toBe(8080);
    expect(listenPort(undefined, { PORT: "9000" })).toBe(9000);
    expect(listenPort(undefined, {})).toBe(3000);
    expect(listenPort(undefined, { PORT: "" })).toBe(3000);
    for (const bad of ["http", "70000", "-1", "80.5", " "]) {
      expect(cliErrorText(refusal(bad), "en")).toBe(`--port must be a port number, not "${bad}"`);
      expect(cliErrorText(refusal(bad), "zh-CN")).toBe(`--port 应为端口号，而不是“${bad}”`);
    }
  });

  it("prints the demo sign-in with the port the server uses, the password and every offered account", () => {
    const url = localUrl(listenPort(undefined, { PORT: "8080" }));
    const text = demoSignIn(url, "demo-secret", demoAccounts());
    expect(text).toContain("Sign in at http://localhost:8080 ");
    expect(text).toContain("Password (every demo account): demo-secret");
    expect(text).toMatch(/lin\.ke@demo\.dayclear\.local +林可 \(lead, 运营\)/);
    expect(text).toMatch(/owner@demo\.dayclear\.local +\S+ \(owner\)\n/);
    expect(text.split("\n").filter((l) => l.includes("@demo.dayclear.local"))).toHaveLength(9);
    // In Chinese: the same accounts, the roles as the web names them.
    const zh = demoSignIn(url, "demo-secret", demoAccounts(), "zh-CN");
    expect(zh).toContain("在 http://localhost:8080 用下列任一账号登录");
    expect(zh).toContain("密码（所有演示账号相同）：demo-secret");
    expect(zh).toMatch(/lin\.ke@demo\.dayclear\.local +林可（主管，运营）/);
    expect(zh).toMatch(/owner@demo\.dayclear\.local +\S+（店主）\n/);
    expect(zh).not.toMatch(/[A-Za-z]{3,} \(|Sign in|Password/);
  });
});
