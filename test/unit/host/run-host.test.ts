import { describe, expect, it } from "vitest";
import { formatCommand, HostCommandError, runHost, withSbinPath } from "../../../src/lib/host/index.js";

describe("runHost", () => {
  it("returns stdout, exit code and duration of a successful command", async () => {
    const r = await runHost(["printf", "%s|", "a b", "c"]);
    expect(r.stdout).toBe("a b|c|");
    expect(r.exitCode).toBe(0);
    expect(r.failed).toBe(false);
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it("passes arguments without a shell, so metacharacters stay literal", async () => {
    const r = await runHost(["echo", "$(id)", ";", "*"]);
    expect(r.stdout).toBe("$(id) ; *\n");
  });

  it("throws a HostCommandError with command, exit code and stderr when the command fails", async () => {
    const e = await runHost(["ls", "/definitely/not/here"], { what: "list a folder" }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(HostCommandError);
    const err = e as HostCommandError;
    expect(err.message.split("\n")[0]).toBe("list a folder failed: ls /definitely/not/here");
    expect(err.exitCode).toBe(2);
    expect(err.stderr).toMatch(/No such file/);
    expect(err.durationMs).toBeGreaterThan(0);
  });

  it("returns the failure instead of throwing when allowFailure is set", async () => {
    const r = await runHost(["sh", "-c", "echo out; echo err >&2; exit 3"], { allowFailure: true });
    expect(r).toMatchObject({ exitCode: 3, failed: true, stdout: "out\n", stderr: "err\n" });
  });

  it("names the Debian package when a program is missing", async () => {
    const e = (await runHost(["/nonexistent/bin/nsenter"]).catch((x: unknown) => x)) as HostCommandError;
    expect(e).toBeInstanceOf(HostCommandError);
    expect(e.hint).toMatch(/apt-get install util-linux/);
  });

  it("reports the signal when the command is killed by a timeout", async () => {
    const e = (await runHost(["sleep", "5"], { timeoutMs: 100 }).catch(
      (x: unknown) => x,
    )) as HostCommandError;
    expect(e.signal).toBe("SIGTERM");
    expect(e.message).toMatch(/killed by SIGTERM/);
    expect(e.message).toMatch(/timed out after 100 ms/);
  });

  it("kills the command when the abort signal fires", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e = (await runHost(["sleep", "5"], { signal: ac.signal }).catch(
      (x: unknown) => x,
    )) as HostCommandError;
    expect(e).toBeInstanceOf(HostCommandError);
    expect(e.message).toMatch(/aborted/);
  });

  it("feeds input to stdin and streams output to callbacks", async () => {
    const chunks: string[] = [];
    const r = await runHost(["cat"], { input: "hello\n", onStdout: (t) => chunks.push(t) });
    expect(r.stdout).toBe("hello\n");
    expect(chunks.join("")).toBe("hello\n");
  });

  it("rejects an empty argv or a NUL byte before spawning anything", async () => {
    await expect(runHost([])).rejects.toThrow(TypeError);
    await expect(runHost(["echo", "a\0b"])).rejects.toThrow(/argv\[1\] contains a NUL byte/);
  });

  it("does not install a SIGINT listener (tslab interrupts would kill the kernel)", async () => {
    const before = process.listenerCount("SIGINT");
    await runHost(["true"]);
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});

describe("formatCommand", () => {
  it("quotes arguments that a shell would split or expand", () => {
    expect(formatCommand(["unshare", "--pid", "sh", "-c", "echo $$; it's"])).toBe(
      `unshare --pid sh -c 'echo $$; it'\\''s'`,
    );
    expect(formatCommand(["echo", ""])).toBe("echo ''");
  });
});

describe("withSbinPath", () => {
  it("appends the sbin folders a non-root Debian user lacks, keeping the order of the rest", () => {
    expect(withSbinPath("/usr/local/bin:/usr/bin:/bin")).toBe(
      "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
    );
  });

  it("adds nothing that is already there", () => {
    expect(withSbinPath("/usr/sbin:/usr/bin:/sbin:/usr/local/sbin")).toBe(
      "/usr/sbin:/usr/bin:/sbin:/usr/local/sbin",
    );
  });

  it("finds chroot even when the caller's PATH has no sbin folder", async () => {
    const r = await runHost(["chroot", "--version"], { env: { PATH: "/usr/bin:/bin" } });
    expect(r.stdout).toMatch(/chroot/);
  });
});
