import { describe, expect, it } from "vitest";
import { EqualsUnwrapper, parseCsv, unwrapEquals } from "./table.js";

// Taobao's 订单报表 writes ids as ="…"; a streamed file must read them as the whole-file reader does.
const TEXT = [
  "订单编号,买家会员名,备注,金额\r\n",
  '="3515313147329357901",tb_小雨,"多行\n="1" 不是编号",199.00\r\n',
  '="",tb_空,a="b",0.00\n',
  '="3515313147329357902",tb_二,="x"y,="12"\r\n',
  '\t="42",x,y,1\r',
  '="3515313147329357903",tb_三,,="9"',
].join("");

const VALID = [
  "订单编号,买家会员名,备注,金额\r\n",
  '="3515313147329357901",tb_小雨,"多行\n说明 ""引号""",199.00\r\n',
  '="",tb_空,,0.00\r\n',
  '="3515313147329357903",tb_三,,="9"',
].join("");

function streamed(text: string, cuts: number[]): string {
  const u = new EqualsUnwrapper();
  let out = "";
  let from = 0;
  for (const at of [...cuts, text.length]) {
    out += u.push(text.slice(from, at));
    from = at;
  }
  return out + u.end();
}

describe('Taobao\'s ="…" cells', () => {
  it("are unwrapped the same wherever a stream's chunks are cut", () => {
    const whole = unwrapEquals(TEXT);
    expect(whole).toContain("3515313147329357901,tb_小雨");
    expect(whole).toContain('a="b"'); // not a cell of its own: left to the parser
    for (let i = 0; i <= TEXT.length; i++)
      for (let j = i; j <= TEXT.length; j++) expect(streamed(TEXT, [i, j])).toBe(whole);
  });

  it("give the records the whole-file reader gives", () => {
    const w = parseCsv(VALID);
    expect(parseCsv(streamed(VALID, [7, 40, 41]))).toEqual(w);
    expect("records" in w && w.records.map((r) => r[0])).toEqual([
      "订单编号",
      "3515313147329357901",
      "",
      "3515313147329357903",
    ]);
  });
});
