// `dayclear demo` prints the address `dayclear serve` listens on: --port, else $PORT, else 3000.
import { describe, expect, it } from "vitest";
import { demoAccounts } from "../../modules/demo/demo.data.js";
import { demoSignIn } from "./demo.js";
import { listenPort, localUrl } from "./server-url.js";

describe("the server's port and URL", () => {
  it("takes --port, else $PORT, else 3000, and refuses what is not a port", () => {
    expect(listenPort("8080", { PORT: "9000" })).toBe(8080);
    expect(listenPort(undefined, { PORT: "9000" })).toBe(9000);
    expect(listenPort(undefined, {})).toBe(3000);
    expect(listenPort(undefined, { PORT: "" })).toBe(3000);
    for (const bad of ["http", "70000", "-1", "80.5", " "])
      expect(() => listenPort(bad, {})).toThrow(/--port must be a port number/);
  });

  it("prints the demo sign-in with the port the server uses, the password and every offered account", () => {
    const text = demoSignIn(
      localUrl(listenPort(undefined, { PORT: "8080" })),
      "demo-secret",
      demoAccounts(),
    );
    expect(text).toContain("Sign in at http://localhost:8080 ");
    expect(text).toContain("Password (every demo account): demo-secret");
    expect(text).toMatch(/lin\.ke@demo\.dayclear\.local +林可 \(lead, 运营\)/);
    expect(text.split("\n").filter((l) => l.includes("@demo.dayclear.local"))).toHaveLength(9);
  });
});
