"""JUnit XML, the test report GitLab merge requests and Jenkins display.

One test suite per document and one test case per rule that ran on it, so a reviewer sees
"N030 failed in drafts/a.txt" next to everything that passed. A case fails only for findings
at or above the fail-on level, so the test report agrees with the job's exit code; findings
below it are listed in the case's system-out. An unreadable document is one errored case.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from audit import ruledocs
from audit.model import SEVERITY_ORDER, AuditResult, DocumentResult, Finding
from audit.rulebook import Rule

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
READ = {"zh": "读取文档", "en": "read document"}


def _clean(text: str) -> str:
    return INVALID_XML.sub("", text)


def finding_line(f: Finding) -> str:
    loc = f.locations[0] if f.locations else None
    where = f"{loc.path}:{loc.short()}" if loc is not None else ""
    return _clean(f"{where} {f.severity} {f.rule} {f.message}".strip())


def _case(suite: ET.Element, doc: DocumentResult, name: str, findings: list[Finding], fail_on: str) -> tuple[int, int]:
    case = ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(doc.path), file=_clean(doc.path),
                         time="0")
    threshold = SEVERITY_ORDER[fail_on]
    failing = [f for f in findings if SEVERITY_ORDER[f.severity] >= threshold]
    if failing:
        worst = max(failing, key=lambda f: SEVERITY_ORDER[f.severity])
        failure = ET.SubElement(case, "failure", message=_clean(worst.message), type=worst.severity)
        failure.text = "\n".join(finding_line(f) for f in failing)
    rest = [f for f in findings if SEVERITY_ORDER[f.severity] < threshold]
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(finding_line(f) for f in rest)
    return 1, int(bool(failing))


def render_junit(result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh", fail_on: str = "error") -> str:
    root = ET.Element("testsuites", name="budget-audit")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for doc in result.documents:
        suite = ET.SubElement(root, "testsuite", name=_clean(doc.path), time="0")
        if doc.kind is not None:
            props = ET.SubElement(suite, "properties")
            ET.SubElement(props, "property", name="report-kind", value=_clean(doc.kind.label(lang)))
        tests = failures = errors = 0
        if doc.status == "unreadable":
            case = ET.SubElement(suite, "testcase", name=READ.get(lang, READ["zh"]), classname=_clean(doc.path),
                                 file=_clean(doc.path), time="0")
            ET.SubElement(case, "error", message=_clean(doc.error or "unreadable"), type="unreadable")
            tests, errors = 1, 1
        else:
            names = {r.id: f"{r.id} {ruledocs.title(r, lang)}" for r in rules}
            for f in doc.findings:
                names.setdefault(f.rule, f"{f.rule} {f.title or ''}".strip())
            for rule_id, name in names.items():
                t, fl = _case(suite, doc, name, [f for f in doc.findings if f.rule == rule_id], fail_on)
                tests, failures = tests + t, failures + fl
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        for key, value in (("tests", tests), ("failures", failures), ("errors", errors)):
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
