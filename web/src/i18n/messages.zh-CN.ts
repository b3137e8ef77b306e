// 服务器消息代码的中文文本（见 messages.ts）。键与 messages.en.ts 保持一致。
export const MESSAGES_ZH: Record<string, string> = {
  "rights.operations_required": "只有所有者和职能为“运营”的部门负责人可以这样做。部门职能由所有者在“部门”页面设置。",
  "rights.customer_service_required": "只有所有者和职能为“客服”的部门负责人可以这样做。部门职能由所有者在“部门”页面设置。",
  "rights.owner_sets_function": "只有所有者可以设置或更改部门职能（决定其负责人能做什么）。",
};
