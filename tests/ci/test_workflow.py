"""The deploy workflow is valid for GitHub Actions (schema bundled with check-jsonschema; offline)."""

import subprocess
import sys
from pathlib import Path

WORKFLOW = Path(".github/workflows/deploy.yml")


def test_deploy_workflow_matches_the_github_workflow_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_workflow_builds_with_the_projects_own_command():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "make publish" in text and "upload-pages-artifact" in text and "deploy-pages" in text
