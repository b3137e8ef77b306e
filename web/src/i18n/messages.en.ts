// English texts of the server's message codes (see messages.ts). Keep the keys in step with messages.zh-CN.ts.
export const MESSAGES_EN: Record<string, string> = {
  "rights.operations_required": "Only the owner and the leads of a department with the Operations function may do this. The owner sets a department's function on the Departments page.",
  "rights.customer_service_required": "Only the owner and the leads of a department with the Customer service function may do this. The owner sets a department's function on the Departments page.",
  "rights.owner_sets_function": "Only the owner sets or changes a department's function (what its leads may do).",
};
