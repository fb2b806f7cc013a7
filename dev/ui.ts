import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. Usable outside vitest (the bench). */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A page as a person (or a screen reader) meets it: fields by their labels, controls by role and
 * name. The Chromium suite (Playwright) and the Firefox suite (puppeteer over WebDriver BiDi) drive
 * the extension through the same helpers written against this.
 */
export interface Ui {
  fill(label: string, value: string): Promise<void>;
  value(label: string): Promise<string>;
  /** Leaves the field labelled `label` with Tab (commits its value, as a person does). */
  tabFrom(label: string): Promise<void>;
  click(role: string, name: string): Promise<void>;
  /** The text of every element with `role` (and accessible name `name`), in document order. */
  texts(role: string, name?: string): Promise<string[]>;
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function playwrightUi(page: PlaywrightPage): Ui {
  // A field's name is its label, or its placeholder where it has none (a provider's login form).
  const field = (label: string) =>
    page.getByLabel(label, { exact: true }).or(page.getByPlaceholder(label, { exact: true }));
  const byRole = (role: string, name?: string) =>
    page.getByRole(role as Parameters<PlaywrightPage['getByRole']>[0], name ? { name, exact: true } : {});
  return {
    fill: (label, value) => field(label).fill(value),
    value: (label) => field(label).inputValue(),
    tabFrom: (label) => field(label).press('Tab'),
    click: (role, name) => byRole(role, name).click(),
    texts: async (role, name) => {
      // A page that navigates mid-read (a login form posting) is read again once it has settled.
      let texts: string[] | undefined;
      await until(async () => {
        texts = await byRole(role, name)
          .allTextContents()
          .catch((e: Error) => {
            if (/context was destroyed/.test(e.message)) return undefined;
            throw e;
          });
        return !!texts;
      }, `the ${role} elements to settle`);
      return texts!.map((t) => t.trim());
    },
    evaluate: (fn) => page.evaluate(fn),
    close: () => page.close(),
  };
}

/** Puppeteer's ARIA query: the accessible name (exact) and role, from the browser's accessibility tree. */
const aria = (name: string | undefined, role?: string) =>
  `::-p-aria(${name ? JSON.stringify(name).slice(1, -1).replace(/[()]/g, '\\$&') : ''}${role ? `[role="${role}"]` : ''})`;

export function puppeteerUi(page: PuppeteerPage): Ui {
  // As Playwright's getByLabel finds it: the control of a <label> with that text, or a control whose
  // aria-label or placeholder is that text (also inside a closed <details>, which the accessibility
  // tree leaves out).
  const field = async (label: string) => {
    let found: ElementHandle | undefined;
    await until(async () => {
      const handle = await page.evaluateHandle((name) => {
        const labelled = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
        return (
          labelled?.control ??
          [...document.querySelectorAll('input, textarea, select')].find(
            (e) => e.getAttribute('aria-label') === name || e.getAttribute('placeholder') === name,
          ) ??
          null
        );
      }, label);
      return !!(found = (handle.asElement() as ElementHandle | null) ?? undefined);
    }, `the field labelled ${label}`);
    return found!;
  };
  // Firefox builds a window's accessibility tree on first use, and a page that re-renders or navigates
  // drops the nodes found a moment before: each answers "none yet", and the caller polls on.
  const transient = (e: unknown) =>
    /documentAccessible is null|no such handle|no such node|no such frame|context was destroyed|Inspected target navigated|ownerGlobal is null|An exception was thrown/i.test(
      (e as Error).message,
    );
  const matches = async (role: string, name?: string): Promise<ElementHandle[]> => {
    try {
      return await page.$$(aria(name, role));
    } catch (e) {
      if (transient(e)) return [];
      throw e;
    }
  };
  // Found and read in one call, so no node can go stale between the two.
  const textsOf = async (role: string, name?: string): Promise<string[] | undefined> => {
    try {
      return await page.$$eval(aria(name, role), (found) => found.map((e) => (e.textContent ?? '').trim()));
    } catch (e) {
      if (transient(e)) return undefined;
      throw e;
    }
  };
  return {
    fill: async (label, value) => {
      // As a person replaces a value, but quicker: all but the last character set at once (one input
      // event: a key event per character over BiDi costs seconds per form), then the last one typed
      // for real, so the field knows the user changed it (its change event fires on leaving it).
      const input = await field(label);
      await input.focus();
      await input.evaluate(
        (e, v) => {
          (e as HTMLInputElement).value = v;
          e.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: v }));
        },
        value.slice(0, -1),
      );
      if (value === '') await page.keyboard.press('Backspace');
      else await input.type(value.slice(-1));
    },
    value: async (label) => (await field(label)).evaluate((e) => (e as HTMLInputElement).value),
    tabFrom: async (label) => {
      await (await field(label)).focus();
      await page.keyboard.press('Tab');
    },
    click: async (role, name) => {
      let target: ElementHandle | undefined;
      await until(async () => !!(target = (await matches(role, name))[0]), `the ${role} ${name}`);
      await target!.click();
    },
    texts: async (role, name) => {
      let texts: string[] | undefined;
      await until(async () => !!(texts = await textsOf(role, name)), `the ${role} elements to settle`);
      return texts!;
    },
    evaluate: (fn) => page.evaluate(fn),
    close: () => page.close(),
  };
}
