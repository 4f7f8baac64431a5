// Takes full-page screenshots of a running Madang in Debian's Chromium:
//   npx tsx scripts/screenshot.ts http://127.0.0.1:3000/ out.png [width] [height]
// With a height, only the top of the page is taken; without, the whole page.
import { chromium } from 'playwright-core';

const [url, out, width, height] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts URL OUT.png [WIDTH]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: Number(height ?? 900) } });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, fullPage: height === undefined });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
