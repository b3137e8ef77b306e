// The texts of a pay plan that a reader sees (rule labels, the description) as messages. What the
// owner wrote is shown as written (`pay.text`); a text the shipped templates wrote — in either
// language, or as the bilingual "中文 English" the templates carried before messages had codes — is
// the template's catalog code, so a plan made from a template (the demo's, for one) reads in the
// reader's language until the owner rewrites it. Pure: the engine, the services and the web use it.
import { msg, renderMessage, type Message, type MessageCode } from "../messages/index.js";

/** The template texts, with the bilingual text a template carried before (for plans made then). */
const TEMPLATE_TEXTS: readonly { code: MessageCode; before?: string }[] = [
  {
    code: "pay.tpl.operations.description",
    before:
      "店铺销售额超额累进提成，未达目标 80% 不计提。Shop GMV commission on marginal tiers (超额累进), nothing below 80 % of target.",
  },
  { code: "pay.tpl.operations.shop_gmv" },
  {
    code: "pay.tpl.cs.description",
    before:
      "个人归属销售额提成、未归属销售额 1% 的公共池均分、客服考核奖金。Attributed sales commission, an equal share of 1 % of unattributed sales, and the CS scorecard bonus.",
  },
  { code: "pay.tpl.cs.attributed" },
  { code: "pay.tpl.cs.scorecard" },
  { code: "pay.tpl.cs.inquiry_conversion" },
  { code: "pay.tpl.cs.payment_rate" },
  { code: "pay.tpl.cs.first_response" },
  { code: "pay.tpl.cs.average_response" },
  { code: "pay.tpl.cs.other" },
  { code: "pay.tpl.cs.review_turned_good" },
  { code: "pay.tpl.cs.unattributed_pool" },
  {
    code: "pay.tpl.design.description",
    before:
      "按时交付图片计件奖励，迟交扣款。Bonus on images delivered on time; each late image costs.",
  },
  { code: "pay.tpl.design.images" },
  { code: "pay.tpl.design.goals" },
  { code: "pay.tpl.design.late_image" },
  {
    code: "pay.tpl.logistics.description",
    before:
      "按发货包裹计件，错发每单 −10 元，当月无延迟交接 +100 元。Per parcel shipped, −10 元 per wrong shipment, +100 元 for a month with no late hand-over.",
  },
  { code: "pay.tpl.logistics.parcels" },
  { code: "pay.tpl.logistics.wrong_shipment" },
  { code: "pay.tpl.logistics.no_late_handover" },
];

const BY_TEXT = new Map<string, MessageCode>();
for (const t of TEMPLATE_TEXTS) {
  const zh = renderMessage("zh-CN", msg(t.code));
  const en = renderMessage("en", msg(t.code));
  BY_TEXT.set(zh, t.code);
  BY_TEXT.set(en, t.code);
  BY_TEXT.set(t.before ?? `${zh} ${en}`, t.code);
}

/** A text of a plan (a rule's label, the description) as a message: the template's code, or as written. */
export function planText(text: string): Message {
  const code = BY_TEXT.get(text.trim());
  return code ? msg(code) : msg("pay.text", { text });
}

/** A template text in Chinese (the templates are written in the shop's language; readers get theirs). */
export const templateText = (code: MessageCode): string => renderMessage("zh-CN", msg(code));
