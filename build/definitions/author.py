#!/usr/bin/env python3
"""Writes the first versions of the lifecycle definitions in definitions/ as Elsa 3.8 JSON.

The JSON files are the source of truth: administrators change them in the designer, and that is what runs.
This script only helped author the first versions (Elsa's JSON is verbose) and lays the activities out left to
right so that Elsa Studio draws them readably. It rewrites only the definitions named on the command line:

    python3 build/definitions/author.py dispatch handle reply callback case-lifecycle
"""
import json
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "definitions"
STORAGE = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core"


def js(code, type_name="Object"):
    return {"typeName": type_name, "expression": {"type": "JavaScript", "value": code}}


def lit(value, type_name="String"):
    return {"typeName": type_name, "expression": {"type": "Literal", "value": value}}


def obj(value, type_name="Object"):
    return {"typeName": type_name, "expression": {"type": "Object", "value": json.dumps(value, ensure_ascii=False)}}


def ref(var, type_name="Object"):
    return {"typeName": type_name, "memoryReference": {"id": "var-" + var}}


def act(id, type, name=None, **inputs):
    a = {"id": id, "name": name or id.title().replace("-", ""), "type": type, "version": 1}
    a.update(inputs)
    return a


def complete(id, outcome, name=None):
    return act(id, "Elsa.Complete", name or outcome, outcomes=obj([outcome]))


def child(id, definition_id, type, name=None, **inputs):
    return act(id, type, name, workflowDefinitionId=definition_id, **inputs)


def variable(name, type_name="String", value=None):
    return {"id": "var-" + name, "name": name, "typeName": type_name, "isArray": False, "value": value,
            "storageDriverTypeName": STORAGE}


def field(name, type_name="String", description=""):
    return {"type": type_name, "name": name, "displayName": name, "description": description, "isArray": False,
            "uiHint": "checkbox" if type_name == "Boolean" else "singleline"}


def layout(activities, connections):
    """Columns by distance from the start along forward edges; rows in order of discovery."""
    ids = [a["id"] for a in activities]
    out = {i: [] for i in ids}
    for c in connections:
        out[c[0]].append(c[2])
    depth = {ids[0]: 0}
    queue = deque([ids[0]])
    while queue:
        n = queue.popleft()
        for t in out[n]:
            if t not in depth:
                depth[t] = depth[n] + 1
                queue.append(t)
    rows = {}
    for a in activities:
        d = depth.get(a["id"], max(depth.values()) + 1)
        row = rows.get(d, 0)
        rows[d] = row + 1
        a["customProperties"] = {"canStartWorkflow": False, "runAsynchronously": False}
        a["metadata"] = {"designer": {"position": {"x": d * 260, "y": row * 120}, "size": {"width": 220, "height": 50}}}


def definition(definition_id, name, description, activities, connections, variables=(), inputs=(), outputs=(),
               outcomes=(), usable_as_activity=True):
    layout(activities, connections)
    return {
        "id": definition_id + "-v1",
        "definitionId": definition_id,
        "name": name,
        "description": description,
        "version": 1,
        "toolVersion": "3.8.0",
        "variables": list(variables),
        "inputs": list(inputs),
        "outputs": list(outputs),
        "outcomes": list(outcomes),
        "customProperties": {},
        "isReadonly": False,
        "isSystem": False,
        "isLatest": True,
        "isPublished": True,
        "options": {"usableAsActivity": usable_as_activity, "autoUpdateConsumingWorkflows": False},
        "root": {
            "id": definition_id + "-flowchart",
            "name": "Flowchart1",
            "type": "Elsa.Flowchart",
            "version": 1,
            "customProperties": {"notFoundConnections": []},
            "metadata": {},
            "activities": activities,
            "connections": [{"source": {"activity": s, "port": p}, "target": {"activity": t, "port": "In"}}
                            for s, p, t in connections],
        },
    }


CENTRE = "RX-PD"      # the hotline centre's dispatch desk: returns, extensions, answers, manual dispatch
CALLBACK = "RX-HF"    # the hotline centre's callback desk


def dispatch():
    activities = [
        act("start", "Elsa.Start", "Start"),
        act("route", "Hotline.RouteToUnits", "RouteToUnits", caseId=js("getCaseId()", "String"),
            subjectCode=js("getSubjectCode()", "String"), districtCode=js("getDistrictCode()", "String"),
            leadUnitCode=ref("LeadUnitCode", "String")),
        act("desk", "Hotline.CreateInboxTask", "ManualDispatch", caseId=js("getCaseId()", "String"),
            unitCode=lit(CENTRE), kind=lit("dispatch"), taskName=lit("人工派单"),
            possibleOutcomes=obj(["Dispatched"], "List<String>"), result=ref("DeskResult")),
        act("assign", "Hotline.AssignUnit", "AssignUnit", caseId=js("getCaseId()", "String"),
            unitCode=js("getDeskResult().unitCode", "String"), mode=lit("Dispatch"),
            note=js("getDeskResult().note || null", "String"), leadUnitCode=ref("LeadUnitCode", "String")),
        act("output-lead", "Elsa.SetOutput", "OutputLeadUnitCode", outputName=lit("LeadUnitCode"),
            outputValue=js("getLeadUnitCode()")),
        complete("dispatched", "Dispatched"),
    ]
    connections = [("start", "Done", "route"), ("route", "Done", "output-lead"), ("route", "DispatchDesk", "desk"),
                   ("desk", "Dispatched", "assign"), ("assign", "Done", "output-lead"),
                   ("output-lead", "Done", "dispatched")]
    return definition(
        "dispatch", "Dispatch",
        "派单/转办: routes a work order to its lead unit (主办) and assisting units (协办) by subject and district "
        "(按责转办). When no routing rule covers it, a dispatcher at the centre's desk chooses the unit. Ends with "
        "Dispatched; the lead unit is the LeadUnitCode output.",
        activities, connections,
        variables=[variable("LeadUnitCode"), variable("DeskResult", "Object")],
        inputs=[field("CaseId"), field("SubjectCode"), field("DistrictCode")],
        outputs=[field("LeadUnitCode")], outcomes=["Dispatched"])


def handle():
    activities = [
        act("start", "Elsa.Start", "Start"),
        act("fork", "Elsa.FlowFork", "LeadAndAssisting", branches=obj(["Lead", "Assisting"])),
        act("set-unit", "Elsa.SetVariable", "HandlingUnit", variable=variable("HandlingUnit"),
            value=js("getUnitCode()")),
        act("task", "Hotline.CreateInboxTask", "Handle", caseId=js("getCaseId()", "String"),
            unitCode=js("getHandlingUnit()", "String"), kind=lit("handle"),
            possibleOutcomes=obj(["Completed", "Returned", "ExtensionRequested", "SubDispatched"], "List<String>"),
            result=ref("Result")),
        act("review-extension", "Hotline.CreateInboxTask", "ReviewExtension", caseId=js("getCaseId()", "String"),
            unitCode=lit(CENTRE), kind=lit("review-extension"), taskName=lit("延期审核"),
            possibleOutcomes=obj(["Approved", "Rejected"], "List<String>"),
            payload=js("({ requestedDays: getResult().days, reason: getResult().reason, unitCode: getHandlingUnit() })"),
            result=ref("Review")),
        act("extend", "Hotline.ExtendDeadline", "ExtendDeadline", caseId=js("getCaseId()", "String"),
            days=js("(getReview() && getReview().days) || getResult().days", "Int32"),
            deadlineAt=ref("DeadlineAt", "String")),
        act("tell-citizen", "Hotline.Notify", "TellCitizen", caseId=js("getCaseId()", "String"),
            recipient=lit("Citizen"), channel=lit("Sms"),
            text=js("'您反映的问题承办单位申请延期，已获批准，办理期限延至' + getDeadlineAt().substring(0, 10) + '。'", "String")),
        act("sub-dispatch", "Hotline.AssignUnit", "SubDispatch", caseId=js("getCaseId()", "String"),
            unitCode=js("getResult().unitCode", "String"), mode=lit("SubDispatch"),
            note=js("getResult().note || null", "String"), leadUnitCode=ref("HandlingUnit", "String")),
        act("output-answer", "Elsa.SetOutput", "OutputAnswer", outputName=lit("Answer"),
            outputValue=js("getResult().answer")),
        act("output-unit", "Elsa.SetOutput", "OutputHandledBy", outputName=lit("HandledBy"),
            outputValue=js("getHandlingUnit()")),
        act("assist", "Hotline.RequestAssistance", "RequestAssistance", caseId=js("getCaseId()", "String")),
        act("join", "Elsa.FlowJoin", "AnswerAndOpinions", mode=lit("WaitAll")),
        complete("completed", "Completed"),
        complete("returned", "Returned"),
    ]
    connections = [
        ("start", "Done", "fork"), ("fork", "Lead", "set-unit"), ("fork", "Assisting", "assist"),
        ("set-unit", "Done", "task"),
        ("task", "Completed", "output-answer"), ("output-answer", "Done", "output-unit"), ("output-unit", "Done", "join"),
        ("assist", "Done", "join"), ("join", "Done", "completed"),
        ("task", "Returned", "returned"),
        ("task", "ExtensionRequested", "review-extension"),
        ("review-extension", "Approved", "extend"), ("extend", "Done", "tell-citizen"), ("tell-citizen", "Done", "task"),
        ("review-extension", "Rejected", "task"),
        ("task", "SubDispatched", "sub-dispatch"), ("sub-dispatch", "Done", "task"),
    ]
    return definition(
        "handle", "Handle",
        "办理: the lead unit handles the case through its inbox while every assisting unit (协办) gives its opinion. "
        "The unit may ask for an extension before the deadline (延期: the centre approves, the deadline moves by the "
        "approved working days and the citizen is told, or refuses) or pass the case to a subordinate unit (二级派单); "
        "either way it gets a new task. Ends with Completed (the unit's answer, once the assisting units have answered) "
        "or Returned (退单, a mis-routed case: the assisting units' tasks are withdrawn).",
        activities, connections,
        variables=[variable("HandlingUnit"), variable("Result", "Object"), variable("Review", "Object"),
                   variable("DeadlineAt")],
        inputs=[field("CaseId"), field("UnitCode")],
        outputs=[field("Answer"), field("HandledBy", description="The unit that handled the case (a subordinate unit after a sub-dispatch).")],
        outcomes=["Completed", "Returned"])


def reply():
    activities = [
        act("start", "Elsa.Start", "Start"),
        act("review", "Hotline.CreateInboxTask", "ReviewAnswer", caseId=js("getCaseId()", "String"),
            unitCode=lit(CENTRE), kind=lit("review-answer"), taskName=lit("审核办结"),
            possibleOutcomes=obj(["Approved", "Rejected"], "List<String>"),
            payload=js("({ answer: getAnswer() })"), result=ref("Review")),
        act("reply", "Hotline.ReplyToCitizen", "ReplyToCitizen", caseId=js("getCaseId()", "String"),
            text=js("(getReview() && getReview().text) || getAnswer()", "String"), channel=lit("Sms")),
        complete("replied", "Replied"),
        complete("sent-back", "SentBack"),
    ]
    connections = [("start", "Done", "review"), ("review", "Approved", "reply"), ("reply", "Done", "replied"),
                   ("review", "Rejected", "sent-back")]
    return definition(
        "reply", "Reply",
        "答复: the centre checks the unit's answer (审核办结). Accepted: the citizen is answered (the reviewer may edit "
        "the text) and the case waits for its callback (Replied). Not good enough: SentBack, the unit handles it again.",
        activities, connections,
        variables=[variable("Review", "Object")],
        inputs=[field("CaseId"), field("Answer")], outcomes=["Replied", "SentBack"])


def callback():
    activities = [
        act("start", "Elsa.Start", "Start"),
        act("call", "Hotline.CreateInboxTask", "CallBack", caseId=js("getCaseId()", "String"),
            unitCode=lit(CALLBACK), kind=lit("callback"), taskName=lit("回访"),
            possibleOutcomes=obj(["Satisfied", "BasicallySatisfied", "Unsatisfied", "Unreachable"], "List<String>"),
            payload=js("({ attempt: getAttempts() + 1 })"), result=ref("Result")),
        act("set-satisfied", "Elsa.SetVariable", "Satisfied", variable=variable("Satisfaction"),
            value=lit("Satisfied", "Object")),
        act("set-basically", "Elsa.SetVariable", "BasicallySatisfied", variable=variable("Satisfaction"),
            value=lit("BasicallySatisfied", "Object")),
        act("set-unsatisfied", "Elsa.SetVariable", "Unsatisfied", variable=variable("Satisfaction"),
            value=lit("Unsatisfied", "Object")),
        act("output-satisfaction", "Elsa.SetOutput", "OutputSatisfaction", outputName=lit("Satisfaction"),
            outputValue=js("getSatisfaction()")),
        act("output-resolved", "Elsa.SetOutput", "OutputResolved", outputName=lit("Resolved"),
            outputValue=js("getResult().resolved === true")),
        act("resolved", "Elsa.FlowDecision", "SatisfiedAndResolved",
            condition=js("getResult().resolved === true && getSatisfaction() != 'Unsatisfied'", "Boolean")),
        act("count", "Elsa.SetVariable", "CountAttempt", variable=variable("Attempts", "Int32", "0"),
            value=js("getAttempts() + 1")),
        act("again", "Elsa.FlowDecision", "TryAgain", condition=js("getAttempts() < getMaxAttempts()", "Boolean")),
        act("wait", "Hotline.WaitForDeadline", "WaitTwoWorkingHours", caseId=js("getCaseId()", "String"),
            anchor=lit("Now"), offset=lit(2, "Int32"), unit=lit("WorkingHours")),
        complete("satisfied", "Satisfied"),
        complete("unsatisfied", "Unsatisfied"),
        complete("unreachable", "Unreachable"),
    ]
    connections = [
        ("start", "Done", "call"),
        ("call", "Satisfied", "set-satisfied"), ("call", "BasicallySatisfied", "set-basically"),
        ("call", "Unsatisfied", "set-unsatisfied"),
        ("set-satisfied", "Done", "output-satisfaction"), ("set-basically", "Done", "output-satisfaction"),
        ("set-unsatisfied", "Done", "output-satisfaction"),
        ("output-satisfaction", "Done", "output-resolved"), ("output-resolved", "Done", "resolved"),
        ("resolved", "True", "satisfied"), ("resolved", "False", "unsatisfied"),
        ("call", "Unreachable", "count"), ("count", "Done", "again"), ("again", "True", "wait"),
        ("wait", "Done", "call"), ("again", "False", "unreachable"),
    ]
    return definition(
        "callback", "Callback",
        "回访: the callback desk calls the citizen after the reply: satisfied / basically satisfied / unsatisfied, "
        "and whether the problem was resolved. Satisfied or basically satisfied and resolved: Satisfied. Unsatisfied "
        "or unresolved: Unsatisfied (the case is handled again). Unreachable: tried again after 2 working hours, "
        "up to MaxAttempts calls (default 3), then Unreachable.",
        activities, connections,
        variables=[variable("Result", "Object"), variable("Attempts", "Int32", "0"), variable("Satisfaction")],
        inputs=[field("CaseId"), field("MaxAttempts", "Int32", "Calls before the citizen counts as unreachable (default 3).")],
        outputs=[field("Satisfaction"), field("Resolved", "Boolean")],
        outcomes=["Satisfied", "Unsatisfied", "Unreachable"])


def case_lifecycle():
    existing = json.loads((ROOT / "case-lifecycle.json").read_text(encoding="utf-8"))
    old = {a["id"]: a for a in existing["root"]["activities"]}
    for a in old.values():
        a.pop("metadata", None)
        a.pop("customProperties", None)
    cid = js("getCaseId()", "String")
    activities = [
        old["start"], old["accept"], old["deadlines"], old["deadline"],
        child("dispatch", "dispatch", "Dispatch", "Dispatch", caseId=cid,
              subjectCode=js("getSubjectCode()", "String"), districtCode=js("getDistrictCode()", "String"),
              leadUnitCode=ref("HandlingUnit", "String")),
        act("fork", "Elsa.FlowFork", "HandleAndSupervise", branches=obj(["Handle", "Supervise"])),
        child("handle", "handle", "Handle", "Handle", caseId=cid, unitCode=js("getHandlingUnit()", "String"),
              answer=ref("Answer", "String"), handledBy=ref("HandlingUnit", "String")),
        act("review-return", "Hotline.CreateInboxTask", "ReviewReturn", caseId=cid, unitCode=lit(CENTRE),
            kind=lit("review-return"), taskName=lit("退单审核"),
            possibleOutcomes=obj(["Approved", "Rejected"], "List<String>"),
            payload=js("({ returnedBy: getHandlingUnit() })"), result=ref("ReturnReview")),
        act("redispatch", "Hotline.AssignUnit", "Redispatch", caseId=cid,
            unitCode=js("getReturnReview().unitCode", "String"), mode=lit("Dispatch"),
            note=js("getReturnReview().note || null", "String"), leadUnitCode=ref("HandlingUnit", "String")),
        child("reply", "reply", "Reply", "Reply", caseId=cid, answer=js("getAnswer()", "String")),
        child("escalation", "escalation-13710", "Escalation13710", "Escalation13710", caseId=cid,
              isComplex=lit(False, "Boolean")),
        act("join", "Elsa.FlowJoin", "HandlingEnds", mode=lit("WaitAny")),
        child("callback", "callback", "Callback", "Callback", caseId=cid, maxAttempts=lit(3, "Int32"),
              satisfaction=ref("Satisfaction", "String"), resolved=ref("Resolved", "Boolean")),
        act("rehandle", "Elsa.FlowDecision", "HandleAgain", condition=js("getRound() < getMaxRehandles()", "Boolean")),
        act("reopen", "Hotline.ReopenCase", "ReopenCase", caseId=cid,
            reason=js("'回访不满意：' + (getSatisfaction() || '') + (getResolved() ? '' : '，问题未解决')", "String")),
        act("next-round", "Elsa.SetVariable", "NextRound", variable=variable("Round", "Int32", "0"),
            value=js("getRound() + 1")),
        act("redeadline", "Hotline.ComputeDeadline", "NewDeadline", caseId=cid,
            limitDays=js("getLimitDays()", "Int32"), unit=js("getUnit()", "String"),
            ruleName=js("getRuleName()", "String"), reason=lit("rehandle"),
            ruleDefinitionId=lit("category-deadlines"), deadlineAt=ref("DeadlineAt", "String")),
        act("close", "Hotline.CloseCase", "CloseCase", caseId=cid, result=js("getSatisfaction()", "String"),
            resolved=js("getResolved()", "Boolean")),
        act("close-unreachable", "Hotline.CloseCase", "CloseUnreachable", caseId=cid,
            result=lit("Unreachable")),
        act("closed", "Elsa.End", "Closed"),
        old["answered"],
    ]
    activities = [a for a in activities if a is not None]
    connections = [
        ("start", "Done", "accept"), ("accept", "AnsweredDirectly", "answered"), ("accept", "WorkOrder", "deadlines"),
        ("deadlines", "Done", "deadline"), ("deadline", "Done", "dispatch"), ("dispatch", "Dispatched", "fork"),
        ("fork", "Handle", "handle"), ("fork", "Supervise", "escalation"),
        ("handle", "Completed", "reply"), ("reply", "Replied", "join"), ("reply", "SentBack", "handle"),
        ("handle", "Returned", "review-return"), ("review-return", "Approved", "redispatch"),
        ("redispatch", "Done", "handle"), ("review-return", "Rejected", "handle"),
        ("escalation", "Done", "join"),
        ("join", "Done", "callback"),
        ("callback", "Satisfied", "close"), ("callback", "Unreachable", "close-unreachable"),
        ("callback", "Unsatisfied", "rehandle"), ("rehandle", "True", "reopen"), ("rehandle", "False", "close"),
        ("reopen", "Done", "next-round"), ("next-round", "Done", "redeadline"), ("redeadline", "Done", "fork"),
        ("close", "Done", "closed"), ("close-unreachable", "Done", "closed"),
    ]
    variables = list(existing["variables"])
    names = {v["name"] for v in variables}
    for v in [variable("HandlingUnit"), variable("Answer"), variable("ReturnReview", "Object"),
              variable("Satisfaction"), variable("Resolved", "Boolean"), variable("Round", "Int32", "0"),
              variable("MaxRehandles", "Int32", "1")]:
        if v["name"] not in names:
            variables.append(v)
    result = definition(
        "case-lifecycle", "Case Lifecycle",
        "A citizen's case from acceptance to closing (闭环): accept; a work order gets its category deadline and is "
        "dispatched; the unit handles it while the escalation ladder (13710) runs beside; a return is reviewed by the "
        "centre and re-dispatched or sent back; the centre checks the answer and replies; the callback closes the "
        "case, or an unsatisfied citizen sends it back to the same unit with a new deadline and a second callback "
        "(MaxRehandles rounds, default 1).",
        activities, connections, variables=variables, inputs=existing["inputs"], usable_as_activity=False)
    return result


BUILDERS = {"dispatch": dispatch, "handle": handle, "reply": reply, "callback": callback,
            "case-lifecycle": case_lifecycle}

if __name__ == "__main__":
    for name in sys.argv[1:]:
        document = BUILDERS[name]()
        (ROOT / (name + ".json")).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print("wrote", name)
