// Driving JupyterLab 4 as a learner does, through playwright-core and Debian's chromium: open a notebook from
// the file browser, run its cells with Shift-Enter, press the toolbar's buttons, read what the output area shows.
import { type Browser, chromium, type Locator, type Page } from "playwright-core";

export interface Lab {
  base: string;
  token: string;
  artifacts: string;
}

/**
 * Debian's chromium, with nothing that reaches for the network (this machine has no internet). playwright gives
 * it a fresh profile (a temporary --user-data-dir) and removes it afterwards.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.NSBOOK_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Jupyter's REST API, with the token. */
export async function api<T>(lab: Lab, path: string, method = "GET"): Promise<T> {
  const res = await fetch(`${lab.base}${path}`, { method, headers: { Authorization: `token ${lab.token}` } });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

interface Session {
  id: string;
  path: string;
  kernel: { id: string; execution_state: string; name: string };
}

/** The kernel of the notebook at `path` (relative to notebooks/), once Jupyter has started it. */
export async function kernelOf(lab: Lab, path: string): Promise<Session["kernel"] | undefined> {
  const sessions = await api<Session[]>(lab, "/api/sessions");
  return sessions.find((s) => s.path === path)?.kernel;
}

/** Shuts every kernel down (as closing the notebooks with "Shut Down Kernel" would). */
export async function shutDownAll(lab: Lab): Promise<void> {
  for (const s of await api<Session[]>(lab, "/api/sessions")) {
    await api(lab, `/api/sessions/${s.id}`, "DELETE");
  }
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 250,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The kernel of `path` is idle (started, or back from a cell). */
export function kernelIdle(lab: Lab, path: string, timeoutMs = 60_000): Promise<string> {
  return until(
    `the kernel of ${path} to be idle`,
    async () => (await kernelOf(lab, path))?.execution_state === "idle" && "idle",
    timeoutMs,
  );
}

/** JupyterLab with a clean workspace (no tabs from an earlier run). */
export async function openLab(page: Page, lab: Lab): Promise<void> {
  await page.goto(`${lab.base}/lab?reset&token=${lab.token}`);
  await page.locator(".jp-DirListing-content").waitFor({ timeout: 60_000 });
  await dismissToasts(page);
}

/**
 * Closes JupyterLab's notifications so they do not cover screenshots: "No" to "notified about official Jupyter
 * news?" (it would fetch from the internet), the close button of any other.
 */
export async function dismissToasts(page: Page): Promise<void> {
  for (const b of await page.locator(".Toastify__toast button", { hasText: /^No$/ }).all()) {
    await b.click({ timeout: 1000 }).catch(() => {});
  }
  for (const b of await page.locator(".Toastify__toast .jp-toast-dismiss, .Toastify__close-button").all()) {
    await b.click({ timeout: 1000 }).catch(() => {});
  }
}

/** Opens `path` (e.g. "en/06-cgroups.ipynb") by double-clicking through the file browser, as a learner does. */
export async function openFromFileBrowser(page: Page, lab: Lab, path: string): Promise<Locator> {
  // The breadcrumbs' home icon: the root of what Jupyter serves (notebooks/).
  await page.locator(".jp-BreadCrumbs-home").first().click();
  for (const part of path.split("/")) {
    const item = page.locator(`.jp-DirListing-item[title^="Name: ${part}"], .jp-DirListing-item`).filter({
      has: page.locator(`.jp-DirListing-itemText`, { hasText: new RegExp(`^${escapeRe(part)}$`) }),
    });
    await item.first().dblclick();
  }
  const panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)");
  await panel.locator(".jp-Cell").first().waitFor({ timeout: 30_000 });
  await until("the notebook's kernel", async () => kernelOf(lab, path));
  await kernelIdle(lab, path, 90_000);
  return panel;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The cells of the visible notebook. */
export function cells(page: Page): Locator {
  return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell");
}

/** Index of the active cell. */
export function activeIndex(page: Page): Promise<number> {
  return cells(page).evaluateAll((els) => els.findIndex((e) => e.classList.contains("jp-mod-active")));
}

/** Selects cell `i` in command mode (a click on its prompt, then Escape). */
export async function selectCell(page: Page, i: number): Promise<void> {
  const cell = cells(page).nth(i);
  await cell.scrollIntoViewIfNeeded();
  // The prompt ("[ ]:"), not the blue bar left of it: a click there collapses the cell's input.
  await cell.locator(".jp-InputArea-prompt").first().click();
  await page.keyboard.press("Escape");
  await until(`cell ${i} to be selected`, async () => (await activeIndex(page)) === i, 5000, 50);
}

export function isCode(cell: Locator): Promise<boolean> {
  return cell.evaluate((e) => e.classList.contains("jp-CodeCell"));
}

/** The cell's prompt says "[*]" while it is queued or running. */
export async function running(cell: Locator): Promise<boolean> {
  const prompt = (await cell.locator(".jp-InputArea-prompt").first().textContent()) ?? "";
  return prompt.includes("*");
}

export async function waitForCell(cell: Locator, timeoutMs = 240_000): Promise<void> {
  await until("the cell to finish", async () => !(await running(cell)), timeoutMs, 100);
}

/** What a check-aware reader sees in a cell's outputs. */
export interface CellOutput {
  text: string;
  passed: string[];
  failed: string[];
  images: number;
  stderr: string;
}

export async function outputOf(cell: Locator): Promise<CellOutput> {
  return cell.evaluate((e) => {
    const out = e.querySelector(".jp-Cell-outputWrapper");
    const passed: string[] = [];
    const failed: string[] = [];
    for (const c of out?.querySelectorAll(".nsbook-check, [data-nsbook-check]") ?? []) {
      const title = (c.textContent ?? "").trim().replace(/\s+/g, " ");
      const attr = c.getAttribute("data-nsbook-check");
      const ok = attr ? attr === "pass" : title.startsWith("✓");
      (ok ? passed : failed).push(title);
    }
    const stderr = [...(out?.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]') ?? [])]
      .map((s) => s.textContent ?? "")
      .join("\n");
    return {
      // biome-ignore lint/performance/useDomNodeTextContent: what the learner reads, laid out (line breaks)
      text: (out as { innerText?: string } | null)?.innerText ?? "",
      passed,
      failed,
      images: out?.querySelectorAll("img").length ?? 0,
      stderr,
    };
  });
}

/** Clicks a toolbar button of the visible notebook by its item name ("interrupt", "restart", "restart-and-run"). */
export async function toolbar(page: Page, item: string): Promise<void> {
  await page
    .locator(`.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar [data-jp-item-name="${item}"]`)
    .first()
    .click();
}

/** JupyterLab's status bar says the kernel is idle (its websocket is connected and the kernel answered). */
export async function uiIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await until(
    "the status bar to say Idle",
    async () => /\|\s*Idle/.test((await page.locator(".jp-StatusBar-Widget").allTextContents()).join(" ")),
    timeoutMs,
  );
}

/** Accepts JupyterLab's confirmation dialog (Restart?). */
export async function acceptDialog(page: Page): Promise<void> {
  await page.locator(".jp-Dialog .jp-mod-accept").click({ timeout: 10_000 });
}

/** Chooses a menu item from the menu bar: menu(page, "File", "Save and Export Notebook As", "HTML"). */
export async function menu(page: Page, ...labels: string[]): Promise<void> {
  const [top, ...rest] = labels;
  await page.locator(".lm-MenuBar-itemLabel", { hasText: new RegExp(`^${escapeRe(top ?? "")}$`) }).click();
  for (const [i, label] of rest.entries()) {
    const item = page
      .locator(".lm-Menu:visible .lm-Menu-item")
      .filter({ has: page.locator(".lm-Menu-itemLabel", { hasText: new RegExp(`^${escapeRe(label)}`) }) })
      .last();
    if (i < rest.length - 1) await item.hover();
    else await item.click();
  }
}

/** The visible notebook's tab is marked modified (the dot JupyterLab shows instead of the close button). */
export function notebookDirty(page: Page): Promise<boolean> {
  return page
    .locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current.jp-mod-dirty")
    .count()
    .then((n) => n > 0);
}

/** The texts of JupyterLab's notifications (toasts) on the page now. */
export function toastTexts(page: Page): Promise<string[]> {
  return page.locator(".Toastify__toast").allTextContents();
}

/**
 * Sets the learner's theme setting through JupyterLab's settings API: pages opened afterwards use it. The theme is
 * a user setting (~/.jupyter/lab/user-settings), so a run that switched to Dark and failed would leave it for
 * every later step and run; each run starts from Light.
 */
export async function themeSetting(lab: Lab, theme: string): Promise<void> {
  const res = await fetch(`${lab.base}/lab/api/settings/@jupyterlab/apputils-extension:themes`, {
    method: "PUT",
    headers: { Authorization: `token ${lab.token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ raw: JSON.stringify({ theme }) }),
  });
  if (!res.ok) throw new Error(`setting the theme ${theme}: HTTP ${res.status}`);
}

/** Switches JupyterLab's theme from the Settings menu ("JupyterLab Light", "JupyterLab Dark"). */
export async function setTheme(page: Page, theme: string): Promise<void> {
  await menu(page, "Settings", "Theme", theme);
  // JupyterLab marks the page's body with whether the theme is light.
  const light = theme.includes("Dark") ? "false" : "true";
  await until(
    `the theme ${theme}`,
    async () => (await page.locator("body").getAttribute("data-jp-theme-light")) === light,
    30_000,
  );
  await page.waitForTimeout(500);
}

/** Opens the left sidebar's table of contents and returns its entries' texts, in order. */
export async function tableOfContents(page: Page): Promise<string[]> {
  const tab = page.locator('.jp-SideBar .lm-TabBar-tab[data-id="table-of-contents"]');
  if (!(await tab.evaluate((e) => e.classList.contains("lm-mod-current")))) await tab.click();
  const items = page.locator(".jp-TableOfContents-content .jp-tocItem-content");
  await items.first().waitFor({ timeout: 10_000 });
  return (await items.allTextContents()).map((t) => t.trim());
}

/**
 * Text on a background too close to it inside the visible notebook's outputs: every element with its own text
 * whose colour and effective background (the nearest ancestor with an opaque one) have a WCAG contrast ratio below
 * `min` (3:1: WCAG's floor for bold text such as the status marks). Images (charts) are not text: their own background is checked by looking at them.
 */
export function lowContrastText(page: Page, min = 3): Promise<string[]> {
  // A string: this project's TypeScript has no DOM types (tsconfig lib), and the function runs in the page.
  return page.evaluate(`((min) => {
    const rgb = (c) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(c);
      const p = (m?.[1] ?? "0,0,0,0").split(",").map((x) => Number.parseFloat(x));
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p.length > 3 ? (p[3] ?? 1) : 1];
    };
    const lum = ([r, g, b]) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
    };
    const background = (e) => {
      for (let n = e; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if ((c[3] ?? 0) > 0.5) return c;
      }
      return [255, 255, 255, 1];
    };
    const bad = [];
    const root = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)");
    for (const e of root?.querySelectorAll(".jp-OutputArea-output *") ?? []) {
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
      if (!own || e.offsetParent === null) continue;
      const fg = lum(rgb(getComputedStyle(e).color));
      const bg = lum(background(e));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < min)
        bad.push(
          \`\${e.tagName.toLowerCase()} "\${(e.textContent ?? "").trim().slice(0, 40)}" \${ratio.toFixed(1)}:1\`,
        );
    }
    return bad;
})(${min})`);
}
