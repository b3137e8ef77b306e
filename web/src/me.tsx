// The signed-in person for every page: one MeProvider over the /me query (and the department list
// the policy actor needs), read with useMe() — no `me` prop handed down and no /me lookup per page.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useDepartments, useMe as useMeQuery } from "./api/hooks";
import { signedIn, type SignedIn } from "./signedIn";

export type { SignedIn } from "./signedIn";

const MeContext = createContext<SignedIn | null>(null);

/** Mounted by App around every signed-in page; the departments are asked for only once signed in. */
export function MeProvider({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const departments = useDepartments(!!me.data);
  const value = useMemo(
    () => (me.data ? signedIn(me.data, departments.data?.items) : null),
    [me.data, departments.data],
  );
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** The signed-in member, workspace, role and policy actor; only inside a signed-in page. */
export function useMe(): SignedIn {
  const value = useContext(MeContext);
  if (!value) throw new Error("useMe() is for signed-in pages (inside MeProvider, under SignedIn)");
  return value;
}
