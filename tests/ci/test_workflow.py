"""The deploy workflow is valid for GitHub Actions (the schema bundled with check-jsonschema,
offline) and builds the site the project's own way."""

import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github/workflows/deploy.yml"


def check_workflow(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, check=False, timeout=120,
    )


def workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def test_the_deploy_workflow_matches_the_github_workflow_schema():
    result = check_workflow(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps: not-a-list\n", encoding="utf-8")
    result = check_workflow(broken)
    assert result.returncode != 0, "the schema check passes anything: is it really validating?"


def test_it_runs_on_pushes_to_main_with_the_pages_permissions():
    loaded = workflow()
    assert loaded["on"]["push"]["branches"] == ["main"]
    assert loaded["permissions"]["pages"] == "write"
    assert loaded["permissions"]["id-token"] == "write"


def test_it_builds_with_make_publish_for_the_address_pages_reports():
    build = steps("build")
    uses = [step.get("uses", "") for step in build]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    python = next(step for step in build if step.get("uses", "").startswith("actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"
    pages = next(step for step in build if step.get("uses", "").startswith("actions/configure-pages@"))
    make = next(step for step in build if "run" in step)
    assert make["run"].strip() == "make publish"
    expected = "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert make["env"]["SITEURL"] == expected
    assert uses.index(pages["uses"]) < build.index(make)
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "output"
    assert build.index(make) < build.index(upload)


def test_it_deploys_the_uploaded_artifact_to_pages():
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
