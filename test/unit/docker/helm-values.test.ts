// docker/helm/values.yaml (and values-sysbox.yaml over it) linted as helm would before rendering: merged over
// the Zero to JupyterHub chart's defaults and validated against the chart's values schema (chart 4.3.5,
// test/fixtures/z2jh-4.3.5), by docker/helm/lint-values.py. No cluster and no helm here: this is as far as
// the values can be checked (see the README's Kubernetes section).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeWhen, type Requirement } from "../../support/requirements.js";

const root = resolve(__dirname, "../../..");
const chart = join(root, "test/fixtures/z2jh-4.3.5");
const lint = join(root, "docker/helm/lint-values.py");
const values = join(root, "docker/helm/values.yaml");
const sysbox = join(root, "docker/helm/values-sysbox.yaml");

/** A Python with PyYAML and jsonschema: the checkout's .venv (JupyterLab brings both), else python3. */
function findPython(): { python?: string; req: Requirement } {
  const candidates = [process.env.NSBOOK_PYTHON, join(root, ".venv/bin/python"), "python3"].filter(
    (p): p is string => Boolean(p),
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import jsonschema, yaml"], { stdio: "ignore" });
    if (probe.status === 0) return { python, req: { ok: true, reason: "" } };
  }
  return {
    req: {
      ok: false,
      reason: `needs a Python with PyYAML and jsonschema (tried ${candidates.join(", ")}): ./setup.sh makes .venv, or apt-get install python3-yaml python3-jsonschema`,
    },
  };
}

const { python, req } = findPython();

function runLint(...files: string[]): { status: number | null; out: string } {
  const r = spawnSync(python as string, [lint, chart, ...files], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** The values as YAML text turned into JSON by the same Python (no YAML parser in node_modules). */
function parsed(...files: string[]): Record<string, unknown> {
  const code = "import json,sys,yaml; print(json.dumps([yaml.safe_load(open(f)) for f in sys.argv[1:]]))";
  const docs = JSON.parse(execFileSync(python as string, ["-c", code, ...files], { encoding: "utf8" }));
  return docs.length === 1 ? docs[0] : docs;
}

const scratch = mkdtempSync(join(tmpdir(), "nsbook-helm-values-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describeWhen(req, "the Zero to JupyterHub values (docker/helm)", () => {
  it("values.yaml validates against the chart's schema, merged over its defaults", {
    timeout: 60_000,
  }, () => {
    const r = runLint(values);
    expect(r.out).toContain("values: OK");
    expect(r.status).toBe(0);
  });

  it("values-sysbox.yaml over values.yaml validates too", { timeout: 60_000 }, () => {
    const r = runLint(values, sysbox);
    expect(r.out).toContain("values: OK");
    expect(r.status).toBe(0);
  });

  it("the lint fails on values the chart refuses, naming where and why", { timeout: 60_000 }, () => {
    // A key the chart does not have (privileged belongs to KubeSpawner, under hub.config) and a wrong type.
    const bad = join(scratch, "bad.yaml");
    const text = readFileSync(values, "utf8");
    expect(text).toContain("  timeout: 3600\n");
    writeFileSync(bad, text.replace("  timeout: 3600\n", "  timeout: one hour\n  unknownKnob: 1\n"));
    const r = runLint(bad);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/INVALID cull\.timeout: 'one hour' is not of type/);
    expect(r.out).toMatch(
      /INVALID cull: Additional properties are not allowed \('unknownKnob' was unexpected\)/,
    );
    const typo = join(scratch, "typo.yaml");
    writeFileSync(typo, "singleuser:\n  privileged: true\n");
    expect(runLint(typo).out).toMatch(/INVALID singleuser: .*'privileged' was unexpected/);
  });

  it("says what nested containers need: privileged server, sudo allowed, the image's user, limits, culling", {
    timeout: 60_000,
  }, () => {
    const v = parsed(values) as {
      hub: { config: { KubeSpawner: { privileged: boolean } } };
      singleuser: Record<string, unknown> & {
        memory: { guarantee: string; limit: string };
        cpu: { guarantee: number; limit: number };
        image: { name: string };
      };
      cull: { enabled: boolean; timeout: number };
    };
    expect(v.hub.config.KubeSpawner.privileged).toBe(true);
    // no_new_privs (the chart's default false) would stop sudo, hence the root kernel.
    expect(v.singleuser.allowPrivilegeEscalation).toBe(true);
    expect(v.singleuser.uid).toBe(1000);
    expect(v.singleuser.cmd).toBe("jupyterhub-singleuser");
    expect(v.singleuser.defaultUrl).toBe("/lab/tree/en/00-preflight.ipynb");
    expect(v.singleuser.memory.guarantee && v.singleuser.memory.limit).toBeTruthy();
    expect(v.singleuser.cpu.guarantee && v.singleuser.cpu.limit).toBeTruthy();
    expect(v.cull.enabled).toBe(true);
    expect(v.cull.timeout).toBeGreaterThan(0);
    const s = parsed(sysbox) as {
      hub: { config: { KubeSpawner: { privileged: boolean } } };
      singleuser: { extraPodConfig: { runtimeClassName: string } };
    };
    expect(s.hub.config.KubeSpawner.privileged).toBe(false);
    expect(s.singleuser.extraPodConfig.runtimeClassName).toBe("sysbox-runc");
  });

  it("the image's start page and user are what the values say (docker/)", { timeout: 60_000 }, () => {
    const config = readFileSync(join(root, "docker/jupyter_server_config.py"), "utf8");
    expect(config).toContain('f"/lab/tree/{_lang}/00-preflight.ipynb"');
    const dockerfile = readFileSync(join(root, "docker/Dockerfile"), "utf8");
    expect(dockerfile).toMatch(/ARG NB_UID=1000/);
    expect(dockerfile).toMatch(/ARG JUPYTERHUB_VERSION=5\.4\.6/);
  });
});
