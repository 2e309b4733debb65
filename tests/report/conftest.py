from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reconciler import pipeline
from reconciler.records import Result
from reconciler.report import document, schema

SCRIPT_INJECTION = "<script>document.title='pwned'</script>"
ATTRIBUTE_INJECTION = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"

# The injections sit beside a weekday mismatch (2 November 2024 was a Saturday) so that they
# land in a conflict's evidence context, text the report shows.
HOSTILE_PAGE = f"""Lavrov meets Choe Son Hui {SCRIPT_INJECTION}

MOSCOW — Russian Foreign Minister Sergei Lavrov met North Korean Foreign Minister Choe Son Hui
in Moscow on {SCRIPT_INJECTION} Friday, 2 November 2024 {ATTRIBUTE_INJECTION} the ministry said.
"""


@pytest.fixture(scope="session")
def hostile_seeds(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seed pages plus one page whose text tries to run script in a report."""
    folder = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(seeds_dir, folder)
    (folder / "hostile.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seeds_result(hostile_seeds: Path) -> Result:
    return pipeline.run([hostile_seeds])


@pytest.fixture(scope="session")
def seeds_document(seeds_result: Result) -> dict[str, Any]:
    # Through JSON, as a renderer reading a saved report would see it.
    return json.loads(json.dumps(document.build(seeds_result), ensure_ascii=False))


@pytest.fixture(scope="session")
def report_validator() -> jsonschema.Draft202012Validator:
    shipped = schema.load()
    jsonschema.Draft202012Validator.check_schema(shipped)
    return jsonschema.Draft202012Validator(shipped)
