// The report as PDF, printed by headless Chromium from the self-contained HTML document.
// Chromium is optional on a server: without it the PDF is refused with a clear reason (503)
// and the other formats keep working.
import { existsSync } from 'node:fs';

/** Chromium is not installed where the configuration says. */
export class PdfUnavailableError extends Error {
  override name = 'PdfUnavailableError';
  constructor(readonly chromiumPath: string) {
    super(`The PDF cannot be produced because Chromium is not installed at ${chromiumPath} (set CHROMIUM_PATH).`);
  }
}

/** Chromium is there but did not start or did not print. */
export class PdfFailedError extends Error {
  override name = 'PdfFailedError';
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

// Each print starts a browser of a few hundred megabytes: at most this many at once, the rest wait.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await fn();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export function chromiumAvailable(chromiumPath: string): boolean {
  return chromiumPath !== '' && existsSync(chromiumPath);
}

/** Prints a self-contained HTML document to an A4 PDF. */
export async function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (!chromiumAvailable(chromiumPath)) throw new PdfUnavailableError(chromiumPath);
  return slot(async () => {
    let browser;
    try {
      // Loaded on the first PDF, not at start: the browser driver is large and most processes never print.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 30_000 });
    } catch (e) {
      throw new PdfFailedError(`Chromium at ${chromiumPath} did not start: ${(e as Error).message.split('\n')[0]}`, { cause: e });
    }
    try {
      // The document needs no script and no network: turn both off.
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' } });
      return Buffer.from(pdf);
    } catch (e) {
      throw new PdfFailedError(`Chromium could not print the report: ${(e as Error).message.split('\n')[0]}`, { cause: e });
    } finally {
      await browser.close();
    }
  });
}
