// Sets up a workspace through the API (as a script would) for the plans and daily-loop journeys:
// an owner, a department led by a lead, a member in it, and a plan with tasks assigned to the member.
export interface ApiSession {
  base: string;
  cookie: string;
}

export async function call<T>(
  s: ApiSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${s.base}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", origin: s.base, cookie: s.cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function session(base: string, path: string, body: unknown): Promise<ApiSession> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  return { base, cookie: res.headers.get("set-cookie")!.split(";")[0]! };
}

export interface DailyFixture {
  owner: { email: string; password: string; id: string };
  lead: { email: string; password: string; id: string; name: string };
  member: { email: string; password: string; id: string; name: string };
  planId: string;
  tasks: Record<string, string>;
}

/**
 * A shop with a 设计 department (lead 吴桐, designer 郑小雅) and one plan whose tasks are assigned
 * to the designer, each after the one before it (the hero images before the page that shows
 * them): `tasks` is name → id. A task's `deadline` is optional.
 *
 * The order is a dependency, not the order of creation: today's hours stay pinned only on work
 * someone logged (docs/ENGINE.md, the plans module's signals), so nothing logged yet, the engine
 * places the tasks afresh and would otherwise start with the longest.
 */
export async function dailyFixture(
  base: string,
  opts: {
    locale?: "zh-CN" | "en";
    today: string;
    tasks: { name: string; hours: number; deadline?: string }[];
  },
): Promise<DailyFixture> {
  const en = opts.locale === "en";
  const owner = { email: "owner@shop.test", password: "owner-pass-1" };
  const s = await session(base, "/auth/signup", {
    workspaceName: en ? "Bloom Apparel" : "花间服饰",
    name: en ? "Alex Chen" : "周店长",
    email: owner.email,
    password: owner.password,
    ...(en && { locale: "en" }),
  });
  const me = await call<{ member: { id: string } }>(s, "GET", "/me");
  const dept = await call<{ id: string; version: number }>(s, "POST", "/departments", {
    name: en ? "Design" : "设计",
  });
  const leadPw = "lead-pass-1";
  const memberPw = "member-pass-1";
  const lead = await call<{ id: string; name: string }>(s, "POST", "/members", {
    name: en ? "Tong Wu" : "吴桐",
    email: "lead@shop.test",
    password: leadPw,
    role: "lead",
    departmentId: dept.id,
  });
  await call(s, "PATCH", `/departments/${dept.id}`, {
    version: dept.version,
    leadMemberId: lead.id,
  });
  const member = await call<{ id: string; name: string }>(s, "POST", "/members", {
    name: en ? "Xiaoya Zheng" : "郑小雅",
    email: "member@shop.test",
    password: memberPw,
    departmentId: dept.id,
  });
  const plan = await call<{ id: string }>(s, "POST", "/plans", {
    name: en ? "Spring launch" : "春季上新",
    startDate: opts.today,
  });
  const tasks: Record<string, string> = {};
  let previous: string | undefined;
  for (const t of opts.tasks) {
    const r = await call<{ task: { id: string } }>(s, "POST", `/plans/${plan.id}/tasks`, {
      name: t.name,
      effortHours: t.hours,
      assigneeMemberId: member.id,
      ...(t.deadline && { deadline: t.deadline }),
      ...(previous && { dependsOn: [{ taskId: previous }] }),
    });
    tasks[t.name] = r.task.id;
    previous = r.task.id;
  }
  return {
    owner: { ...owner, id: me.member.id },
    lead: { email: "lead@shop.test", password: leadPw, id: lead.id, name: lead.name },
    member: { email: "member@shop.test", password: memberPw, id: member.id, name: member.name },
    planId: plan.id,
    tasks,
  };
}

/** Opens the demo shop (with the server's clock) and returns the owner's login. */
/** Signs in through the API, as a script would. */
export const login = (base: string, email: string, password: string): Promise<ApiSession> =>
  session(base, "/auth/login", { email, password });

export async function openDemo(base: string): Promise<{ email: string; password: string }> {
  // Without last month's goals and pay: the journeys set those up themselves.
  const res = await fetch(`${base}/api/v1/demo`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ history: false }),
  });
  if (!res.ok) throw new Error(`demo → ${res.status} ${await res.text()}`);
  // The answer also lists the accounts to try; the journeys sign in with the owner's login alone.
  const { email, password } = (await res.json()) as { email: string; password: string };
  return { email, password };
}
