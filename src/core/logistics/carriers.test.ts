import { describe, expect, it } from "vitest";
import { CARRIER_SEEDS, matchCarrier } from "./carriers.js";

const carriers = CARRIER_SEEDS.map((c, i) => ({ id: String(i), ...c }));
const code = (text: string) => matchCarrier(text, carriers)?.code ?? null;

describe("recognising a carrier in a file", () => {
  it("knows the nine seeded carriers by code, name, short name and their code in other systems", () => {
    expect(carriers.map((c) => c.code)).toEqual([
      "SF",
      "ZTO",
      "YTO",
      "YUNDA",
      "STO",
      "JTSD",
      "JD",
      "EMS",
      "POSTB",
    ]);
    expect(code("顺丰")).toBe("SF");
    expect(code("sf")).toBe("SF");
    expect(code("shunfeng")).toBe("SF");
    expect(code("中通快递")).toBe("ZTO");
    expect(code("YD")).toBe("YUNDA");
    expect(code("YZPY")).toBe("POSTB");
    expect(code("J&T Express")).toBe("JTSD");
    expect(code("极兔快递")).toBe("JTSD");
    expect(code(" 圆通 速递 ")).toBe("YTO");
  });

  it("finds a carrier named inside a longer text (抖店 快递信息, a service level)", () => {
    expect(code("SF1234567890-顺丰速运")).toBe("SF");
    expect(code("韵达快递(标快)")).toBe("YUNDA");
  });

  it("answers null for nothing, unknown names and texts naming two carriers", () => {
    expect(code("")).toBeNull();
    expect(code("德邦")).toBeNull();
    expect(code("顺丰速运/中通快递")).toBeNull();
  });
});
