"""Lints Helm values files for the Zero to JupyterHub chart without helm or a cluster.

    python docker/helm/lint-values.py CHART_DIR VALUES.yaml [MORE.yaml ...]

CHART_DIR holds the chart's values.yaml (its defaults) and values.schema.yaml (test/fixtures/z2jh-4.3.5).
As `helm install --values A --values B` does before rendering: the chart's defaults, then each file in
order, are merged (maps key by key, anything else replaced, a null deleting the key), and the result is
validated against the chart's JSON schema. Prints "values: OK ..." or one line per error (where, what),
and exits 0 only when the merged values are valid. Needs PyYAML and jsonschema (both in nsbook's .venv:
JupyterLab depends on them).
"""

import sys
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as missing:
    sys.exit(f"lint-values: {missing.name} is not installed: run it with nsbook's .venv/bin/python (./setup.sh makes it)")


def merge(base, override):
    """Helm's coalescing of a values file over what came before it."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return override
    merged = dict(base)
    for key, value in override.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load(path):
    try:
        data = yaml.safe_load(Path(path).read_text())
    except OSError as err:
        sys.exit(f"lint-values: cannot read {path}: {err.strerror}")
    except yaml.YAMLError as err:
        sys.exit(f"lint-values: {path} is not valid YAML: {err}")
    if data is None:
        return {}
    if not isinstance(data, dict):
        sys.exit(f"lint-values: {path} must be a YAML mapping at the top, not a {type(data).__name__}")
    return data


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: lint-values.py CHART_DIR VALUES.yaml [MORE.yaml ...] (see the top of this file)")
    chart, files = Path(argv[0]), argv[1:]
    values = load(chart / "values.yaml")
    schema = load(chart / "values.schema.yaml")
    for f in files:
        values = merge(values, load(f))
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(values), key=lambda e: list(map(str, e.absolute_path)))
    names = " + ".join(files)
    if not errors:
        print(f"values: OK {names} over the chart's defaults ({chart})")
        return 0
    for e in errors:
        where = ".".join(map(str, e.absolute_path)) or "(top)"
        print(f"values: INVALID {where}: {e.message}")
    print(f"values: {len(errors)} error(s) in {names} over the chart's defaults ({chart})")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
