"""The GitHub workflows: the README's test command on every push and pull request, on Debian;
the Pages workflow also daily, reading the rounds feeds, testing what it will publish before
building it, and deploying a daily run only when the rounds changed."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def readme_test_command() -> str:
    block = re.search(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    return next(line.split("#")[0].strip() for line in block.splitlines() if "test" in line)


def runs(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_every_push_and_pull_request_runs_the_readme_test_command_on_debian():
    workflow = load("test.yml")
    assert set(workflow["on"]) == {"push", "pull_request"} and workflow["on"]["push"] is None
    job = workflow["jobs"]["test"]
    assert job["container"].startswith("debian:")
    assert readme_test_command() == "bash scripts/test.sh"
    assert readme_test_command() in runs(job)
    assert any("python3-venv" in run and "nodejs" in run and "npm" in run for run in runs(job))


def test_pages_runs_daily_and_tests_the_refreshed_data_before_building_it():
    workflow = load("pages.yml")
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert re.fullmatch(r"\d+ \d+ \* \* \*", workflow["on"]["schedule"][0]["cron"])  # daily
    build = workflow["jobs"]["build"]
    assert build["container"].startswith("debian:")
    steps = runs(build)
    fetch = next(i for i, run in enumerate(steps) if "tools/update_rounds.py --fetch" in run)
    test = steps.index(readme_test_command())
    make = next(i for i, run in enumerate(steps) if run.startswith(".venv/bin/python build.py"))
    upload = next(i for i, step in enumerate(build["steps"]) if "upload-pages-artifact" in step.get("uses", ""))
    assert fetch < test < make < upload
    # A refused feed keeps the last good data instead of failing the run, and says so.
    assert "::warning" in steps[fetch] and "read=false" in steps[fetch]


def test_only_a_tested_build_is_deployed_and_a_daily_run_only_when_rounds_changed():
    workflow = load("pages.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["if"] == "needs.build.outputs.deploy == 'true'"
    decide = next(step for step in build["steps"] if step.get("id") == "decide")
    assert build["outputs"]["deploy"] == "${{ steps.decide.outputs.deploy }}"
    script = decide["run"]
    assert '"$EVENT" != "schedule"' in script and "cmp -s live-rounds.json site/data/rounds.json" in script
    assert '"$READ" != "true"' in script
    upload = next(step for step in build["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["if"] == "steps.decide.outputs.deploy == 'true'"


def test_the_deploy_decision_script(tmp_path):
    """The decision step's own shell, run with a live copy served from 127.0.0.1."""
    import os
    import subprocess

    from tests.harness.server import serve

    script = next(step for step in load("pages.yml")["jobs"]["build"]["steps"] if step.get("id") == "decide")["run"]
    (tmp_path / "site" / "data").mkdir(parents=True)
    (tmp_path / "site" / "data" / "rounds.json").write_text('{"rounds": [2, 1]}')
    live = tmp_path / "live"
    live.mkdir()
    server = serve(live)
    url = server.url + "rounds.json"

    def decide(event: str, read: str) -> str:
        output = tmp_path / "output"
        output.write_text("")
        env = {**os.environ, "EVENT": event, "READ": read, "LIVE": url, "GITHUB_OUTPUT": str(output)}
        subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, check=True, capture_output=True)
        return output.read_text().strip()

    try:
        assert decide("push", "false") == "deploy=true"  # a new commit is always published
        assert decide("schedule", "false") == "deploy=false"  # refused feed: the live site stays
        assert decide("schedule", "true") == "deploy=true"  # no live copy yet
        (live / "rounds.json").write_text('{"rounds": [2, 1]}')
        assert decide("schedule", "true") == "deploy=false"  # nothing new
        (live / "rounds.json").write_text('{"rounds": [1]}')
        assert decide("schedule", "true") == "deploy=true"  # a new round
    finally:
        server.close()
