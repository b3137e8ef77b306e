// The organisation's policy table lives in the core (core/org/policy.ts), so the web's buttons
// ask the very rules the services enforce.
export {
  can,
  managedDepartments,
  type DepartmentLink,
  type OrgAction,
  type OrgActor,
  type OrgTarget,
} from "../../core/org/policy.js";
