// English texts of the goals area's message codes (see index.ts). Keys: "goals.…" or the area's own prefixes.
export const GOALS_EN = {
  // What a not-found or a stale write is about (a nested `what`).
  "goals.entity.cycle": "goal cycle",
  "goals.entity.goal": "goal",
  "goals.entity.assessment": "assessment",
  "goals.entity.member": "member",
  "goals.not_found": "This {what} does not exist (it was deleted or belongs to another workspace).",
  "goals.stale_version":
    "This {what} was changed by someone else (now version {current}); reload and try again.",
  // A goal's status, as a nested message.
  "goals.status.draft": "draft",
  "goals.status.proposed": "proposed",
  "goals.status.agreed": "agreed",
  "goals.status.returned": "sent-back",
  // Rights (core/goals/policy.ts).
  "goals.cycle.owner_only": "Only the owner creates and changes goal cycles.",
  "goals.read_forbidden": "You may only see your own goals, or those of the people you manage.",
  "goals.edit_forbidden":
    "Goals are drafted, changed, proposed and removed by the person they are for (a department's lead for its goals), by their lead or by the owner.",
  "goals.answer_forbidden": "A goal is agreed or sent back by the side that did not propose it.",
  "goals.remind_forbidden": "Reminders are sent by leads and the owner.",
  "goals.assessment.read_forbidden":
    "You may only see your own assessment, or those of the people you manage.",
  "goals.assessment.self_only": "The self-assessment is written by the member themselves.",
  "goals.assessment.review_forbidden": "The review is written by the member's lead or the owner.",
  "goals.evaluation.read_forbidden":
    "You may only see your own evaluation, or those of the people you manage.",
  // Cycles and goals.
  "goals.cycle.name_required": "Give the cycle a name.",
  "goals.cycle_unknown": "There is no such goal cycle.",
  "goals.cycle_closed": "The goal cycle is closed.",
  "goals.title_required": "Give the goal a title.",
  "goals.subject_one": "A goal is for a member or for a department: give exactly one of the two.",
  "goals.member_inactive": "There is no such active member.",
  "goals.department_unknown": "There is no such department.",
  "goals.shop_unknown": "The goal names a shop that does not exist.",
  "goals.shop_unknown_field": "There is no such shop.",
  "goals.weight.range": "Enter a whole number from 1 to 100.",
  "goals.weight.total": "The weights must add up to 100 (they add up to {total}).",
  "goals.weights_before_propose":
    "The goals' weights must add up to 100 before they are proposed or agreed (they add up to {total}).",
  "goals.agreed_reopen_first": "An agreed goal changes only by a new agreement: reopen it first.",
  "goals.proposed_answer_first": "The goal is proposed: agree or send it back first.",
  "goals.delete_agreed": "Only a goal that was never agreed and is not proposed can be removed.",
  "goals.cannot_propose": "A {status} goal cannot be proposed.",
  "goals.cannot_agree": "A {status} goal cannot be agreed.",
  "goals.cannot_return": "A {status} goal cannot be sent back.",
  "goals.return_comment_required": "Say why the goal goes back.",
  "goals.reopen_agreed_only": "Only an agreed goal is reopened; change a draft directly.",
  "goals.final_no_change":
    "The cycle's result is final for this member; the goal no longer changes.",
  "goals.assessed_no_change":
    "The self-assessment is submitted; the goals it assesses no longer change.",
  // Self-assessment, review, final score.
  "goals.assessment.unknown_goals":
    "The assessment names goals that are not this member's in the cycle.",
  "goals.assessment.not_member_goal": "Not one of this member's goals in the cycle.",
  "goals.assessment.listed_twice": "A goal is listed twice.",
  "goals.assessment.goals_not_agreed":
    "Every goal of the cycle must be agreed before the self-assessment.",
  "goals.assessment.already_submitted": "The self-assessment is already submitted.",
  "goals.assessment.incomplete": "The self-assessment is not complete.",
  "goals.assessment.actual_from_data": "A KPI-bound goal's actual comes from the shop data.",
  "goals.assessment.report_required": "Write the report before submitting.",
  "goals.assessment.self_score_required": "A self score is needed to submit.",
  "goals.assessment.self_score_missing": "A self score is needed for “{goal}”.",
  "goals.assessment.already_final": "The result is already final.",
  "goals.assessment.not_submitted": "The member has not submitted the self-assessment yet.",
  "goals.assessment.scores_required": "Every goal needs a review score before the result is final.",
  "goals.assessment.score_missing": "“{goal}” has no review score.",
  // Notifications.
  "goals.notice.proposed": "Goal to agree: {title}",
  "goals.notice.agreed": "Goal agreed: {title}",
  "goals.notice.returned": "Goal sent back: {title}",
  "goals.notice.self_assessed": "Self-assessment to review: {name}",
  "goals.notice.final": "Your result for {cycle}: {score}",
  "goals.notice.in_cycle": "Goal cycle: {cycle}",
  "goals.notice.comment": "Reason: {comment}",
  "goals.notice.review_comment": "Review: {comment}",
  // Reminders: the title and the lines of what is due.
  "goals.reminder.title": "Goals to do: {cycle}",
  "goals.reminder.set": "Set your goals",
  "goals.reminder.propose": "Propose your goals",
  "goals.reminder.agree": "Agree your goals",
  "goals.reminder.self_due": "Self-assessment due {date}",
  "goals.reminder.self_overdue": "Self-assessment overdue (was due {date})",
  "goals.reminder.review": "Review the self-assessments of {names}",
  // A goal's unit (core/goals/units.ts): the unit alone, and a target or actual with it.
  "unit.yuan": "¥",
  "unit.percent": "%",
  "unit.second": "s",
  "unit.order": "orders",
  "unit.yuan.value": "¥{value:num}",
  "unit.percent.value": "{value:num}%",
  "unit.second.value": "{value:num} s",
  "unit.order.value": "{value:num} orders",
  "unit.none.value": "{value:num}",
  "unit.text.value": "{value:num} {unit}",
} as const satisfies Record<string, string>;
